import type { CsrMatrix } from './csr.js';

/**
 * Block product out = mᵀ · X for k vectors at once, scattering each row of m once. X (rows × k)
 * and out (cols × k) are interleaved: entry (i, j) of vector j sits at index i * k + j.
 */
export function matvecTransposedMulti(m: CsrMatrix, x: Float64Array, k: number, out: Float64Array): Float64Array {
  const { rows, cols, rowPtr, colIdx, values } = m;
  out.fill(0, 0, cols * k);
  for (let i = 0; i < rows; i++) {
    const xb = i * k;
    const end = rowPtr[i + 1];
    for (let p = rowPtr[i]; p < end; p++) {
      const v = values[p];
      const o = colIdx[p] * k;
      for (let j = 0; j < k; j++) out[o + j] += v * x[xb + j];
    }
  }
  return out;
}
