import { inputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { checkSquare, checkVector } from './validate.js';

/**
 * Location quotients that scale national coefficients down to a region's (Miller & Blair 2009,
 * section 8.3; Flegg & Webber 1997): with r_i and n_i a sector's regional and national output or
 * employment and R, N their totals,
 * - `slq`: SLQ_i = (r_i / R) / (n_i / N), applied to row i;
 * - `cilq`: CILQ_ij = SLQ_i / SLQ_j off the diagonal, SLQ_i on it;
 * - `flq`: FLQ_ij = λ* · CILQ_ij off the diagonal, λ* · SLQ_i on it, λ* = (log₂(1 + R/N))^δ.
 * The regional coefficient is a_ij · min(1, LQ_ij): a region imports what it lacks and never buys
 * more per unit of output than the nation.
 */
export type LocationQuotient = 'slq' | 'cilq' | 'flq';

export interface RegionalTable {
  readonly method: LocationQuotient;
  /** The regional coefficients: same structure as the national A. */
  readonly A: CsrMatrix;
  /** SLQ per sector (NaN where the sector has no national activity). */
  readonly slq: Float64Array;
  /** λ* of the FLQ (1 for the other methods). */
  readonly lambda: number;
}

/** The regional and national totals R and N, where they exceed the sums over the sectors. */
export interface RegionalTotals {
  readonly regional?: number;
  readonly national?: number;
}

/**
 * The regional table from a national one by location quotients. `national` and `regional` are
 * per-sector output or employment (the same measure for both); `delta` is the FLQ's δ (default 0.3,
 * Flegg and Tohmo's usual value), 0 ≤ δ < 1. `totals` gives R and N where the sectors do not
 * cover the whole (employment outside the table): each at least the sum over the sectors.
 */
export function regionalTable(A: CsrMatrix, national: ArrayLike<number>, regional: ArrayLike<number>, method: LocationQuotient, delta = 0.3, totals?: RegionalTotals): RegionalTable {
  const n = checkSquare(A, 'A');
  const nat = checkVector(national, n, 'national');
  const reg = checkVector(regional, n, 'regional');
  if (method !== 'slq' && method !== 'cilq' && method !== 'flq') throw inputError('bad-option', 'the location quotient must be slq, cilq or flq', { path: ['method'] }, method);
  if (!(delta >= 0 && delta < 1)) throw inputError('out-of-range', 'the FLQ’s δ must be at least 0 and below 1', { path: ['delta'] }, delta);
  let N = 0;
  let R = 0;
  for (let i = 0; i < n; i++) {
    if (nat[i] < 0) throw inputError('negative', 'national output or employment is negative', { path: ['national', i] }, nat[i]);
    if (reg[i] < 0) throw inputError('negative', 'regional output or employment is negative', { path: ['regional', i] }, reg[i]);
    if (reg[i] > 0 && nat[i] === 0) throw inputError('out-of-range', 'the region has activity in a sector the nation has none of', { path: ['regional', i] }, reg[i]);
    N += nat[i];
    R += reg[i];
  }
  if (totals?.national !== undefined) {
    if (!(totals.national >= N && Number.isFinite(totals.national))) throw inputError('out-of-range', `the national total must be at least the sum over the sectors (${N})`, { path: ['totals', 'national'] }, totals.national);
    N = totals.national;
  }
  if (totals?.regional !== undefined) {
    if (!(totals.regional >= R && Number.isFinite(totals.regional))) throw inputError('out-of-range', `the regional total must be at least the sum over the sectors (${R})`, { path: ['totals', 'regional'] }, totals.regional);
    R = totals.regional;
  }
  if (N === 0) throw inputError('empty', 'national output or employment sums to 0', { path: ['national'] }, N);
  if (R > N) throw inputError('out-of-range', 'the region is larger than the nation', { path: ['regional'] }, R);
  const slq = new Float64Array(n);
  for (let i = 0; i < n; i++) slq[i] = nat[i] === 0 ? Number.NaN : R === 0 ? 0 : reg[i] / R / (nat[i] / N);
  const lambda = method === 'flq' ? Math.log2(1 + R / N) ** delta : 1;
  const values = new Float64Array(A.values.length);
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = A.colIdx[p];
      let lq: number;
      if (method === 'slq' || i === j) lq = slq[i];
      else lq = slq[j] === 0 || Number.isNaN(slq[j]) ? 1 : slq[i] / slq[j];
      if (method === 'flq') lq *= lambda;
      // A sector the nation lacks has no coefficients to scale (its row is kept as it is, all zero
      // where the national table is consistent).
      values[p] = Number.isNaN(lq) ? A.values[p] : A.values[p] * Math.min(1, lq);
    }
  }
  return { method, A: { ...A, rowPtr: A.rowPtr.slice(), colIdx: A.colIdx.slice(), values }, slq, lambda };
}
