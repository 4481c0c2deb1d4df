import type { CsrMatrix } from '../sparse/csr.js';
import { csrFromTriplets } from '../sparse/from-triplets.js';

/** The transpose of `m` (its columns as rows), so a technique's entries can be read as a row. */
export function columnsOf(m: CsrMatrix): CsrMatrix {
  const nz = m.rowPtr[m.rows];
  const rowOf = new Int32Array(nz);
  for (let i = 0; i < m.rows; i++) rowOf.fill(i, m.rowPtr[i], m.rowPtr[i + 1]);
  return csrFromTriplets(m.cols, m.rows, m.colIdx, rowOf, m.values, true);
}
