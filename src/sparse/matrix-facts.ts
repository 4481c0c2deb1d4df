import type { CsrMatrix } from './csr.js';

/** Facts about a square matrix that the solvers need, computed once per matrix object. */
export interface MatrixFacts {
  /** No negative (or NaN) entry. */
  readonly nonNegative: boolean;
  /** All entries finite. */
  readonly finite: boolean;
  /** The diagonal. */
  readonly diag: Float64Array;
  /** Largest sum of absolute values in a row (a bound on the spectral radius). */
  readonly maxAbsRowSum: number;
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
  let maxAbsRowSum = 0;
  const diag = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = values[p];
      if (!(v >= 0)) nonNegative = false;
      if (!(v - v === 0)) finite = false;
      sum += Math.abs(v);
    }
    if (sum > maxAbsRowSum) maxAbsRowSum = sum;
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
  return { nonNegative, finite, diag, maxAbsRowSum };
}
