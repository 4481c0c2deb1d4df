import type { SolveReport } from './types.js';

/** Linkages of each item, raw and normalised (Rasmussen's indices). */
export interface LinkagesResult extends SolveReport {
  readonly raw: Float64Array;
  /** raw_j divided by the average of raw: above 1 means stronger than average. */
  readonly normalised: Float64Array;
}

/** raw / mean(raw). */
export function normalise(raw: Float64Array): Float64Array {
  const n = raw.length;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += raw[j];
  const mean = sum / n;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) out[j] = raw[j] / mean;
  return out;
}
