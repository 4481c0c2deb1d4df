import { LARGE_BOUND } from '../relax-redundant-bounds.js';
import type { LinearProgram } from '../lp-types.js';
import { rowBoundSquares, type Point } from './pdhg-point.js';
import type { PdhgProducts } from './pdhg-products.js';
import type { ScaledLp } from './scaled-lp.js';

/**
 * One PDHG step T(z) on the scaled LP from `cur` into `out` (its Ax and ATy kept with it): the
 * primal step x − τ(c − Ãᵀy) projected onto the column bounds, then the dual step at the
 * extrapolated point 2x̂ − x projected onto the row bounds' normal cone; one product with Ã and
 * one with Ãᵀ. Shared by the adaptive iteration (solvePdhg) and the Halpern one (runHalpern).
 */
export function pdhgStep(s: ScaledLp, products: PdhgProducts, cur: Point, out: Point, tau: number, sigma: number): void {
  primalStep(cur.x, cur.ATy, s.c, s.colLower, s.colUpper, tau, out.x);
  products.A(out.x, out.Ax);
  dualStep(cur.y, cur.Ax, out.Ax, s.rowLower, s.rowUpper, sigma, out.y);
  products.AT(out.y, out.ATy);
}

/** out = x − τ(c − Ãᵀy) projected onto [lower, upper]. */
function primalStep(x: Float64Array, ATy: Float64Array, c: Float64Array, lower: Float64Array, upper: Float64Array, tau: number, out: Float64Array): void {
  for (let j = 0; j < out.length; j++) {
    let v = x[j] - tau * (c[j] - ATy[j]);
    if (v < lower[j]) v = lower[j];
    else if (v > upper[j]) v = upper[j];
    out[j] = v;
  }
}

/** out = the dual step from y at the extrapolated Ã(2x̂ − x) = 2·nextAx − Ax, projected by the row bounds' signs. */
function dualStep(y: Float64Array, Ax: Float64Array, nextAx: Float64Array, lower: Float64Array, upper: Float64Array, sigma: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const z = y[i] - sigma * (2 * nextAx[i] - Ax[i]);
    const a = z + sigma * lower[i];
    const b = z + sigma * upper[i];
    out[i] = a > 0 ? a : b < 0 ? b : 0;
  }
}

/**
 * The initial primal weight ω = ‖c̃‖₂ / ‖b̃‖₂ (finite row bounds below LARGE_BOUND, or all finite
 * row bounds if every one is large); 1 when either is zero.
 */
export function initialPrimalWeight(lp: LinearProgram, s: ScaledLp): number {
  let c2 = 0;
  for (let j = 0; j < s.c.length; j++) c2 += s.c[j] * s.c[j];
  const b2 = rowBoundSquares(lp, s, LARGE_BOUND) || rowBoundSquares(lp, s, Infinity);
  return c2 > 1e-20 && b2 > 1e-20 ? Math.sqrt(c2 / b2) : 1;
}
