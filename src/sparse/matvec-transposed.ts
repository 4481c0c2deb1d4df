import type { CsrMatrix } from './csr.js';

/**
 * out = mᵀ · x (equivalently the row vector xᵀ m), by scattering each row of m: no transpose is
 * formed. `out` (length cols) must not alias `x` (length rows). Returns `out`.
 */
export function matvecTransposed(m: CsrMatrix, x: Float64Array, out: Float64Array): Float64Array {
  const { rows, rowPtr, colIdx, values } = m;
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const xi = x[i];
    const end = rowPtr[i + 1];
    let p = rowPtr[i];
    if (xi === 0) continue;
    // Column indices within a row are unique, so the four updates never collide.
    for (; p + 3 < end; p += 4) {
      out[colIdx[p]] += values[p] * xi;
      out[colIdx[p + 1]] += values[p + 1] * xi;
      out[colIdx[p + 2]] += values[p + 2] * xi;
      out[colIdx[p + 3]] += values[p + 3] * xi;
    }
    for (; p < end; p++) out[colIdx[p]] += values[p] * xi;
  }
  return out;
}
