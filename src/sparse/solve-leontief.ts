import { chooseBlockProduct } from './product/choose-block-product.js';
import type { CsrMatrix } from './csr.js';
import { leontiefCore } from './leontief-core.js';
import type { SolveOptions, SolveResult } from './solve-result.js';

/**
 * Solves (I − A) x = y for square A (typically non-negative: a Leontief system) with
 * Jacobi-preconditioned BiCGSTAB, or Jacobi sweeps when the column sums are small (see
 * `SolveOptions.method`). A non-productive non-negative A (ρ(A) ≥ 1) ends with status
 * 'not-productive' (see `checkProductive`), never a hang. The returned `relativeResidual` is
 * recomputed from the returned x.
 */
export function solveLeontief(A: CsrMatrix, y: Float64Array, options: SolveOptions = {}): SolveResult {
  const { product, close } = chooseBlockProduct(A, 1, false, options);
  try {
    return leontiefCore(A, product, y, 1, options, 'solveLeontief');
  } finally {
    close();
  }
}
