/**
 * Worker thread of `parallelProduct`: waits for a command, computes its share of a product over
 * shared memory, reports done. Internal to the sparse package.
 */
import { workerData } from 'node:worker_threads';
import { gatherRange, gatherRangeMulti, scatterRange, scatterRangeMulti } from '../range-kernels.js';
import { serveProducts } from './worker-loop.js';

export interface ParallelWorkerData {
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
  /** [0] generation, [1] done count, [2] ready count, [3] command (0 stop, 1 gather, 2 scatter), [4] failed. */
  readonly ctrl: Int32Array;
  readonly x: Float64Array;
  /** Gather: rows [lo, hi) of the result. Scatter: this worker's own accumulator (cols × k). */
  readonly out: Float64Array;
  readonly lo: number;
  readonly hi: number;
  readonly k: number;
  readonly cols: number;
}

const d = workerData as ParallelWorkerData;
const { rowPtr, colIdx, values, ctrl, x, out, lo, hi, k, cols } = d;
serveProducts(ctrl, (command) => {
  if (command === 1) {
    if (k === 1) gatherRange(rowPtr, colIdx, values, x, out, lo, hi);
    else gatherRangeMulti(rowPtr, colIdx, values, x, k, out, lo, hi);
  } else {
    out.fill(0, 0, cols * k);
    if (k === 1) scatterRange(rowPtr, colIdx, values, x, out, lo, hi);
    else scatterRangeMulti(rowPtr, colIdx, values, x, k, out, lo, hi);
  }
});
