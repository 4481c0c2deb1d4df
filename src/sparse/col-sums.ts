import type { CsrMatrix } from './csr.js';

/** Sum of each column (length cols). */
export function colSums(m: CsrMatrix): Float64Array {
  const { rows, cols, rowPtr, colIdx, values } = m;
  const out = new Float64Array(cols);
  const nz = rowPtr[rows];
  for (let p = 0; p < nz; p++) out[colIdx[p]] += values[p];
  return out;
}
