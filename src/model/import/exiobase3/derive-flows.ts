import { inputError } from '../../errors.js';
import { csrFromDense, solveLeontief } from '../../../sparse/index.js';

/** Z = A diag(x), in place: column j of A times x_j. */
export function flowsFromCoefficients(A: Float64Array, x: Float64Array): Float64Array {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) A[base + j] *= x[j];
  }
  return A;
}

/** Row sums of the n × n matrix Z plus those of the n × k matrix Y. */
export function rowSumsOf(Z: Float64Array, Y: Float64Array, n: number): Float64Array {
  const k = Y.length / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const zb = i * n;
    for (let j = 0; j < n; j++) s += Z[zb + j];
    const yb = i * k;
    for (let c = 0; c < k; c++) s += Y[yb + c];
    out[i] = s;
  }
  return out;
}

/**
 * Gross output from A and final demand, x = (I − A)⁻¹ rowsum(Y), as pymrio's calc_all finds it
 * for a download that gives neither Z nor x (EXIOBASE 3.4): an iterative solve to a relative
 * residual of 1e-13. An A that is not productive is an InputError naming the file.
 */
export function outputFromCoefficients(A: Float64Array, Y: Float64Array, n: number, file: string): { x: Float64Array; residual: number; iterations: number } {
  const k = Y.length / n;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) y[i] += Y[i * k + c];
  const result = solveLeontief(csrFromDense(n, n, A), y, { tolerance: 1e-13 });
  if (result.status !== 'converged') {
    throw inputError('not-productive', `gross output cannot be found from A and Y: the solve ended ${result.status} (A must be productive, its spectral radius below 1)`, { file, row: 1, tableColumn: 1 });
  }
  return { x: result.x, residual: result.relativeResidual, iterations: result.iterations };
}
