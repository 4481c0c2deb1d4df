import type { CsrMatrix } from '../sparse/csr.js';
import { checkSquare, checkVector } from './validate.js';

/**
 * The flows Z = A diag(x) behind technical coefficients A and gross output x: z_ij = a_ij x_j,
 * the input of item i into the output of item j. With `allocationCoefficients(Z, x)` it gives the
 * Ghosh coefficients B of the same economy.
 */
export function flowMatrix(A: CsrMatrix, x: ArrayLike<number>): CsrMatrix {
  const n = checkSquare(A, 'A');
  const xx = checkVector(x, n, 'x');
  const values = new Float64Array(A.values.length);
  for (let p = 0; p < values.length; p++) values[p] = A.values[p] * xx[A.colIdx[p]];
  return { rows: n, cols: n, rowPtr: A.rowPtr.slice(), colIdx: A.colIdx.slice(), values };
}
