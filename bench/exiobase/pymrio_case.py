"""pymrio on the benchmark's synthetic EXIOBASE 3 download: parse_exiobase3, then calc_all.

Prints one JSON line: the seconds of each step (wall clock and CPU, all threads), the process's peak resident memory, and what the
benchmark compares with Plenty's figures (x, the satellite's D_cba_reg, D_pba_reg, D_imp_reg, D_exp_reg, stressors x regions,
and its D_imp, stressors x products).

pymrio runs from its source when PYMRIO_SRC names a checkout of it (github.com/IndEcol/pymrio),
else as installed. Usage: python3 pymrio_case.py DOWNLOAD_FOLDER
"""

import json
import os
import resource
import sys
import time

src = os.environ.get("PYMRIO_SRC")
if src:
    sys.path.insert(0, src)
import pymrio  # noqa: E402

path = sys.argv[1]
t0, c0 = time.perf_counter(), time.process_time()
io = pymrio.parse_exiobase3(path)
t1, c1 = time.perf_counter(), time.process_time()
io.calc_all()
t2, c2 = time.perf_counter(), time.process_time()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
cba = io.satellite.D_cba_reg
print(
    json.dumps(
        {
            "parseSeconds": t1 - t0,
            "calcAllSeconds": t2 - t1,
            "parseCpuSeconds": c1 - c0,
            "calcAllCpuSeconds": c2 - c1,
            "peakBytes": peak,
            "regions": [str(r) for r in cba.columns],
            "x": io.x.iloc[:, 0].tolist(),
            "D_cba_reg": cba.values.tolist(),
            "D_pba_reg": io.satellite.D_pba_reg.values.tolist(),
            "D_imp_reg": io.satellite.D_imp_reg.values.tolist(),
            "D_exp_reg": io.satellite.D_exp_reg.values.tolist(),
            "D_imp": io.satellite.D_imp.values.tolist(),
        }
    )
)
