import type { CsrMatrix } from '../sparse/csr.js';
import { itemLabel, solveOne } from './solve.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare } from './validate.js';

export interface OutputMultipliersResult extends SolveReport {
  /** Per item j: Σ_i L_ij, total output of all items per unit of final demand for j. */
  readonly multipliers: Float64Array;
}

/**
 * Simple output multipliers, the column sums of L = (I − A)⁻¹: m = e (I − A)⁻¹ with e = (1, …, 1),
 * found by one transposed solve m (I − A) = e. Also the raw backward linkages (see
 * `backwardLinkages`). Meaningful only when all items share one unit (a monetary table).
 */
export function outputMultipliers(sys: IoSystem | CsrMatrix, opts: LeontiefOptions = {}): OutputMultipliersResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const r = solveOne(s.A, new Float64Array(n).fill(1), true, opts, { quantity: 'the output multiplier', key: 'multipliers', ...itemLabel(s) });
  const { x, ...report } = r;
  return { ...report, multipliers: x };
}
