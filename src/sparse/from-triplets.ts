import type { CsrMatrix } from './csr.js';
import { sortRowRange } from './sort-row-range.js';

/**
 * Builds a CSR matrix from coordinate triplets (row, col, value). Duplicate (row, col) pairs are
 * summed; explicit zeros that result are kept only if `keepZeros` is set. Indices must be in range
 * (checked: a RangeError names the entry). `place`, if given, allocates the arrays (rows + 1 row
 * pointers, as many entries as triplets; it may decline): the matrix is then built in them, and
 * where entries were merged or dropped its arrays are views of their first part (not copies).
 */
export function csrFromTriplets(
  rows: number,
  cols: number,
  rowIdx: ArrayLike<number>,
  colIdx: ArrayLike<number>,
  values: ArrayLike<number>,
  keepZeros = false,
  place?: (rows: number, entries: number) => { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array } | undefined,
): CsrMatrix {
  const n = rowIdx.length;
  if (colIdx.length !== n || values.length !== n) {
    throw new RangeError(`csrFromTriplets: rowIdx, colIdx and values differ in length (${n}, ${colIdx.length}, ${values.length})`);
  }
  const count = new Int32Array(rows + 1);
  for (let k = 0; k < n; k++) {
    const r = rowIdx[k];
    const c = colIdx[k];
    if (!(r >= 0 && r < rows && Number.isInteger(r))) throw new RangeError(`csrFromTriplets: row index ${r} of entry ${k} is outside 0..${rows - 1}`);
    if (!(c >= 0 && c < cols && Number.isInteger(c))) throw new RangeError(`csrFromTriplets: column index ${c} of entry ${k} is outside 0..${cols - 1}`);
    count[r + 1]++;
  }
  for (let i = 0; i < rows; i++) count[i + 1] += count[i];
  const next = count.slice(0, rows);
  const placed = place?.(rows, n);
  const ci = placed?.colIdx ?? new Int32Array(n);
  const va = placed?.values ?? new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = next[rowIdx[k]]++;
    ci[p] = colIdx[k];
    va[p] = values[k];
  }
  // Sort each row by column (one pass when already sorted, quicksort when long) and sum
  // duplicates in place.
  const rowPtr = placed?.rowPtr ?? new Int32Array(rows + 1);
  let out = 0;
  for (let i = 0; i < rows; i++) {
    const start = count[i];
    const end = count[i + 1];
    sortRowRange(ci, va, start, end);
    rowPtr[i] = out;
    let p = start;
    while (p < end) {
      const c = ci[p];
      let v = va[p++];
      while (p < end && ci[p] === c) v += va[p++];
      if (v !== 0 || keepZeros) {
        ci[out] = c;
        va[out] = v;
        out++;
      }
    }
  }
  rowPtr[rows] = out;
  // No copy when nothing was merged or dropped.
  if (out === n) return { rows, cols, rowPtr, colIdx: ci, values: va };
  if (placed !== undefined) return { rows, cols, rowPtr, colIdx: ci.subarray(0, out), values: va.subarray(0, out) };
  return { rows, cols, rowPtr, colIdx: ci.slice(0, out), values: va.slice(0, out) };
}
