import { availableParallelism } from 'node:os';
import type { CsrMatrix } from './csr.js';
import type { BlockProduct } from './leontief-core.js';
import { matvecMulti } from './matvec-multi.js';
import { matvecTransposedMulti } from './matvec-transposed-multi.js';
import { matvecTransposed } from './matvec-transposed.js';
import { matvec } from './matvec.js';
import { parallelProduct } from './parallel-product.js';
import type { TransposedSolveOptions } from './solve-result.js';
import { isSharedCsr } from './to-shared-csr.js';
import { transpose } from './transpose.js';

/** Below this many non-zeros 'auto' never starts threads (start-up costs more than it saves). */
const PARALLEL_MIN_NNZ = 2_000_000;

/**
 * The product a solver iterates with: x ↦ A x or x ↦ Aᵀ x for k interleaved vectors; serial, over
 * an explicit transpose (if allowed), or split over threads (if A is in shared memory). `close`
 * stops any worker threads. Internal to the sparse package.
 */
export function blockProduct(
  A: CsrMatrix,
  k: number,
  transposed: boolean,
  options: TransposedSolveOptions,
): { product: BlockProduct; close: () => void } {
  const M = transposed && options.allowTranspose === true ? transpose(A) : A;
  const scatter = transposed && M === A;
  const requested = options.threads ?? 'auto';
  const threads =
    requested === 'auto'
      ? isSharedCsr(M) && M.rowPtr[M.rows] >= PARALLEL_MIN_NNZ
        ? Math.min(availableParallelism(), 4)
        : 1
      : Math.max(1, Math.floor(requested));
  const parallel = parallelProduct(M, k, scatter, threads);
  if (parallel !== undefined) return { product: parallel.product, close: () => parallel.close() };
  const none = (): void => {};
  if (k === 1) {
    return scatter
      ? { product: (x, out) => void matvecTransposed(M, x, out), close: none }
      : { product: (x, out) => void matvec(M, x, out), close: none };
  }
  return scatter
    ? { product: (x, out) => void matvecTransposedMulti(M, x, k, out), close: none }
    : { product: (x, out) => void matvecMulti(M, x, k, out), close: none };
}
