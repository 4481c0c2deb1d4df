import type { CsrMatrix } from '../sparse/csr.js';
import { normalise, type LinkagesResult } from './linkages.js';
import { solveOne } from './solve.js';
import type { LeontiefOptions } from './types.js';
import { checkSquare } from './validate.js';

/**
 * Forward linkages: the row sums of the Ghosh inverse G = (I − B)⁻¹, i.e. G e found by one solve
 * (I − B) g = e, and normalised by their average (Rasmussen-type index; above 1: the item supplies
 * more than the average item to the rest of the economy). B: allocation coefficients.
 */
export function forwardLinkages(B: CsrMatrix, opts: LeontiefOptions = {}): LinkagesResult {
  const n = checkSquare(B, 'B');
  const r = solveOne(B, new Float64Array(n).fill(1), false, opts, { quantity: 'the forward linkage', key: 'raw' });
  const { x, ...report } = r;
  return { ...report, raw: x, normalised: normalise(x) };
}
