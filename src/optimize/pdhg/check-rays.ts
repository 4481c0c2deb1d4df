import { matvec } from '../../sparse/matvec.js';
import type { ScaledLp } from './scaled-lp.js';

/**
 * Certificate of primal infeasibility from a dual direction dy (scaled units), as in PDLP: the
 * direction is projected onto the cone of dual signs (y_i > 0 only where the row has a finite lower
 * bound, y_i < 0 only where it has a finite upper bound) and mapped to original units, ŷ = D_r dy;
 * λ is the projection of −Aᵀŷ onto the cone of column bounds. ŷ proves infeasibility when its
 * objective Σ ŷ·(bound) + Σ λ·(bound) is positive and the largest |Aᵀŷ + λ| is at most
 * `tolerance` times that objective. `work` has length m and `out` length n (overwritten).
 */
export function isDualRay(s: ScaledLp, dy: Float64Array, tolerance: number, work: Float64Array, out: Float64Array): boolean {
  const { m, n, rowLower, rowUpper, colLower, colUpper, rowScale, colScale } = s;
  let objective = 0;
  let size = 0;
  for (let i = 0; i < m; i++) {
    let v = dy[i];
    if ((v > 0 && rowLower[i] === -Infinity) || (v < 0 && rowUpper[i] === Infinity)) v = 0;
    work[i] = v;
    // ŷ_i·bound_i in original units equals dy_i·(scaled bound)_i.
    if (v > 0) objective += v * rowLower[i];
    else if (v < 0) objective += v * rowUpper[i];
    const a = Math.abs(v * rowScale[i]);
    if (a > size) size = a;
  }
  if (!(objective > 0) || size === 0) return false;
  matvec(s.AT, work, out);
  let violation = 0;
  for (let j = 0; j < n; j++) {
    // (Aᵀŷ)_j in original units = (Ãᵀ dy)_j / D_c.
    const q = out[j] / colScale[j];
    const lambda = -q;
    let viol = 0;
    if (lambda > 0) {
      if (colLower[j] > -Infinity) objective += lambda * colLower[j] * colScale[j];
      else viol = lambda;
    } else if (lambda < 0) {
      if (colUpper[j] < Infinity) objective += lambda * colUpper[j] * colScale[j];
      else viol = -lambda;
    }
    if (viol > violation) violation = viol;
  }
  return objective > 0 && violation <= tolerance * objective;
}

/**
 * Certificate of dual infeasibility (an unbounded or infeasible primal) from a primal direction dx
 * (scaled units): projected onto the recession cone of the column bounds and mapped to original
 * units, d = D_c dx; it proves it when cᵀd < 0 (minimisation) and the largest violation of the
 * row recession cone (A d ≥ 0 where a lower bound is finite, ≤ 0 where an upper bound is) is at
 * most `tolerance` times −cᵀd. `work` has length n and `out` length m (overwritten).
 */
export function isPrimalRay(s: ScaledLp, dx: Float64Array, tolerance: number, work: Float64Array, out: Float64Array): boolean {
  const { m, n, c, rowLower, rowUpper, colLower, colUpper, rowScale } = s;
  let objective = 0;
  for (let j = 0; j < n; j++) {
    let v = dx[j];
    if ((v > 0 && colUpper[j] < Infinity) || (v < 0 && colLower[j] > -Infinity)) v = 0;
    work[j] = v;
    objective += c[j] * v;
  }
  if (!(objective < 0)) return false;
  matvec(s.A, work, out);
  let violation = 0;
  for (let i = 0; i < m; i++) {
    const ad = out[i] / rowScale[i];
    if (rowLower[i] > -Infinity && -ad > violation) violation = -ad;
    if (rowUpper[i] < Infinity && ad > violation) violation = ad;
  }
  return violation <= tolerance * -objective;
}
