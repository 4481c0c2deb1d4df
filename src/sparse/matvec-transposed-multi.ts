import type { CsrMatrix } from './csr.js';

/**
 * Block product out = mᵀ · X for k vectors at once, scattering each row of m once per group of
 * four vectors (see `matvecMulti`). X (rows × k) and out (cols × k) are interleaved: entry (i, j)
 * of vector j sits at index i * k + j.
 */
export function matvecTransposedMulti(m: CsrMatrix, x: Float64Array, k: number, out: Float64Array): Float64Array {
  const { rows, cols, rowPtr, colIdx, values } = m;
  out.fill(0, 0, cols * k);
  for (let i = 0; i < rows; i++) {
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    const xb = i * k;
    let j = 0;
    for (; j + 3 < k; j += 4) {
      const x0 = x[xb + j];
      const x1 = x[xb + j + 1];
      const x2 = x[xb + j + 2];
      const x3 = x[xb + j + 3];
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      for (let p = start; p < end; p++) {
        const v = values[p];
        const o = colIdx[p] * k + j;
        out[o] += v * x0;
        out[o + 1] += v * x1;
        out[o + 2] += v * x2;
        out[o + 3] += v * x3;
      }
    }
    if (j + 1 < k) {
      const x0 = x[xb + j];
      const x1 = x[xb + j + 1];
      for (let p = start; p < end; p++) {
        const v = values[p];
        const o = colIdx[p] * k + j;
        out[o] += v * x0;
        out[o + 1] += v * x1;
      }
      j += 2;
    }
    if (j < k) {
      const x0 = x[xb + j];
      for (let p = start; p < end; p++) out[colIdx[p] * k + j] += values[p] * x0;
    }
  }
  return out;
}
