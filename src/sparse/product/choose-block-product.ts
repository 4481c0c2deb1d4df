import { availableParallelism } from 'node:os';
import type { CsrMatrix } from '../csr.js';
import { WORKSPACE_VECTORS, type BlockProduct } from './block-product.js';
import { matvecMulti } from '../matvec-multi.js';
import { matvecTransposedMulti } from '../matvec-transposed-multi.js';
import { matvecTransposed } from '../matvec-transposed.js';
import { matvec } from '../matvec.js';
import { parallelProduct } from './parallel-product.js';
import type { TransposedSolveOptions } from '../solve-result.js';
import { isSharedCsr } from './to-shared-csr.js';
import { WASM_MIN_NNZ, WASM_PARALLEL_MIN_NNZ } from './to-wasm-csr.js';
import { transpose } from '../transpose.js';
import { wasmProduct } from './wasm-product.js';

/** Below this many non-zeros 'auto' never starts threads (start-up costs more than it saves). */
const PARALLEL_MIN_NNZ = 2_000_000;
/**
 * The product a solver iterates with: x ↦ A x or x ↦ Aᵀ x for k interleaved vectors, over an
 * explicit transpose if allowed: by the WebAssembly kernels over a copy of A or A itself if made by
 * `toWasmCsr`, split over threads from 5·10⁵ non-zeros (see `SolveOptions.kernel` and `threads`);
 * else by the JS kernels, split over threads only if A is in shared memory. `close` hands the
 * WebAssembly kernels' memory and workers back for the next solve. Internal to the sparse package.
 */
export function chooseBlockProduct(
  A: CsrMatrix,
  k: number,
  transposed: boolean,
  options: TransposedSolveOptions,
): { product: BlockProduct; close: () => void } {
  const kernel = options.kernel ?? 'auto';
  if (kernel !== 'auto' && kernel !== 'js' && kernel !== 'wasm') {
    throw new RangeError(`solver option kernel must be 'auto', 'js' or 'wasm', got ${String(kernel)}`);
  }
  const M = transposed && options.allowTranspose === true ? transpose(A) : A;
  const scatter = transposed && M === A;
  const none = (): void => {};
  const requested = options.threads ?? 'auto';
  const nnz = M.rowPtr[M.rows];
  const cores = Math.min(availableParallelism(), 4);
  const fixed = requested === 'auto' ? undefined : Math.max(1, Math.floor(requested));
  if (kernel === 'wasm' || (kernel === 'auto' && nnz >= WASM_MIN_NNZ)) {
    // The WebAssembly kernel's workers share its memory, so they serve any A.
    const threads = fixed ?? (nnz >= WASM_PARALLEL_MIN_NNZ ? cores : 1);
    const wasm = wasmProduct(M, k, scatter, threads, { vectors: WORKSPACE_VECTORS });
    if (wasm !== undefined) return { product: wasm.product, close: () => wasm.close() };
  }
  // The JS kernel's workers read A itself, so they need it in shared memory.
  const threads = fixed ?? (isSharedCsr(M) && nnz >= PARALLEL_MIN_NNZ ? cores : 1);
  const parallel = parallelProduct(M, k, scatter, threads);
  if (parallel !== undefined) return { product: parallel.product, close: () => parallel.close() };
  if (k === 1) {
    return scatter
      ? { product: (x, out) => void matvecTransposed(M, x, out), close: none }
      : { product: (x, out) => void matvec(M, x, out), close: none };
  }
  return scatter
    ? { product: (x, out) => void matvecTransposedMulti(M, x, k, out), close: none }
    : { product: (x, out) => void matvecMulti(M, x, k, out), close: none };
}
