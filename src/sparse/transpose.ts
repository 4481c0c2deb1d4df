import type { CsrMatrix } from './csr.js';

/** The transpose as a new CSR matrix (counting sort by column: O(nnz), rows come out sorted). */
export function transpose(m: CsrMatrix): CsrMatrix {
  const { rows, cols, rowPtr, colIdx, values } = m;
  const nz = rowPtr[rows];
  const tPtr = new Int32Array(cols + 1);
  for (let p = 0; p < nz; p++) tPtr[colIdx[p] + 1]++;
  for (let j = 0; j < cols; j++) tPtr[j + 1] += tPtr[j];
  const next = tPtr.slice(0, cols);
  const tIdx = new Int32Array(nz);
  const tVal = new Float64Array(nz);
  for (let i = 0; i < rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = next[colIdx[p]]++;
      tIdx[q] = i;
      tVal[q] = values[p];
    }
  }
  return { rows: cols, cols: rows, rowPtr: tPtr, colIdx: tIdx, values: tVal };
}
