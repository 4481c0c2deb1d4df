#!/usr/bin/env python3
"""Reference solves for the Plenty benchmark, with numpy and scipy.

Reads the binary files the benchmark writes (raw little-endian arrays, see bench/README.md), solves
the same problems, writes the solutions beside them and prints one JSON line with times, peak
memory and relative residuals. Progress goes to stderr.

  scipy_solve.py versions
  scipy_solve.py sparse DIR iterative|direct [--rtol R] [--repeats K] [--warmups W] [--mem-limit-gb G]
  scipy_solve.py dense DIR inv|solve [--mem-limit-gb G]

sparse: (I - A) x = y and v (I - A) = l, A in CSR (rowptr.bin int32 or int64, colidx.bin int32,
values.bin float64), y.bin, l.bin; writes x_<method>.bin and v_<method>.bin.
  iterative: scipy.sparse.linalg.bicgstab on a LinearOperator x -> x - A x (no copy of A),
             relative tolerance rtol on the 2-norm of the residual; one checked run, then
             K timed runs (median).
  direct:    scipy.sparse.linalg.splu (SuperLU, the solver behind spsolve) of I - A in CSC, one
             factorisation for both solves (the second with trans='T').
dense: M = S (I - A)^-1 for A (a.bin, n x n row-major float64) and S (s.bin, m x n); writes
m_<method>.bin.
  inv:   L = np.linalg.inv(I - A); M = S @ L   (as pymrio computes multipliers)
  solve: M = np.linalg.solve((I - A).T, S.T).T (LU with m right-hand sides)

Out of memory (under --mem-limit-gb, an address-space limit) is reported as a status, not raised.
"""
import json
import os
import resource
import sys
import time


def log(msg):
    print(f"  [reference] {msg}", file=sys.stderr, flush=True)


def peak_bytes():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def emit(obj):
    obj["peakBytes"] = peak_bytes()
    print(json.dumps(obj), flush=True)


def parse_flags(args):
    flags = {}
    i = 0
    while i < len(args):
        if args[i].startswith("--") and i + 1 < len(args):
            flags[args[i][2:]] = args[i + 1]
            i += 2
        else:
            raise SystemExit(f"unknown argument {args[i]!r}")
    return flags


def limit_memory(flags):
    gb = flags.get("mem-limit-gb")
    if gb is not None:
        limit = int(float(gb) * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def versions():
    out = {"python": sys.version.split()[0]}
    try:
        import numpy

        out["numpy"] = numpy.__version__
    except ImportError:
        out["numpy"] = None
    try:
        import scipy

        out["scipy"] = scipy.__version__
    except ImportError:
        out["scipy"] = None
    print(json.dumps(out), flush=True)


def rel_residual(np, apply_op, x, b):
    r = b - apply_op(x)
    return float(np.linalg.norm(r) / np.linalg.norm(b))


def sparse(folder, method, flags):
    import numpy as np
    import scipy.sparse as sp
    import scipy.sparse.linalg as spla

    with open(os.path.join(folder, "meta.json")) as f:
        meta = json.load(f)
    n = meta["n"]
    ptr_type = np.int64 if meta.get("rowPtrType") == "int64" else np.int32
    t0 = time.perf_counter()
    indptr = np.fromfile(os.path.join(folder, "rowptr.bin"), dtype="<" + np.dtype(ptr_type).str[1:])
    indices = np.fromfile(os.path.join(folder, "colidx.bin"), dtype="<i4")
    data = np.fromfile(os.path.join(folder, "values.bin"), dtype="<f8")
    y = np.fromfile(os.path.join(folder, "y.bin"), dtype="<f8")
    l = np.fromfile(os.path.join(folder, "l.bin"), dtype="<f8")
    A = sp.csr_matrix((data, indices, indptr), shape=(n, n), copy=False)
    load_s = time.perf_counter() - t0
    shared = bool(np.shares_memory(A.data, data) and np.shares_memory(A.indices, indices))
    log(f"loaded n = {n}, nnz = {A.nnz} in {load_s:.1f} s (arrays shared, no copy: {shared})")

    def gross(x):
        return x - A @ x

    AT = A.T  # CSC view of the same arrays

    def labour(v):
        return v - AT @ v

    result = {"method": method, "n": n, "nnz": int(A.nnz), "loadSeconds": load_s}
    if method == "iterative":
        rtol = float(flags.get("rtol", "1e-10"))
        maxiter = int(flags.get("maxiter", "10000"))
        result["solver"] = "scipy.sparse.linalg.bicgstab"
        repeats = int(flags.get("repeats", "1"))
        warmups = int(flags.get("warmups", "0"))
        for name, op, b in (("x", gross, y), ("v", labour, l)):
            lin = spla.LinearOperator((n, n), matvec=op, dtype=np.float64)
            walls, cpus = [], []
            # The first run is checked; then `warmups` untimed runs and `repeats` timed runs (median
            # reported), as on our side.
            for run in range(warmups + repeats + 1):
                count = [0]

                def cb(_xk, count=count):
                    count[0] += 1

                t, c = time.perf_counter(), time.process_time()
                sol, info = spla.bicgstab(lin, b, rtol=rtol, atol=0.0, maxiter=maxiter, callback=cb)
                dt, dc = time.perf_counter() - t, time.process_time() - c
                if run == 0:
                    res = rel_residual(np, op, sol, b)
                    first = (sol, info, count[0], dt, dc)
                    if info != 0:
                        break
                elif run > warmups:
                    walls.append(dt)
                    cpus.append(dc)
            sol, info, iterations, dt0, dc0 = first
            dt = float(np.median(walls)) if walls else dt0
            dc = float(np.median(cpus)) if cpus else dc0
            log(f"bicgstab {name}: {dt:.2f} s (median of {len(walls) or 1}), {iterations} iterations, info {info}, residual {res:.2e}")
            sol.astype("<f8").tofile(os.path.join(folder, f"{name}_{method}.bin"))
            result[name] = {"seconds": dt, "cpuSeconds": dc, "runs": walls, "cpuRuns": cpus, "iterations": iterations, "info": int(info),
                            "relativeResidual": res, "status": "ok" if info == 0 else "not converged"}
    elif method == "direct":
        result["solver"] = "scipy.sparse.linalg.splu (SuperLU)"
        t, c = time.perf_counter(), time.process_time()
        M = (sp.identity(n, format="csr", dtype=np.float64) - A).tocsc()
        lu = spla.splu(M)
        factor_s, factor_c = time.perf_counter() - t, time.process_time() - c
        log(f"splu factor: {factor_s:.2f} s, fill nnz(L)+nnz(U) = {lu.L.nnz + lu.U.nnz}")
        result["factorSeconds"] = factor_s
        result["factorNnz"] = int(lu.L.nnz + lu.U.nnz)
        for name, trans, op, b in (("x", "N", gross, y), ("v", "T", labour, l)):
            t, c = time.perf_counter(), time.process_time()
            sol = lu.solve(b, trans=trans)
            dt, dc = time.perf_counter() - t, time.process_time() - c
            res = rel_residual(np, op, sol, b)
            log(f"splu solve {name}: {dt:.2f} s, residual {res:.2e}")
            sol.astype("<f8").tofile(os.path.join(folder, f"{name}_{method}.bin"))
            result[name] = {"seconds": factor_s + dt, "cpuSeconds": factor_c + dc, "solveSeconds": dt, "relativeResidual": res, "status": "ok"}
    else:
        raise SystemExit(f"unknown sparse method {method!r}")
    result["status"] = "ok"
    emit(result)


def dense(folder, method):
    import numpy as np

    with open(os.path.join(folder, "meta.json")) as f:
        meta = json.load(f)
    n, m = meta["n"], meta["m"]
    A = np.fromfile(os.path.join(folder, "a.bin"), dtype="<f8").reshape(n, n)
    S = np.fromfile(os.path.join(folder, "s.bin"), dtype="<f8").reshape(m, n)
    log(f"loaded dense n = {n}, m = {m}")
    t, c = time.perf_counter(), time.process_time()
    if method == "inv":
        L = np.linalg.inv(np.eye(n) - A)
        M = S @ L
        del L
    elif method == "solve":
        M = np.linalg.solve((np.eye(n) - A).T, S.T).T
    else:
        raise SystemExit(f"unknown dense method {method!r}")
    dt, dc = time.perf_counter() - t, time.process_time() - c
    # Residual of M (I - A) = S, row by row, worst row.
    R = S - (M - M @ A)
    res = float(np.max(np.linalg.norm(R, axis=1) / np.linalg.norm(S, axis=1)))
    log(f"numpy {method}: {dt:.2f} s, residual {res:.2e}")
    np.ascontiguousarray(M).astype("<f8").tofile(os.path.join(folder, f"m_{method}.bin"))
    emit({"method": method, "n": n, "m": m, "seconds": dt, "cpuSeconds": dc, "relativeResidual": res, "status": "ok",
          "threads": os.environ.get("OPENBLAS_NUM_THREADS", str(os.cpu_count()))})


def main(argv):
    if len(argv) < 1:
        raise SystemExit(__doc__)
    cmd = argv[0]
    if cmd == "versions":
        versions()
        return
    if len(argv) < 3:
        raise SystemExit(__doc__)
    folder, method, flags = argv[1], argv[2], parse_flags(argv[3:])
    limit_memory(flags)
    try:
        if cmd == "sparse":
            sparse(folder, method, flags)
        elif cmd == "dense":
            dense(folder, method)
        else:
            raise SystemExit(f"unknown command {cmd!r}")
    except MemoryError:
        emit({"method": method, "status": "out of memory"})
    except ImportError as e:
        emit({"method": method, "status": f"not available ({e.name})"})


if __name__ == "__main__":
    main(sys.argv[1:])
