"""Solve an MPS file with the HiGHS bundled in scipy (scipy.optimize._highspy) and print one JSON line.

usage: python3 highs_solve.py FILE SOLVER TOL TIME_LIMIT [OUT]
SOLVER: 'choose' (HiGHS's default: simplex or IPM with crossover, as linprog(method='highs')),
'ipm', 'simplex', 'pdlp' (HiGHS's first-order method, cuPDLP-C) or 'pdlp-no-presolve' (the same
with HiGHS's presolve off: on the generated plans of bench/plan-gen, PDLP after presolve returns
'Unknown' with the objective 2.6% off at 10^3 items × periods, without it 'Optimal'). TOL sets the relative gap and
the feasibility tolerances for 'pdlp' (ignored otherwise: exact methods use HiGHS's defaults).
With OUT, the primal values, row duals and column duals are written as raw float64 to OUT.x,
OUT.y, OUT.z, in the order of the MPS names C0, C1, … and R0, R1, … (bench/lp/write-mps.ts), so
that the benchmark can check them against the LP itself.
"""
import json
import resource
import sys
import time

from scipy.optimize._highspy import _core

path, solver, tol, time_limit = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
out = sys.argv[5] if len(sys.argv) > 5 else None
h = _core._Highs()
h.setOptionValue('output_flag', False)
h.readModel(path)
if solver == 'pdlp-no-presolve':
    solver = 'pdlp'
    h.setOptionValue('presolve', 'off')
h.setOptionValue('solver', solver)
h.setOptionValue('time_limit', time_limit)
h.setOptionValue('threads', 1) if solver == 'pdlp' else None
if solver == 'pdlp':
    h.setOptionValue('pdlp_d_gap_tol', tol)
    h.setOptionValue('primal_feasibility_tolerance', tol)
    h.setOptionValue('dual_feasibility_tolerance', tol)
t = time.perf_counter()
c = time.process_time()
h.run()
seconds = time.perf_counter() - t
cpu_seconds = time.process_time() - c
info = h.getInfo()
if out is not None:
    import numpy as np
    lp = h.getLp()
    sol = h.getSolution()
    def ordered(values, names, prefix):
        v = np.zeros(len(names))
        for k, name in enumerate(names):
            v[int(name[len(prefix):])] = values[k]
        return v
    cols, rows = list(lp.col_names_), list(lp.row_names_)
    ordered(sol.col_value, cols, 'C').astype('<f8').tofile(out + '.x')
    ordered(sol.row_dual, rows, 'R').astype('<f8').tofile(out + '.y')
    ordered(sol.col_dual, cols, 'C').astype('<f8').tofile(out + '.z')
print(json.dumps({
    'status': h.modelStatusToString(h.getModelStatus()),
    'objective': info.objective_function_value,
    'iterations': max(info.simplex_iteration_count, info.ipm_iteration_count, getattr(info, 'pdlp_iteration_count', 0)),
    'seconds': seconds,
    'cpuSeconds': cpu_seconds,
    'peakBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    'version': f'{h.versionMajor()}.{h.versionMinor()}.{h.versionPatch()}',
}))
