/**
 * Compressed sparse row matrix over typed arrays. Row i holds entries
 * colIdx[rowPtr[i] .. rowPtr[i+1]) with values in the same range of `values`.
 * Column indices within a row are sorted ascending and unique.
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
}

/** Number of stored entries. */
export function nnz(m: CsrMatrix): number {
  return m.rowPtr[m.rows];
}
