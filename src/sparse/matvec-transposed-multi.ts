import type { CsrMatrix } from './csr.js';
import { scatterRangeMulti } from './range-kernels.js';

/**
 * Block product out = mᵀ · X for k vectors at once, scattering each row of m once per group of up
 * to eight vectors (see `matvecMulti`). X (rows × k) and out (cols × k) are interleaved: entry
 * (i, j) of vector j sits at index i * k + j.
 */
export function matvecTransposedMulti(m: CsrMatrix, x: Float64Array, k: number, out: Float64Array): Float64Array {
  out.fill(0, 0, m.cols * k);
  scatterRangeMulti(m.rowPtr, m.colIdx, m.values, x, k, out, 0, m.rows);
  return out;
}
