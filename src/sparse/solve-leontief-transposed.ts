import type { CsrMatrix } from './csr.js';
import { leontiefCore, type BlockProduct } from './leontief-core.js';
import { matvec } from './matvec.js';
import { matvecTransposed } from './matvec-transposed.js';
import type { SolveResult, TransposedSolveOptions } from './solve-result.js';
import { transpose } from './transpose.js';

/**
 * Solves the row system v (I − A) = s, i.e. (I − Aᵀ) vᵀ = sᵀ (labour values, price and cost
 * multipliers). Products with Aᵀ scatter over the rows of A, so no transpose is formed unless
 * `allowTranspose` is set. Same algorithms and statuses as `solveLeontief`.
 */
export function solveLeontiefTransposed(A: CsrMatrix, s: Float64Array, options: TransposedSolveOptions = {}): SolveResult {
  return leontiefCore(A, transposedProduct(A, options.allowTranspose === true), s, 1, options, 'solveLeontiefTransposed');
}

/** x ↦ Aᵀ x, by scatter over A or by gather over an explicit transpose. Internal. */
export function transposedProduct(A: CsrMatrix, allowTranspose: boolean): BlockProduct {
  if (allowTranspose) {
    const At = transpose(A);
    return (x, out) => {
      matvec(At, x, out);
    };
  }
  return (x, out) => {
    matvecTransposed(A, x, out);
  };
}
