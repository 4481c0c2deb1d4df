import type { ScaledLp } from './scaled-lp.js';

/**
 * Certificates of infeasibility and unboundedness, checked before PDHG reports them. Each test is
 * invariant to the units of every row and column: a violation counts against the sum of the
 * magnitudes of the terms it is made of (so a ray is accepted when its cancellation is exact to
 * `tolerance`, whatever the size of the bounds, costs or entries), and the objective of a ray must
 * exceed the same relative tolerance of the sum of its terms' magnitudes (not rounding noise).
 */

/**
 * Whether the dual direction dy (scaled units) proves the LP infeasible (Farkas): projected onto
 * the cone of dual signs (y_i > 0 only where row i has a finite lower bound, < 0 only where it has a
 * finite upper bound), with λ the projection of −Aᵀy onto the cone of the column bounds, it must
 * have Aᵀy + λ = 0 and a positive objective Σ y·(row bound) + Σ λ·(column bound). `work` has length
 * m and `out` length n (overwritten).
 */
export function isDualRay(s: ScaledLp, dy: Float64Array, tolerance: number, work: Float64Array, out: Float64Array): boolean {
  const { m, n, rowLower, rowUpper, colLower, colUpper } = s;
  let objective = 0;
  let objectiveSize = 0;
  let any = false;
  for (let i = 0; i < m; i++) {
    let v = dy[i];
    if ((v > 0 && rowLower[i] === -Infinity) || (v < 0 && rowUpper[i] === Infinity)) v = 0;
    work[i] = v;
    // y_i·bound_i in original units equals dy_i·(scaled bound)_i.
    const term = v > 0 ? v * rowLower[i] : v < 0 ? v * rowUpper[i] : 0;
    objective += term;
    objectiveSize += Math.abs(term);
    if (v !== 0) any = true;
  }
  if (!any || !(objective > 0)) return false;
  // out = Ãᵀ y, and per column the sum of the magnitudes of its terms.
  const { rowPtr, colIdx, values } = s.AT;
  for (let j = 0; j < n; j++) {
    let q = 0;
    let size = 0;
    for (let k = rowPtr[j]; k < rowPtr[j + 1]; k++) {
      const t = values[k] * work[colIdx[k]];
      q += t;
      size += Math.abs(t);
    }
    out[j] = q;
    // λ_j = −q_j where the bound on that side is finite; otherwise q_j is left over.
    const lambda = -q;
    let violation = 0;
    if (lambda > 0) {
      if (colLower[j] > -Infinity) {
        objective += lambda * colLower[j];
        objectiveSize += Math.abs(lambda * colLower[j]);
      } else violation = lambda;
    } else if (lambda < 0) {
      if (colUpper[j] < Infinity) {
        objective += lambda * colUpper[j];
        objectiveSize += Math.abs(lambda * colUpper[j]);
      } else violation = -lambda;
    }
    if (violation > tolerance * size) return false;
  }
  return objective > tolerance * objectiveSize && objective > 0;
}

/**
 * Whether the primal direction dx (scaled units) proves that the objective improves without bound
 * from any feasible point (the LP is unbounded if feasible): projected onto the recession cone of
 * the column bounds, it must have cᵀd < 0 and A d in the recession cone of the rows (≥ 0 where a
 * lower bound is finite, ≤ 0 where an upper bound is). `work` has length n and `out` length m
 * (overwritten).
 */
export function isPrimalRay(s: ScaledLp, dx: Float64Array, tolerance: number, work: Float64Array, out: Float64Array): boolean {
  const { m, n, c, rowLower, rowUpper, colLower, colUpper } = s;
  let objective = 0;
  let objectiveSize = 0;
  for (let j = 0; j < n; j++) {
    let v = dx[j];
    if ((v > 0 && colUpper[j] < Infinity) || (v < 0 && colLower[j] > -Infinity)) v = 0;
    work[j] = v;
    objective += c[j] * v;
    objectiveSize += Math.abs(c[j] * v);
  }
  if (!(objective < 0) || -objective <= tolerance * objectiveSize) return false;
  const { rowPtr, colIdx, values } = s.A;
  for (let i = 0; i < m; i++) {
    let ad = 0;
    let size = 0;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const t = values[k] * work[colIdx[k]];
      ad += t;
      size += Math.abs(t);
    }
    out[i] = ad;
    const violation = Math.max(rowLower[i] > -Infinity ? -ad : 0, rowUpper[i] < Infinity ? ad : 0, 0);
    if (violation > tolerance * size) return false;
  }
  return true;
}
