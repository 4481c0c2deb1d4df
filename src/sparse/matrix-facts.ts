import type { CsrMatrix } from './csr.js';

/** Facts about a square matrix that the solvers need, computed once per matrix object. */
export interface MatrixFacts {
  /** No negative (or NaN) entry. */
  readonly nonNegative: boolean;
  /** All entries finite. */
  readonly finite: boolean;
  /** The diagonal. */
  readonly diag: Float64Array;
}

/**
 * Sign, finiteness and diagonal of a square CSR matrix: one pass over the values (cheaper than a
 * product), recomputed per call so that a matrix changed in place is never judged stale.
 * Internal to the sparse package.
 */
export function matrixFacts(m: CsrMatrix): MatrixFacts {
  const { rows, rowPtr, colIdx, values } = m;
  let nonNegative = true;
  let finite = true;
  const diag = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = values[p];
      if (!(v >= 0)) nonNegative = false;
      if (!(v - v === 0)) finite = false;
    }
    // Column indices are sorted: a binary search finds the diagonal entry.
    let lo = rowPtr[i];
    let hi = rowPtr[i + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = colIdx[mid];
      if (c < i) lo = mid + 1;
      else if (c > i) hi = mid - 1;
      else {
        diag[i] = values[mid];
        break;
      }
    }
  }
  return { nonNegative, finite, diag };
}
