"""Monte Carlo over the coefficients in plain numpy, the reference of bench/uncertainty/run.ts.

Reads A (CSR arrays, little-endian), the stressor rows S (k x n, dense) and the final demand per
region Yr (R x n, dense) written by run.ts. Draws the same numbers as Plenty's monteCarlo from the
same seed (its counter-based generator, src/leontief/monte-carlo-draws.ts, written again here over
numpy's uint32 arrays: a keyed lowbias32 hash of each coefficient's place, Wichura's AS 241 for
the normal quantile, the lognormal factor exp(s z - s^2 / 2) by its formula). For each of `draws`
draws: forms the dense A, solves M = S (I - A)^-1 (numpy.linalg.solve) and the footprints by region
M Yr^T. Writes the mean, median and 2.5 / 97.5 percentiles of M and of the footprints over the draws
(numpy.percentile, linear interpolation, as Plenty's) and prints one JSON line: the seconds and CPU
seconds of each draw.
"""
import json
import os
import sys
import time

import numpy as np

MASK = 0xFFFFFFFF


def mix32_int(x):
    x &= MASK
    x ^= x >> 16
    x = (x * 0x7FEB352D) & MASK
    x ^= x >> 15
    x = (x * 0x846CA68B) & MASK
    x ^= x >> 16
    return x


def mix32(x):
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    return x ^ (x >> np.uint32(16))


def stream_key(seed, draw, part):
    k1 = mix32_int(seed ^ mix32_int(part ^ mix32_int(draw)))
    return k1, mix32_int(k1 ^ 0x9E3779B9)


def poly(coefficients, r):
    out = np.zeros_like(r)
    for c in coefficients:
        out = out * r + c
    return out


A_NUM = [2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457, 13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608]
A_DEN = [5226.495278852545925, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867, 5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0]
C_NUM = [7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734]
C_DEN = [1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0]
E_NUM = [2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772]
E_DEN = [2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1.0]


def normal_quantile(u):
    """Wichura (1988), AS 241 (PPND16), over an array."""
    q = u - 0.5
    z = np.empty_like(u)
    central = np.abs(q) <= 0.425
    r = 0.180625 - q[central] ** 2
    z[central] = q[central] * poly(A_NUM, r) / poly(A_DEN, r)
    tail = ~central
    qt = q[tail]
    r = np.sqrt(-np.log(np.where(qt < 0, u[tail], 1 - u[tail])))
    near = r <= 5
    v = np.empty_like(r)
    v[near] = poly(C_NUM, r[near] - 1.6) / poly(C_DEN, r[near] - 1.6)
    v[~near] = poly(E_NUM, r[~near] - 5) / poly(E_DEN, r[~near] - 5)
    z[tail] = np.where(qt < 0, -v, v)
    return z


def lognormal_factors(seed, draw, count, rsd):
    k1, k2 = stream_key(seed, draw, 0)
    p = np.arange(count, dtype=np.uint32)
    h = mix32(mix32(p + np.uint32(k1)) ^ np.uint32(k2))
    u = (h.astype(np.float64) + 0.5) / 4294967296.0
    s2 = np.log(1 + rsd * rsd)
    return np.exp(np.sqrt(s2) * normal_quantile(u) - s2 / 2)


def main():
    folder, n, k, R, draws, rsd, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
    row_ptr = np.fromfile(os.path.join(folder, "rowPtr.bin"), dtype="<i4")
    col_idx = np.fromfile(os.path.join(folder, "colIdx.bin"), dtype="<i4")
    values = np.fromfile(os.path.join(folder, "values.bin"), dtype="<f8")
    S = np.fromfile(os.path.join(folder, "S.bin"), dtype="<f8").reshape(k, n)
    Yr = np.fromfile(os.path.join(folder, "Yr.bin"), dtype="<f8").reshape(R, n)
    rows = np.repeat(np.arange(n), np.diff(row_ptr))
    seconds, cpu = [], []
    Ms = np.empty((draws, k * n))
    Fs = np.empty((draws, k * R))
    for t in range(draws):
        t0, c0 = time.perf_counter(), time.process_time()
        v = values * lognormal_factors(seed, t, values.shape[0], rsd)
        IA = np.eye(n)
        IA[rows, col_idx] -= v
        M = np.linalg.solve(IA.T, S.T).T  # k x n
        F = M @ Yr.T  # k x R
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        Ms[t] = M.ravel()
        Fs[t] = F.ravel()
        del IA
    for name, X in (("M", Ms), ("F", Fs)):
        summary = np.stack([X.mean(axis=0), np.percentile(X, 50, axis=0), np.percentile(X, 2.5, axis=0), np.percentile(X, 97.5, axis=0)])
        summary.astype("<f8").tofile(os.path.join(folder, f"{name}-summary.bin"))
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu}))


main()
