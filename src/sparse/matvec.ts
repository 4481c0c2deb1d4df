import type { CsrMatrix } from './csr.js';

/** out = m · x. `out` (length rows) must not alias `x` (length cols). Returns `out`. */
export function matvec(m: CsrMatrix, x: Float64Array, out: Float64Array): Float64Array {
  const { rows, rowPtr, colIdx, values } = m;
  let p = rowPtr[0];
  for (let i = 0; i < rows; i++) {
    const end = rowPtr[i + 1];
    let s = 0;
    for (; p < end; p++) s += values[p] * x[colIdx[p]];
    out[i] = s;
  }
  return out;
}
