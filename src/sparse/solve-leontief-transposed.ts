import { chooseBlockProduct } from './product/choose-block-product.js';
import type { CsrMatrix } from './csr.js';
import { leontiefCore } from './leontief-core.js';
import type { SolveResult, TransposedSolveOptions } from './solve-result.js';

/**
 * Solves the row system v (I − A) = s, i.e. (I − Aᵀ) vᵀ = sᵀ (labour values, price and cost
 * multipliers). Products with Aᵀ scatter over the rows of A, so no transpose is formed unless
 * `allowTranspose` is set. Same algorithms and statuses as `solveLeontief`.
 */
export function solveLeontiefTransposed(A: CsrMatrix, s: Float64Array, options: TransposedSolveOptions = {}): SolveResult {
  const { product, close } = chooseBlockProduct(A, 1, true, options);
  try {
    return leontiefCore(A, product, s, 1, options, 'solveLeontiefTransposed');
  } finally {
    close();
  }
}
