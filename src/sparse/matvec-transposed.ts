import type { CsrMatrix } from './csr.js';
import { scatterRange } from './range-kernels.js';

/**
 * out = mᵀ · x (equivalently the row vector xᵀ m), by scattering each row of m: no transpose is
 * formed. `out` (length cols) must not alias `x` (length rows). Returns `out`.
 */
export function matvecTransposed(m: CsrMatrix, x: Float64Array, out: Float64Array): Float64Array {
  out.fill(0, 0, m.cols);
  scatterRange(m.rowPtr, m.colIdx, m.values, x, out, 0, m.rows);
  return out;
}
