import type { CsrMatrix } from './csr.js';

/** diag(d) · m: row i multiplied by d[i]. A new matrix sharing m's index arrays. */
export function scaleRows(d: ArrayLike<number>, m: CsrMatrix): CsrMatrix {
  if (d.length !== m.rows) throw new RangeError(`scaleRows: d has length ${d.length}, the matrix has ${m.rows} rows`);
  const { rows, rowPtr, colIdx, values } = m;
  const out = new Float64Array(rowPtr[rows]);
  for (let i = 0; i < rows; i++) {
    const di = d[i];
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) out[p] = values[p] * di;
  }
  return { rows, cols: m.cols, rowPtr, colIdx, values: out };
}
