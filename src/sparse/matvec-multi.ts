import type { CsrMatrix } from './csr.js';

/**
 * Block product out = m · X for k vectors at once, reading m once. X (cols × k) and out
 * (rows × k) are interleaved: entry (i, j) of vector j sits at index i * k + j.
 */
export function matvecMulti(m: CsrMatrix, x: Float64Array, k: number, out: Float64Array): Float64Array {
  const { rows, rowPtr, colIdx, values } = m;
  out.fill(0, 0, rows * k);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    const end = rowPtr[i + 1];
    for (let p = rowPtr[i]; p < end; p++) {
      const v = values[p];
      const b = colIdx[p] * k;
      for (let j = 0; j < k; j++) out[o + j] += v * x[b + j];
    }
  }
  return out;
}
