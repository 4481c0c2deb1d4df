import type { CsrMatrix } from './csr.js';

/** m · diag(d): column j multiplied by d[j]. A new matrix sharing m's index arrays. */
export function scaleColumns(m: CsrMatrix, d: ArrayLike<number>): CsrMatrix {
  if (d.length !== m.cols) throw new RangeError(`scaleColumns: d has length ${d.length}, the matrix has ${m.cols} columns`);
  const { rows, rowPtr, colIdx, values } = m;
  const nz = rowPtr[rows];
  const out = new Float64Array(nz);
  for (let p = 0; p < nz; p++) out[p] = values[p] * d[colIdx[p]];
  return { rows, cols: m.cols, rowPtr, colIdx, values: out };
}
