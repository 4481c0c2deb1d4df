/**
 * Worker thread of `parallelDraws`: draws its range of A's factors for each draw it is told, into
 * shared memory. Control array: [0] generation (bumped per request), [1] workers done, [2] workers
 * ready, [3] command (0 stop, 1 draw), [4] failed, [5] the draw. Internal to the leontief package.
 */
import { workerData } from 'node:worker_threads';
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
let generation = Atomics.load(ctrl, 0);
Atomics.add(ctrl, 2, 1);
Atomics.notify(ctrl, 2);
for (;;) {
  Atomics.wait(ctrl, 0, generation);
  generation = Atomics.load(ctrl, 0);
  if (Atomics.load(ctrl, 3) === 0) break;
  try {
    const key = streamKey(seed, Atomics.load(ctrl, 5), 0);
    drawPart(out, { key, base, rsd, lognormal, ...(order === undefined ? {} : { order }), ...(table === undefined ? {} : { table }) }, from, to);
  } catch {
    Atomics.store(ctrl, 4, 1);
  }
  Atomics.add(ctrl, 1, 1);
  Atomics.notify(ctrl, 1);
}
