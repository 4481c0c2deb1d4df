import { Worker } from 'node:worker_threads';
import { drawPart, streamKey, type FactorTable } from './monte-carlo-draws.js';
import type { DrawWorkerData } from './monte-carlo-worker.js';
import { awaitServed, awaitServing, request, stopServing } from '../sparse/product/worker-loop.js';

/** A's factors of a draw, drawn by the calling thread and `threads − 1` workers. */
export interface ParallelDraws {
  draw(t: number): void;
  close(): void;
}

export interface SharedDrawPart {
  /** These four in shared memory (SharedArrayBuffer-backed), which the workers write and read. */
  readonly out: Float64Array;
  readonly base: Float64Array;
  readonly rsd: number | Float64Array;
  readonly order?: Int32Array;
  readonly lognormal: boolean;
  readonly table?: FactorTable;
  readonly seed: number;
}

const shared = (a: ArrayBufferView): boolean => a.buffer instanceof SharedArrayBuffer;

/**
 * Part 0 (A) of each draw split by entries between the calling thread and `threads − 1` worker
 * threads; the draws are counter-based, so the result is the same as drawn by one thread. The
 * calling thread blocks (Atomics.wait) until the workers are done. Undefined when the arrays are not
 * in shared memory or the workers do not start (then draw in one thread).
 */
export function parallelDraws(part: SharedDrawPart, threads: number): ParallelDraws | undefined {
  const { out, base, rsd, order, lognormal, table, seed } = part;
  if (threads < 2 || !shared(out) || !shared(base) || (order !== undefined && !shared(order)) || (typeof rsd !== 'number' && !shared(rsd))) return undefined;
  const nz = out.length;
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.floor((nz * t) / threads));
  const ctrl = new Int32Array(new SharedArrayBuffer(6 * 4));
  const workers: Worker[] = [];
  for (let t = 1; t < threads; t++) {
    const data: DrawWorkerData = { ctrl, out, base, rsd, lognormal, ...(order === undefined ? {} : { order }), table: table !== undefined, seed, from: bounds[t], to: bounds[t + 1] };
    try {
      const w = new Worker(new URL('./monte-carlo-worker.js', import.meta.url), { workerData: data });
      w.unref();
      workers.push(w);
    } catch {
      stopServing(ctrl);
      return undefined;
    }
  }
  const helpers = workers.length;
  if (!awaitServing(ctrl, workers)) return undefined;
  return {
    draw: (t) => {
      Atomics.store(ctrl, 5, t);
      request(ctrl, 1);
      drawPart(out, { key: streamKey(seed, t, 0), base, rsd, lognormal, ...(order === undefined ? {} : { order }), ...(table === undefined ? {} : { table }) }, 0, bounds[1]);
      awaitServed(ctrl, helpers, 'parallel draws');
    },
    close: () => stopServing(ctrl),
  };
}
