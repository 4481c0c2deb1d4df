import { chooseBlockProduct } from './product/choose-block-product.js';
import type { CsrMatrix } from './csr.js';
import { leontiefCore } from './leontief-core.js';
import type { MultiSolveResult, SolveOptions } from './solve-result.js';

/**
 * Solves (I − A) X = Y for k right-hand sides at once, reading A once per iteration for all of
 * them. Y and the solution are n × k interleaved: entry i of vector j at index i * k + j (see
 * `interleave` / `deinterleave`). Each column keeps its own BiCGSTAB coefficients; the statuses
 * are those of `solveLeontief`, and the result is 'converged' only when every column is.
 */
export function solveLeontiefMulti(A: CsrMatrix, y: Float64Array, k: number, options: SolveOptions = {}): MultiSolveResult {
  const { product, close } = chooseBlockProduct(A, k, false, options);
  try {
    return leontiefCore(A, product, y, k, options, 'solveLeontiefMulti');
  } finally {
    close();
  }
}
