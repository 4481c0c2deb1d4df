import type { CsrMatrix } from './csr.js';
import { invertPermutation } from './invert-permutation.js';
import { sortRowRange } from './sort-row-range.js';

/**
 * The symmetric permutation P A Pᵀ of a square matrix: entry (i, j) of the result is entry
 * (p[i], p[j]) of A, so `p` lists, for each new position, the old index (an ordering, as returned
 * by `localityOrdering`). Solve the permuted system with `permuteVector(y, p)` and map the
 * solution back with `unpermuteVector`.
 */
export function permute(m: CsrMatrix, p: Int32Array): CsrMatrix {
  const n = m.rows;
  if (m.cols !== n) throw new RangeError(`permute: the matrix is ${m.rows} × ${m.cols}, not square`);
  const inv = invertPermutation(p, n);
  const { rowPtr, colIdx, values } = m;
  const nz = rowPtr[n];
  const outPtr = new Int32Array(n + 1);
  const outIdx = new Int32Array(nz);
  const outVal = new Float64Array(nz);
  let q = 0;
  for (let i = 0; i < n; i++) {
    outPtr[i] = q;
    const old = p[i];
    const start = q;
    for (let e = rowPtr[old]; e < rowPtr[old + 1]; e++) {
      outIdx[q] = inv[colIdx[e]];
      outVal[q] = values[e];
      q++;
    }
    sortRowRange(outIdx, outVal, start, q);
  }
  outPtr[n] = q;
  return { rows: n, cols: n, rowPtr: outPtr, colIdx: outIdx, values: outVal };
}
