import type { LinearProgram } from './lp-types.js';

/**
 * Bounds at least this large in magnitude are "large": finite, and honoured as such, but often a
 * stand-in for "hardly a limit" (a resource of 1e25 J). Solvers' numerics suffer from them
 * (HiGHS's interior point loops in crossover on a column bound of 1e24; PDHG's step sizes follow
 * the largest bound), so relaxRedundantBounds removes those that the other constraints make
 * redundant.
 */
export const LARGE_BOUND = 1e20;

/** Relative margin by which an implied bound must lie inside a large bound to replace it. */
const MARGIN = 1e-9;

function small(v: number): boolean {
  return Math.abs(v) < LARGE_BOUND;
}

function large(v: number): boolean {
  return Number.isFinite(v) && !small(v);
}

function inside(implied: number, bound: number, side: 'upper' | 'lower'): boolean {
  const slack = MARGIN * (Math.abs(implied) + Math.abs(bound));
  return side === 'upper' ? implied + slack <= bound : implied - slack >= bound;
}

/** Whether `lp` has a finite bound (of a row or a column) of at least LARGE_BOUND in magnitude. */
export function hasLargeBound(lp: LinearProgram): boolean {
  for (const v of [lp.colLower, lp.colUpper, lp.rowLower, lp.rowUpper]) for (let k = 0; k < v.length; k++) if (large(v[k])) return true;
  return false;
}

/**
 * The same LP with every large bound (|b| ≥ LARGE_BOUND, finite) that the other constraints imply
 * replaced by ±Infinity; `lp` itself if there is none. The feasible set, the optimum and the
 * optimal duals are unchanged: a redundant bound never binds alone, so its dual is 0.
 *
 * Only bounds smaller than LARGE_BOUND serve as evidence and only large bounds are removed, so no
 * removal rests on another: a column bound goes when a row with small bounds, with the small bounds
 * of its other columns, keeps the column inside it; a row bound goes when the columns' small bounds,
 * tightened by those that rows imply, keep the row's activity inside it. Linear in the non-zeros.
 */
export function relaxRedundantBounds(lp: LinearProgram): LinearProgram {
  const { A, colLower, colUpper, rowLower, rowUpper } = lp;
  const m = A.rows;
  const n = A.cols;
  if (!hasLargeBound(lp)) return lp;

  const { rowPtr, colIdx, values } = A;
  // 1. Column bounds implied by the rows with small bounds and the small bounds of the other columns.
  const low = (j: number): number => (small(colLower[j]) ? colLower[j] : -Infinity);
  const high = (j: number): number => (small(colUpper[j]) ? colUpper[j] : Infinity);
  const implied = impliedColumnBounds(lp, low, high);
  // 2. With those (tightest of small and implied), the rows' activity ranges, and the large row
  // bounds they keep clear of. All evidence rests on small bounds, which are never removed.
  const lo = (j: number): number => Math.max(low(j), implied.lower[j]);
  const hi = (j: number): number => Math.min(high(j), implied.upper[j]);
  const newRowLower = Float64Array.from(rowLower);
  const newRowUpper = Float64Array.from(rowUpper);
  for (let i = 0; i < m; i++) {
    if (rowLower[i] === rowUpper[i] || !(large(rowLower[i]) || large(rowUpper[i]))) continue;
    let least = 0;
    let most = 0;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const a = values[k];
      const j = colIdx[k];
      if (a > 0) {
        least += a * lo(j);
        most += a * hi(j);
      } else if (a < 0) {
        least += a * hi(j);
        most += a * lo(j);
      }
    }
    if (large(rowUpper[i]) && inside(most, rowUpper[i], 'upper')) newRowUpper[i] = Infinity;
    if (large(rowLower[i]) && inside(least, rowLower[i], 'lower')) newRowLower[i] = -Infinity;
  }
  const newColLower = Float64Array.from(colLower);
  const newColUpper = Float64Array.from(colUpper);
  for (let j = 0; j < n; j++) {
    if (colLower[j] === colUpper[j]) continue;
    if (large(colUpper[j]) && inside(implied.upper[j], colUpper[j], 'upper')) newColUpper[j] = Infinity;
    if (large(colLower[j]) && inside(implied.lower[j], colLower[j], 'lower')) newColLower[j] = -Infinity;
  }
  return { ...lp, rowLower: newRowLower, rowUpper: newRowUpper, colLower: newColLower, colUpper: newColUpper };
}

/**
 * Per column, the bounds that rows with small bounds imply, given the column bounds `low` and
 * `high` of the other columns: a_ij x_j ≤ u_i − (least activity of the rest of row i) and
 * a_ij x_j ≥ l_i − (greatest activity of the rest). ±Infinity where no row implies one.
 */
function impliedColumnBounds(lp: LinearProgram, low: (j: number) => number, high: (j: number) => number): { lower: Float64Array; upper: Float64Array } {
  const { A, rowLower, rowUpper } = lp;
  const { rowPtr, colIdx, values } = A;
  const m = A.rows;
  const lower = new Float64Array(A.cols).fill(-Infinity);
  const upper = new Float64Array(A.cols).fill(Infinity);
  const contribution = (a: number, j: number, end: 'least' | 'most'): number => ((a > 0) === (end === 'least') ? a * low(j) : a * high(j));
  /** a x_j ≤ limit. */
  const imply = (j: number, a: number, limit: number): void => {
    const v = limit / a;
    if (a > 0) upper[j] = Math.min(upper[j], v);
    else lower[j] = Math.max(lower[j], v);
  };
  for (let i = 0; i < m; i++) {
    const useUp = Number.isFinite(rowUpper[i]) && small(rowUpper[i]);
    const useLo = Number.isFinite(rowLower[i]) && small(rowLower[i]);
    if (!useUp && !useLo) continue;
    // The least and greatest activity: a sum of the finite contributions, and how many are open.
    let leastSum = 0;
    let mostSum = 0;
    let leastOpen = 0;
    let mostOpen = 0;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const l = contribution(values[k], colIdx[k], 'least');
      const h = contribution(values[k], colIdx[k], 'most');
      if (Number.isFinite(l)) leastSum += l;
      else leastOpen++;
      if (Number.isFinite(h)) mostSum += h;
      else mostOpen++;
    }
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const a = values[k];
      const j = colIdx[k];
      if (a === 0) continue;
      if (useUp) {
        const own = contribution(a, j, 'least');
        const finite = Number.isFinite(own);
        if (leastOpen - (finite ? 0 : 1) === 0) imply(j, a, rowUpper[i] - (leastSum - (finite ? own : 0)));
      }
      if (useLo) {
        const own = contribution(a, j, 'most');
        const finite = Number.isFinite(own);
        // a x_j ≥ l_i − rest  ⇔  (−a) x_j ≤ −(l_i − rest).
        if (mostOpen - (finite ? 0 : 1) === 0) imply(j, -a, -(rowLower[i] - (mostSum - (finite ? own : 0))));
      }
    }
  }
  return { lower, upper };
}
