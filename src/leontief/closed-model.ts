import { inputError } from '../model/errors.js';
import { inMagnitude } from '../model/magnitude.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { resolveRow, type CoefficientRow } from './coefficient-rows.js';
import type { IoSystem } from './types.js';
import { checkVector } from './validate.js';

/**
 * How households close the model (Miller & Blair 2009, section 2.5): their income per unit of each
 * item's gross output (a row: n numbers, or the id of a primary-input row such as compensation of
 * employees), their purchases of each item per unit of their income (a column), and their purchases
 * from households per unit of income (domestic services; default 0).
 */
export interface HouseholdClosure {
  readonly income: CoefficientRow;
  readonly consumption: ArrayLike<number>;
  readonly selfUse?: number;
}

/** The closure resolved to dense arrays. */
export interface ResolvedClosure {
  readonly incomeName: string;
  /** h: household income per unit of gross output (length n). */
  readonly h: Float64Array;
  /** c: household purchases per unit of household income (length n). */
  readonly c: Float64Array;
  readonly selfUse: number;
}

/** Checks and resolves a closure against a system of n items. */
export function resolveClosure(sys: IoSystem, closure: HouseholdClosure, n: number): ResolvedClosure {
  const { name, row: h } = resolveRow(sys, closure.income, n, 'income');
  const c = checkVector(closure.consumption, n, 'consumption', sys);
  const selfUse = closure.selfUse ?? 0;
  if (!inMagnitude(selfUse) || selfUse < 0 || selfUse >= 1) {
    throw inputError('out-of-range', 'households’ purchases from households per unit of their income must be at least 0 and below 1', { path: ['selfUse'] }, selfUse);
  }
  for (let i = 0; i < n; i++) {
    if (h[i] < 0) throw inputError('negative', 'household income per unit of output is negative', { path: ['income', i] }, h[i]);
    if (c[i] < 0) throw inputError('negative', 'household consumption per unit of income is negative', { path: ['consumption', i] }, c[i]);
  }
  return { incomeName: name, h, c, selfUse };
}

/**
 * The model closed with respect to households: Ā = [[A, c], [h, s]], (n + 1) × (n + 1), households
 * the last item (their "output" is their income). Entries of A stay where they are.
 */
export function closeModel(A: CsrMatrix, closure: ResolvedClosure): CsrMatrix {
  const n = A.rows;
  const { h, c, selfUse } = closure;
  let extra = selfUse === 0 ? 0 : 1;
  for (let i = 0; i < n; i++) extra += (c[i] === 0 ? 0 : 1) + (h[i] === 0 ? 0 : 1);
  const nnz = A.rowPtr[n] + extra;
  const rowPtr = new Int32Array(n + 2);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    rowPtr[i] = p;
    for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) {
      colIdx[p] = A.colIdx[q];
      values[p++] = A.values[q];
    }
    if (c[i] !== 0) {
      colIdx[p] = n;
      values[p++] = c[i];
    }
  }
  rowPtr[n] = p;
  for (let j = 0; j < n; j++) {
    if (h[j] === 0) continue;
    colIdx[p] = j;
    values[p++] = h[j];
  }
  if (selfUse !== 0) {
    colIdx[p] = n;
    values[p++] = selfUse;
  }
  rowPtr[n + 1] = p;
  return { rows: n + 1, cols: n + 1, rowPtr, colIdx, values };
}
