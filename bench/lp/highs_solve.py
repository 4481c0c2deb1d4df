"""Solve an MPS file with the HiGHS bundled in scipy (scipy.optimize._highspy) and print one JSON line.

usage: python3 highs_solve.py FILE SOLVER TOL TIME_LIMIT
SOLVER: 'choose' (HiGHS's default: simplex or IPM with crossover, as linprog(method='highs')),
'ipm', 'simplex' or 'pdlp' (HiGHS's first-order method, cuPDLP-C). TOL sets the relative gap and
the feasibility tolerances for 'pdlp' (ignored otherwise: exact methods use HiGHS's defaults).
"""
import json
import resource
import sys
import time

from scipy.optimize._highspy import _core

path, solver, tol, time_limit = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
h = _core._Highs()
h.setOptionValue('output_flag', False)
h.readModel(path)
h.setOptionValue('solver', solver)
h.setOptionValue('time_limit', time_limit)
h.setOptionValue('threads', 1) if solver == 'pdlp' else None
if solver == 'pdlp':
    h.setOptionValue('pdlp_d_gap_tol', tol)
    h.setOptionValue('primal_feasibility_tolerance', tol)
    h.setOptionValue('dual_feasibility_tolerance', tol)
t = time.perf_counter()
h.run()
seconds = time.perf_counter() - t
info = h.getInfo()
print(json.dumps({
    'status': h.modelStatusToString(h.getModelStatus()),
    'objective': info.objective_function_value,
    'iterations': max(info.simplex_iteration_count, info.ipm_iteration_count, getattr(info, 'pdlp_iteration_count', 0)),
    'seconds': seconds,
    'peakBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    'version': f'{h.versionMajor()}.{h.versionMinor()}.{h.versionPatch()}',
}))
