import type { CsrMatrix } from './csr.js';

/**
 * Columns per pass of the tiled transpose: the rows of the transpose written in one pass (two
 * write positions each) stay in the first-level cache. On the EXIOBASE benchmark's A (9,800
 * products, 15.1 million non-zeros) one pass over all columns took 0.94–1.5 CPU s, passes of 256
 * to 1,024 columns 0.77–0.93 CPU s.
 */
export const TRANSPOSE_TILE = 512;

/** Non-zeros from which the transpose goes by column tiles (below, one pass is as fast). */
const TILED_MIN_NNZ = 1 << 20;

/** The transpose as a new CSR matrix (counting sort by column: O(nnz), rows come out sorted). */
export function transpose(m: CsrMatrix): CsrMatrix {
  return transposeTiled(m, m.rowPtr[m.rows] >= TILED_MIN_NNZ ? TRANSPOSE_TILE : Math.max(1, m.cols));
}

/**
 * The transpose, filled by passes over `tile` columns at a time (each row of m keeps a cursor at
 * its first entry not yet placed; the rows of m are sorted by column). The result does not depend
 * on `tile`: every row of the transpose receives its entries in increasing row order of m (rows of
 * m that are not sorted, against CsrMatrix's rule, still have every entry placed once).
 */
export function transposeTiled(m: CsrMatrix, tile: number): CsrMatrix {
  if (!(tile >= 1)) throw new RangeError(`transposeTiled: tile must be at least 1, got ${tile}`);
  const { rows, cols, rowPtr, colIdx, values } = m;
  const nz = rowPtr[rows];
  const tPtr = new Int32Array(cols + 1);
  for (let p = 0; p < nz; p++) tPtr[colIdx[p] + 1]++;
  for (let j = 0; j < cols; j++) tPtr[j + 1] += tPtr[j];
  const next = tPtr.slice(0, cols);
  const tIdx = new Int32Array(nz);
  const tVal = new Float64Array(nz);
  if (tile >= cols) {
    for (let i = 0; i < rows; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const q = next[colIdx[p]]++;
        tIdx[q] = i;
        tVal[q] = values[p];
      }
    }
  } else {
    const cursor = rowPtr.slice(0, rows);
    for (let lo = 0; lo < cols; lo += tile) {
      const hi = Math.min(lo + tile, cols);
      for (let i = 0; i < rows; i++) {
        let p = cursor[i];
        const end = rowPtr[i + 1];
        for (; p < end; p++) {
          const j = colIdx[p];
          if (j >= hi) break;
          const q = next[j]++;
          tIdx[q] = i;
          tVal[q] = values[p];
        }
        cursor[i] = p;
      }
    }
  }
  return { rows: cols, cols: rows, rowPtr: tPtr, colIdx: tIdx, values: tVal };
}
