import { chooseBlockProduct } from './product/choose-block-product.js';
import type { CsrMatrix } from './csr.js';
import { leontiefCore } from './leontief-core.js';
import type { MultiSolveResult, TransposedSolveOptions } from './solve-result.js';

/**
 * Solves the k row systems vⱼ (I − A) = sⱼ at once (e.g. multipliers for several coefficient rows),
 * reading A once per iteration for all of them. S and the solution are n × k interleaved: entry
 * i of vector j at index i * k + j. No transpose of A is formed unless `allowTranspose` is set.
 */
export function solveLeontiefTransposedMulti(
  A: CsrMatrix,
  s: Float64Array,
  k: number,
  options: TransposedSolveOptions = {},
): MultiSolveResult {
  const { product, close } = chooseBlockProduct(A, k, true, options);
  try {
    return leontiefCore(A, product, s, k, options, 'solveLeontiefTransposedMulti');
  } finally {
    close();
  }
}
