"""The Python reference on the benchmark's synthetic GLORIA download: what every Python reader of GLORIA does first.

pymrio's parse_gloria_sut reads each of GLORIA's matrices whole and dense with pandas'
read_csv(file, header=None), then builds the IO table (construct "B": A = U diag(g)^-1 V diag(q)^-1).
With pymrio (from PYMRIO_SRC, a checkout of github.com/IndEcol/pymrio, else as installed) and openpyxl
(for the ReadMe workbook) this runs parse_gloria_sut and the construction; with pandas alone it times
read_csv of T. Either is skipped, with the reason, when the dense T would not fit in memory: read_csv
of a headerless CSV of N columns peaks at about READ_CSV_FACTOR times the N^2 * 8 bytes of the dense
matrix (measured with pandas 1.5.3 on an 8,000 x 8,000 T: 4.25, its chunks, their concatenation and
the frame's blocks; pymrio's peak is the same read). Then only the first rows of T that fit in a
quarter of the available memory are read, and the time for the whole of T extrapolated from them.

Prints one JSON line. Usage: python3 reference_case.py DOWNLOAD_FOLDER
"""

import glob
import json
import os
import resource
import sys
import time

READ_CSV_FACTOR = 4.5

src = os.environ.get("PYMRIO_SRC")
if src:
    sys.path.insert(0, src)


def meminfo(field):
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def peak_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def done(result):
    print(json.dumps(result))
    sys.exit(0)


path = sys.argv[1]
try:
    import numpy as np
    import pandas as pd
except ImportError as e:
    done({"skipped": f"pandas is not installed for this Python ({sys.version.split()[0]}: {e}); set PYTHON to a Python with pandas"})

pymrio_missing = None
try:
    import openpyxl  # noqa: F401  (pymrio reads the ReadMe workbook with it)
    from pymrio.tools import ioparser
except ImportError as e:
    pymrio_missing = str(e)

t_file = glob.glob(os.path.join(path, "GLORIA_MRIOs_*", "*_T-Results_*_Markup001(full).csv"))[0]
with open(t_file) as f:
    N = f.readline().count(",") + 1
dense = N * N * 8
need = READ_CSV_FACTOR * dense
available = meminfo("MemAvailable")
total = meminfo("MemTotal")
what = "pandas.read_csv of T" if pymrio_missing else "pymrio.parse_gloria_sut + construct B"
base = {"N": N, "denseBytes": dense, "needBytes": need, "availableBytes": available, "totalBytes": total, "pandas": pd.__version__}
if pymrio_missing:
    base["pymrioMissing"] = pymrio_missing

if need > available:
    # Only the first rows of T, as many as fit in a quarter of the available memory.
    rows = max(1, min(N, int(available / 4 / (READ_CSV_FACTOR * 8 * N))))
    t0, c0 = time.perf_counter(), time.process_time()
    part = pd.read_csv(t_file, header=None, nrows=rows)
    t1, c1 = time.perf_counter(), time.process_time()
    done(
        {
            **base,
            "skipped": f"{what} not run: the dense T ({N:,} x {N:,}, {dense / 2**30:.1f} GiB) needs about {need / 2**30:.0f} GiB to read"
            f" with read_csv, above the {available / 2**30:.1f} GiB available ({total / 2**30:.1f} GiB in all)",
            "partial": {
                "rows": int(part.shape[0]),
                "seconds": t1 - t0,
                "cpuSeconds": c1 - c0,
                "peakBytes": peak_bytes(),
                "extrapolatedSeconds": (t1 - t0) * N / part.shape[0],
            },
        }
    )

if pymrio_missing:
    t0, c0 = time.perf_counter(), time.process_time()
    T = pd.read_csv(t_file, header=None)
    t1, c1 = time.perf_counter(), time.process_time()
    done(
        {
            **base,
            "mode": "read_csv",
            "seconds": t1 - t0,
            "cpuSeconds": c1 - c0,
            "peakBytes": peak_bytes(),
            "nonZerosT": int(np.count_nonzero(T.to_numpy())),
        }
    )

t0, c0 = time.perf_counter(), time.process_time()
data, _meta = ioparser.parse_gloria_sut(path, 2022, 59)
t1, c1 = time.perf_counter(), time.process_time()
io = getattr(ioparser, "__construct_IO")(data, construct="B")
t2, c2 = time.perf_counter(), time.process_time()
A = io["A"].to_numpy()
done(
    {
        **base,
        "mode": "pymrio",
        "seconds": t1 - t0,
        "cpuSeconds": c1 - c0,
        "constructSeconds": t2 - t1,
        "constructCpuSeconds": c2 - c1,
        "peakBytes": peak_bytes(),
        "products": int(A.shape[0]),
        "nonZerosA": int(np.count_nonzero(A)),
        "sumA": float(A.sum()),
    }
)
