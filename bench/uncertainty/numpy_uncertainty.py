"""Monte Carlo over the coefficients in plain numpy, the reference of bench/uncertainty/run.ts.

Reads A (CSR arrays, little-endian), the stressor rows S (k x n, dense), the final demand per region
Yr (R x n, dense) and one perturbed copy of A's values written by run.ts. For each of `draws` draws:
draws A's non-zeros times lognormal factors (mean 1, relative standard deviation `rsd`), forms the
dense A, solves M = S (I - A)^-1 (numpy.linalg.solve) and the footprints by region M Yr^T. Draw 0
uses the perturbed values given (Plenty's draw 0) in place of its own, and its M and footprints are
written back for the comparison. Prints one JSON line: the seconds and CPU seconds of each draw.
"""
import json
import os
import sys
import time

import numpy as np


def main():
    folder, n, k, R, draws, rsd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
    row_ptr = np.fromfile(os.path.join(folder, "rowPtr.bin"), dtype="<i4")
    col_idx = np.fromfile(os.path.join(folder, "colIdx.bin"), dtype="<i4")
    values = np.fromfile(os.path.join(folder, "values.bin"), dtype="<f8")
    given = np.fromfile(os.path.join(folder, "draw0.bin"), dtype="<f8")
    S = np.fromfile(os.path.join(folder, "S.bin"), dtype="<f8").reshape(k, n)
    Yr = np.fromfile(os.path.join(folder, "Yr.bin"), dtype="<f8").reshape(R, n)
    rows = np.repeat(np.arange(n), np.diff(row_ptr))
    rng = np.random.default_rng(1)
    s2 = np.log(1 + rsd * rsd)
    seconds, cpu = [], []
    for t in range(draws):
        t0, c0 = time.perf_counter(), time.process_time()
        v = values * np.exp(np.sqrt(s2) * rng.standard_normal(values.shape[0]) - s2 / 2)
        if t == 0:
            v = given
        IA = np.eye(n)
        IA[rows, col_idx] -= v
        M = np.linalg.solve(IA.T, S.T).T  # k x n
        F = M @ Yr.T  # k x R
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        if t == 0:
            M.astype("<f8").tofile(os.path.join(folder, "M0.bin"))
            F.astype("<f8").tofile(os.path.join(folder, "F0.bin"))
        del IA
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu}))


main()
