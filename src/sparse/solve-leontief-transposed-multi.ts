import type { CsrMatrix } from './csr.js';
import { leontiefCore, type BlockProduct } from './leontief-core.js';
import { matvecMulti } from './matvec-multi.js';
import { matvecTransposedMulti } from './matvec-transposed-multi.js';
import type { MultiSolveResult, TransposedSolveOptions } from './solve-result.js';
import { transposedProduct } from './solve-leontief-transposed.js';
import { transpose } from './transpose.js';

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
  const allow = options.allowTranspose === true;
  let product: BlockProduct;
  if (k === 1) product = transposedProduct(A, allow);
  else if (allow) {
    const At = transpose(A);
    product = (x: Float64Array, out: Float64Array): void => {
      matvecMulti(At, x, k, out);
    };
  } else {
    product = (x: Float64Array, out: Float64Array): void => {
      matvecTransposedMulti(A, x, k, out);
    };
  }
  return leontiefCore(A, product, s, k, options, 'solveLeontiefTransposedMulti');
}
