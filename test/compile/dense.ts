import type { CsrMatrix } from '../../src/sparse/csr.js';

/** A CSR matrix as rows of numbers (for comparing small matrices in tests). */
export function dense(m: CsrMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row = new Array<number>(m.cols).fill(0);
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) row[m.colIdx[p]] = m.values[p];
    out.push(row);
  }
  return out;
}

/** Asserts two dense matrices agree entry by entry within `tol` (absolute). */
export function assertClose(actual: number[][], expected: number[][], tol: number, what = 'matrix'): void {
  if (actual.length !== expected.length) throw new Error(`${what}: ${actual.length} rows, expected ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    if (actual[i].length !== expected[i].length) throw new Error(`${what}: row ${i} has ${actual[i].length} columns, expected ${expected[i].length}`);
    for (let j = 0; j < expected[i].length; j++) {
      if (!(Math.abs(actual[i][j] - expected[i][j]) <= tol)) throw new Error(`${what}[${i}][${j}] = ${actual[i][j]}, expected ${expected[i][j]} (tolerance ${tol})`);
    }
  }
}
