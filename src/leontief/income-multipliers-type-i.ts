import type { CsrMatrix } from '../sparse/csr.js';
import { resolveRow, type CoefficientRow } from './coefficient-rows.js';
import { itemLabel, solveOne } from './solve.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare } from './validate.js';

export interface IncomeMultipliersResult extends SolveReport {
  readonly name: string;
  /** c: direct income (e.g. compensation of employees) per unit of gross output. */
  readonly direct: Float64Array;
  /** m = c (I − A)⁻¹: simple income multipliers, income in the whole economy per unit of final demand. */
  readonly simple: Float64Array;
  /** m_j / c_j: Type I income multipliers; NaN where c_j = 0 (undefined, see below). */
  readonly typeI: Float64Array;
}

/**
 * Type I income multipliers (Miller & Blair 2009, ch. 6): with c the direct income coefficients
 * (household income per unit of gross output) and m = c (I − A)⁻¹ the simple income multipliers,
 * the Type I multiplier of item j is m_j / c_j: the total income generated per unit of income paid
 * directly by sector j when final demand for j rises. Dimensionless.
 *
 * Where c_j = 0 the ratio is undefined and reported as NaN (the simple multiplier m_j is still
 * given). "Type I" means households are exogenous (the open model); Type II would close A with a
 * household row and column.
 */
export function incomeMultipliersTypeI(
  sys: IoSystem | CsrMatrix,
  incomeRow: CoefficientRow,
  opts: LeontiefOptions = {},
): IncomeMultipliersResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const { name, row: c } = resolveRow(s, incomeRow, n, 'incomeRow');
  const r = solveOne(s.A, c, true, opts, { quantity: 'the income multiplier', key: 'simple', ...itemLabel(s) });
  const typeI = new Float64Array(n);
  for (let j = 0; j < n; j++) typeI[j] = c[j] === 0 ? Number.NaN : r.x[j] / c[j];
  const base = { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual, name, direct: c, simple: r.x, typeI };
  return r.spectralRadius === undefined ? base : { ...base, spectralRadius: r.spectralRadius };
}
