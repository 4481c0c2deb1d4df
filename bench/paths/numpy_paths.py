"""Structural path analysis in plain numpy, the reference of bench/paths/run.ts.

Reads A (CSR arrays, little-endian), the intensity s and the final demand y written by run.ts,
computes M = s (I - A)^-1 with a dense solve, then the same best-first search over the tree of
supply chains (heapq), and prints one JSON line: seconds, CPU seconds and the path values.
"""
import heapq
import json
import os
import sys
import time

import numpy as np


def main():
    folder, n, max_paths, max_depth = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    row_ptr = np.fromfile(os.path.join(folder, "rowPtr.bin"), dtype="<i4")
    col_idx = np.fromfile(os.path.join(folder, "colIdx.bin"), dtype="<i4")
    values = np.fromfile(os.path.join(folder, "values.bin"), dtype="<f8")
    s = np.fromfile(os.path.join(folder, "s.bin"), dtype="<f8")
    y = np.fromfile(os.path.join(folder, "y.bin"), dtype="<f8")
    t0, c0 = time.perf_counter(), time.process_time()
    A = np.zeros((n, n))
    rows = np.repeat(np.arange(n), np.diff(row_ptr))
    A[rows, col_idx] = values
    M = np.linalg.solve((np.eye(n) - A).T, s)
    total = float(M @ y)
    # inputs of each column j: (i, a_ij)
    inputs = [(np.nonzero(A[:, j])[0], A[np.nonzero(A[:, j])[0], j]) for j in range(n)]
    heap = []
    for j in np.nonzero(y > 0)[0]:
        heapq.heappush(heap, (-(y[j] * M[j]), float(y[j]), int(j), 0))
    best = []  # min-heap of path values
    def kth():
        return best[0] if len(best) >= max_paths else 0.0
    while heap and -heap[0][0] > kth():
        _, prefix, j, d = heapq.heappop(heap)
        own = prefix * s[j]
        if own > kth() and own > 0:
            if len(best) < max_paths:
                heapq.heappush(best, own)
            else:
                heapq.heapreplace(best, own)
        if d >= max_depth:
            continue
        idx, a = inputs[j]
        pv = prefix * a
        tv = pv * M[idx]
        k = kth()
        for i, p, t in zip(idx[tv > k], pv[tv > k], tv[tv > k]):
            heapq.heappush(heap, (-float(t), float(p), int(i), d + 1))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu, "total": total, "values": sorted(best, reverse=True)}))


main()
