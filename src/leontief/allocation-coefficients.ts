import type { CsrMatrix } from '../sparse/csr.js';
import { checkSquare, checkVector } from './validate.js';

/**
 * Ghosh allocation coefficients B = diag(1/x) Z: b_ij = z_ij / x_i, the share of item i's gross
 * output sold to (used by) item j. Z (n × n flows, from row i to column j) and x in one monetary
 * unit; a row with x_i = 0 becomes zero (pymrio's convention 1/0 → 0).
 */
export function allocationCoefficients(Z: CsrMatrix, x: ArrayLike<number>): CsrMatrix {
  const n = checkSquare(Z, 'Z');
  const xx = checkVector(x, n, 'x');
  const values = new Float64Array(Z.values.length);
  const { rowPtr } = Z;
  for (let i = 0; i < n; i++) {
    const inv = xx[i] === 0 ? 0 : 1 / xx[i];
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) values[p] = Z.values[p] * inv;
  }
  return { rows: n, cols: n, rowPtr: Z.rowPtr.slice(), colIdx: Z.colIdx.slice(), values };
}
