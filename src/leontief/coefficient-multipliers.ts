import type { CsrMatrix } from '../sparse/csr.js';
import { resolveRows, type CoefficientRows } from './coefficient-rows.js';
import { itemLabel, solveMany } from './solve.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare } from './validate.js';

export interface CoefficientMultipliersResult extends SolveReport {
  /** Names of the coefficient rows (resource ids, or `row k` for an anonymous matrix). */
  readonly names: readonly string[];
  /** Per row: the direct coefficients c (per unit of gross output). */
  readonly direct: readonly Float64Array[];
  /** Per row: the multipliers m = c (I − A)⁻¹ (per unit of final demand); NaN when the solve did not converge (see `status`). */
  readonly multipliers: readonly Float64Array[];
}

/**
 * Total (direct and indirect) coefficients per unit of final demand, for each coefficient row c:
 * m = c (I − A)⁻¹, found by transposed solves m (I − A) = c (all k rows together; L is never
 * formed). m_j is the amount of the row's quantity (value added, compensation, employment,
 * emissions …, in that row's unit) used in the whole economy per unit of final demand for item j.
 * Rows are a k × n matrix of coefficients per unit of gross output, or ids of rows of `sys.primary`.
 * Use `effects(m, y)` for the amounts behind a final demand y.
 */
export function coefficientMultipliers(
  sys: IoSystem | CsrMatrix,
  rows: CoefficientRows,
  opts: LeontiefOptions = {},
): CoefficientMultipliersResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const r = resolveRows(s, rows, n);
  const solved = solveMany(s.A, r.rows, true, opts, { quantity: 'the multiplier', key: 'multipliers', rows: r.names, ...itemLabel(s) });
  const base = {
    status: solved.status,
    iterations: solved.iterations,
    relativeResidual: solved.relativeResidual,
    names: r.names,
    direct: r.rows,
    multipliers: solved.x,
  };
  return solved.spectralRadius === undefined ? base : { ...base, spectralRadius: solved.spectralRadius };
}
