import type { CsrMatrix } from '../sparse/csr.js';
import { itemLabel, solveOne } from './solve.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare, checkVector } from './validate.js';

export interface GrossOutputResult extends SolveReport {
  /** Gross output per item, in the items' own units; NaN when the solve did not converge (see `status`). */
  readonly x: Float64Array;
}

/**
 * Gross output x that delivers the final demand y: the solution of (I − A) x = y, i.e.
 * x = L y with L = (I − A)⁻¹, found by an iterative solve (L is never formed).
 *
 * Units: y_i and x_i in the unit of item i (a_ij is units of i per unit of j).
 * The result carries the solver's status and relative residual ‖y − (I − A)x‖₂ / ‖y‖₂.
 */
export function grossOutput(sys: IoSystem | CsrMatrix, y: ArrayLike<number>, opts: LeontiefOptions = {}): GrossOutputResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  return solveOne(s.A, checkVector(y, n, 'y', s), false, opts, { quantity: 'the gross output', key: 'x', ...itemLabel(s) });
}
