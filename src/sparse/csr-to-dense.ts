import type { CsrMatrix } from './csr.js';

/** The matrix as a dense row-major array (rows × cols). For small matrices and tests. */
export function csrToDense(m: CsrMatrix): Float64Array {
  const { rows, cols, rowPtr, colIdx, values } = m;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) out[base + colIdx[p]] += values[p];
  }
  return out;
}
