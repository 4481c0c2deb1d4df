/**
 * Worker thread of `parallelProduct`: waits for a command, computes its share of a product over
 * shared memory, reports done. Internal to the sparse package.
 */
import { workerData } from 'node:worker_threads';
import { gatherRange, gatherRangeMulti, scatterRange, scatterRangeMulti } from './range-kernels.js';

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
Atomics.add(ctrl, 2, 1);
Atomics.notify(ctrl, 2);
let generation = 0;
for (;;) {
  Atomics.wait(ctrl, 0, generation);
  generation = Atomics.load(ctrl, 0);
  const command = Atomics.load(ctrl, 3);
  if (command === 0) break;
  try {
    if (command === 1) {
      if (k === 1) gatherRange(rowPtr, colIdx, values, x, out, lo, hi);
      else gatherRangeMulti(rowPtr, colIdx, values, x, k, out, lo, hi);
    } else {
      out.fill(0, 0, cols * k);
      if (k === 1) scatterRange(rowPtr, colIdx, values, x, out, lo, hi);
      else scatterRangeMulti(rowPtr, colIdx, values, x, k, out, lo, hi);
    }
  } catch {
    Atomics.store(ctrl, 4, 1);
  }
  Atomics.add(ctrl, 1, 1);
  Atomics.notify(ctrl, 1);
}
