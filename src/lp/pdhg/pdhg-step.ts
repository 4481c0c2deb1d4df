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
  const { c, rowLower, rowUpper, colLower, colUpper } = s;
  const { x, y, Ax, ATy } = cur;
  const ox = out.x;
  const oy = out.y;
  const oAx = out.Ax;
  for (let j = 0; j < ox.length; j++) {
    let v = x[j] - tau * (c[j] - ATy[j]);
    if (v < colLower[j]) v = colLower[j];
    else if (v > colUpper[j]) v = colUpper[j];
    ox[j] = v;
  }
  products.A(ox, oAx);
  for (let i = 0; i < oy.length; i++) {
    const z = y[i] - sigma * (2 * oAx[i] - Ax[i]);
    const a = z + sigma * rowLower[i];
    const b = z + sigma * rowUpper[i];
    oy[i] = a > 0 ? a : b < 0 ? b : 0;
  }
  products.AT(oy, out.ATy);
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
