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
    if (xi === 0) continue;
    const end = rowPtr[i + 1];
    for (let p = rowPtr[i]; p < end; p++) out[colIdx[p]] += values[p] * xi;
  }
  return out;
}
