import { chooseBlockProduct } from '../../sparse/product/choose-block-product.js';
import type { CsrMatrix } from '../../sparse/csr.js';
import type { ProductKernel } from '../../sparse/solve-result.js';

/** The two products PDHG iterates with, and `close` to hand their kernels' memory back. */
export interface PdhgProducts {
  /** out = Ã x. */
  readonly A: (x: Float64Array, out: Float64Array) => void;
  /** out = Ãᵀ y. */
  readonly AT: (y: Float64Array, out: Float64Array) => void;
  close(): void;
}

/**
 * Ã x and Ãᵀ y by the Leontief solvers' product runtime (chooseBlockProduct: the WebAssembly SIMD kernel
 * over a copy of each matrix from 50,000 non-zeros, else the JS kernel; threads as `threads` says,
 * default 1: see bench/README.md, "bench:plan", for what threads did on the planning LPs). Both
 * are gathers over a row-major matrix (Ãᵀ is formed once): over plain copies the results are the
 * JS kernel's to the last bit; over the split layout that large matrices get (split-layout.ts)
 * they agree to rounding (4e-10 on products of order 10⁴ at 10⁵ items × periods).
 */
export function pdhgProducts(A: CsrMatrix, AT: CsrMatrix, kernel: ProductKernel = 'auto', threads: number | 'auto' = 1): PdhgProducts {
  const a = chooseBlockProduct(A, 1, false, { kernel, threads });
  const t = chooseBlockProduct(AT, 1, false, { kernel, threads });
  return {
    A: (x, out) => a.product(x, out),
    AT: (y, out) => t.product(y, out),
    close: () => {
      a.close();
      t.close();
    },
  };
}
