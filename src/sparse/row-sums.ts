import type { CsrMatrix } from './csr.js';

/** Sum of each row (length rows). */
export function rowSums(m: CsrMatrix): Float64Array {
  const { rows, rowPtr, values } = m;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) s += values[p];
    out[i] = s;
  }
  return out;
}
