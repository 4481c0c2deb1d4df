import type { CsrMatrix } from './csr.js';

/** Builds a CSR matrix from a dense row-major array, keeping the non-zero entries. */
export function csrFromDense(rows: number, cols: number, data: ArrayLike<number>): CsrMatrix {
  if (data.length !== rows * cols) {
    throw new RangeError(`csrFromDense: data has ${data.length} entries, expected ${rows} × ${cols} = ${rows * cols}`);
  }
  let count = 0;
  for (let k = 0; k < data.length; k++) if (data[k] !== 0) count++;
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(count);
  const values = new Float64Array(count);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    rowPtr[i] = p;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[base + j];
      if (v !== 0) {
        colIdx[p] = j;
        values[p] = v;
        p++;
      }
    }
  }
  rowPtr[rows] = p;
  return { rows, cols, rowPtr, colIdx, values };
}
