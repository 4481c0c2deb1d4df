/**
 * Worker thread of `parallelDraws`: draws its range of A's factors for each draw it is told, into
 * shared memory, under the product workers' protocol (src/sparse/product/worker-loop.ts: command 1
 * draws, 0 stops) with the draw in [5]. Internal to the leontief package.
 */
import { workerData } from 'node:worker_threads';
import { serveProducts } from '../sparse/product/worker-loop.js';
import { drawPart, factorTable, streamKey } from './monte-carlo-draws.js';

export interface DrawWorkerData {
  readonly ctrl: Int32Array;
  readonly out: Float64Array;
  readonly base: Float64Array;
  readonly rsd: number | Float64Array;
  readonly lognormal: boolean;
  readonly order?: Int32Array;
  readonly table: boolean;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

const d = workerData as DrawWorkerData;
const { ctrl, out, base, rsd, lognormal, order, seed, from, to } = d;
const table = d.table && typeof rsd === 'number' ? factorTable(rsd, lognormal) : undefined;
serveProducts(ctrl, () => {
  const key = streamKey(seed, Atomics.load(ctrl, 5), 0);
  drawPart(out, { key, base, rsd, lognormal, ...(order === undefined ? {} : { order }), ...(table === undefined ? {} : { table }) }, from, to);
});
