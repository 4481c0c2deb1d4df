import type { LinearProgram } from './lp-types.js';
import { LARGE_BOUND } from './relax-redundant-bounds.js';

/**
 * The scale against which bound violations are measured: the largest finite row or column bound
 * below LARGE_BOUND (1e20) in magnitude (0 if none). A violation of bound b counts relative to
 * 1 + max(this, |b|): for an LP without large bounds that is 1 + ‖finite bounds‖∞ everywhere, and a
 * limit of 1e25 that does not bind no longer makes every other row's violation look small.
 */
export function boundNorm(lp: LinearProgram): number {
  let norm = 0;
  for (const v of [lp.rowLower, lp.rowUpper, lp.colLower, lp.colUpper]) {
    for (let k = 0; k < v.length; k++) {
      const a = Math.abs(v[k]);
      if (a < LARGE_BOUND && a > norm) norm = a;
    }
  }
  return norm;
}
