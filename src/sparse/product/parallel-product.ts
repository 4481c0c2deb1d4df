import { Worker } from 'node:worker_threads';
import type { CsrMatrix } from '../csr.js';
import type { BlockProduct } from './block-product.js';
import { gatherRange, gatherRangeMulti, scatterRange, scatterRangeMulti } from '../range-kernels.js';
import { isSharedCsr } from './to-shared-csr.js';
import { awaitServed, awaitServing, request, stopServing } from './worker-loop.js';

/** A product split over threads, and the means to stop its workers. */
export interface ParallelProduct {
  readonly product: BlockProduct;
  close(): void;
}

/**
 * out = A·X (or Aᵀ·X when `transposed`) for k interleaved vectors, split by rows (balanced by
 * non-zeros) between the calling thread and `threads − 1` worker threads that read A from shared
 * memory. The calling thread blocks (Atomics.wait) until the workers are done, so the product is
 * synchronous like the serial one. Gathers write disjoint rows; scatters accumulate per thread and
 * are summed (one extra cols × k vector per worker). Returns undefined when A is not in shared
 * memory or the workers do not start. Internal to the sparse package.
 */
export function parallelProduct(A: CsrMatrix, k: number, transposed: boolean, threads: number): ParallelProduct | undefined {
  if (threads < 2 || !isSharedCsr(A)) return undefined;
  const { rows, cols, rowPtr, colIdx, values } = A;
  const nz = rowPtr[rows];
  const bounds = [0];
  for (let t = 1; t < threads; t++) {
    const target = (nz * t) / threads;
    let i = bounds[t - 1];
    while (i < rows && rowPtr[i] < target) i++;
    bounds.push(i);
  }
  bounds.push(rows);
  const ctrl = new Int32Array(new SharedArrayBuffer(5 * 4));
  const inLength = (transposed ? rows : cols) * k;
  const outLength = (transposed ? cols : rows) * k;
  const x = new Float64Array(new SharedArrayBuffer(inLength * 8));
  const gathered = transposed ? undefined : new Float64Array(new SharedArrayBuffer(outLength * 8));
  const workers: Worker[] = [];
  const partials: Float64Array[] = [];
  for (let t = 1; t < threads; t++) {
    const out = gathered ?? new Float64Array(new SharedArrayBuffer(outLength * 8));
    if (transposed) partials.push(out);
    const data = { rowPtr, colIdx, values, ctrl, x, out, lo: bounds[t], hi: bounds[t + 1], k, cols };
    let w: Worker;
    try {
      w = new Worker(new URL('./parallel-worker.js', import.meta.url), { workerData: data });
    } catch {
      break; // no worker threads here: fall back to serial below
    }
    w.unref();
    workers.push(w);
  }
  if (workers.length < threads - 1) {
    stopServing(ctrl);
    return undefined;
  }
  const helpers = workers.length;
  // Wait (at most 10 s) for the workers to start.
  if (!awaitServing(ctrl, workers)) return undefined;
  const mine = bounds[1];
  const product: BlockProduct = (input, out) => {
    x.set(input.subarray(0, inLength));
    request(ctrl, transposed ? 2 : 1);
    if (transposed) {
      out.fill(0, 0, outLength);
      if (k === 1) scatterRange(rowPtr, colIdx, values, input, out, 0, mine);
      else scatterRangeMulti(rowPtr, colIdx, values, input, k, out, 0, mine);
    } else if (k === 1) gatherRange(rowPtr, colIdx, values, input, out, 0, mine);
    else gatherRangeMulti(rowPtr, colIdx, values, input, k, out, 0, mine);
    awaitServed(ctrl, helpers, 'parallel product');
    if (transposed) {
      for (const part of partials) for (let q = 0; q < outLength; q++) out[q] += part[q];
    } else if (gathered !== undefined) {
      out.set(gathered.subarray(mine * k, rows * k), mine * k);
    }
  };
  return { product, close: () => stopServing(ctrl) };
}
