import type { CsrMatrix } from './csr.js';

/**
 * Block product out = m · X for k vectors at once. X (cols × k) and out (rows × k) are
 * interleaved: entry (i, j) of vector j sits at index i * k + j. Each row of m is read once per
 * group of four vectors (four independent sums held in registers), so m streams from memory
 * ⌈k/4⌉ times instead of k times, and the four inputs of a group share a cache line.
 */
export function matvecMulti(m: CsrMatrix, x: Float64Array, k: number, out: Float64Array): Float64Array {
  const { rows, rowPtr, colIdx, values } = m;
  for (let i = 0; i < rows; i++) {
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    const o = i * k;
    let j = 0;
    for (; j + 3 < k; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = start; p < end; p++) {
        const v = values[p];
        const b = colIdx[p] * k + j;
        s0 += v * x[b];
        s1 += v * x[b + 1];
        s2 += v * x[b + 2];
        s3 += v * x[b + 3];
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
    }
    if (j + 1 < k) {
      let s0 = 0;
      let s1 = 0;
      for (let p = start; p < end; p++) {
        const v = values[p];
        const b = colIdx[p] * k + j;
        s0 += v * x[b];
        s1 += v * x[b + 1];
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      j += 2;
    }
    if (j < k) {
      let s0 = 0;
      for (let p = start; p < end; p++) s0 += values[p] * x[colIdx[p] * k + j];
      out[o + j] = s0;
    }
  }
  return out;
}
