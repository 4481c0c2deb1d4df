import type { CsrMatrix } from './csr.js';
import { gatherRangeMulti } from './range-kernels.js';

/**
 * Block product out = m · X for k vectors at once. X (cols × k) and out (rows × k) are
 * interleaved: entry (i, j) of vector j sits at index i * k + j. Each row of m is read once per
 * group of up to eight vectors (sums held in registers), so m streams from memory about k/8 times
 * instead of k times, and the inputs of a group share a cache line.
 */
export function matvecMulti(m: CsrMatrix, x: Float64Array, k: number, out: Float64Array): Float64Array {
  gatherRangeMulti(m.rowPtr, m.colIdx, m.values, x, k, out, 0, m.rows);
  return out;
}
