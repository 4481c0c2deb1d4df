/** How an iterative solve ended. */
export type SolveStatus = 'converged' | 'not-productive' | 'max-iterations' | 'breakdown';

/** The algorithm used by the Leontief solvers. */
export type SolveMethod = 'auto' | 'jacobi' | 'bicgstab';

export interface SolveOptions {
  /** Target relative residual ‖y − (I − A)x‖₂ / ‖y‖₂. Default 1e-10. */
  readonly tolerance?: number;
  /** Largest number of iterations (a Jacobi sweep or a BiCGSTAB step each count one). Default 5000. */
  readonly maxIterations?: number;
  /** Starting point (length n, or n × k interleaved for the multi variants). Default 0. */
  readonly x0?: Float64Array;
  /** Called after each iteration with the largest relative residual so far (estimated). */
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
  /**
   * 'jacobi': x ← x + D⁻¹(y − (I − A)x) with D = I − diag(A), one product per iteration;
   * 'bicgstab': Jacobi-preconditioned BiCGSTAB, two products per iteration;
   * 'auto' (default): Jacobi when the column or row sums of |A| are all at most 0.3 (switching to
   * BiCGSTAB if it contracts by less than 0.3 per sweep), else BiCGSTAB.
   */
  readonly method?: SolveMethod;
  /**
   * Threads for the matrix–vector products. The JS kernel's worker threads read A from shared
   * memory, so they are used only when A's arrays are SharedArrayBuffer-backed (see `toSharedCsr`);
   * the WebAssembly kernel's workers share its copy of A, so they serve any A. 'auto' (default): all
   * available cores, at most 4, for a shared A with at least 2·10⁶ non-zeros, else serial. 1: serial.
   */
  readonly threads?: number | 'auto';
  /**
   * The matrix–vector product kernel. 'wasm': WebAssembly (SIMD) over a copy of A made once per
   * solve in a shared wasm memory (A's arrays plus the n × k blocks must fit in 4 GiB; otherwise,
   * or where WebAssembly is unavailable, the JS kernel runs), or in place over a matrix made by
   * `toWasmCsr`. Per product 1.6–2.9× faster than the JS kernel for one vector and 1.3–1.7× for
   * ten (economies of 10⁶ and 10⁷ products, CPU time), with bit-identical results (scatters over
   * several threads sum their partial results in another order). 'js': the typed-array kernel.
   * 'auto' (default): 'wasm' for A with at least 50,000 non-zeros, else 'js'.
   */
  readonly kernel?: ProductKernel;
}

/** The matrix–vector product kernel of the Leontief solvers (see `SolveOptions.kernel`). */
export type ProductKernel = 'auto' | 'js' | 'wasm';

export interface TransposedSolveOptions extends SolveOptions {
  /**
   * May form Aᵀ explicitly (doubling the memory of A for the duration of the solve) so that each
   * product is a gather instead of a scatter. Default false.
   */
  readonly allowTranspose?: boolean;
}

export interface SolveResult {
  readonly status: SolveStatus;
  readonly x: Float64Array;
  readonly iterations: number;
  /** ‖y − (I − A)x‖₂ / ‖y‖₂ of the returned x, recomputed at the end (‖r‖₂ when y = 0). */
  readonly relativeResidual: number;
  readonly elapsedMs: number;
  /** Matrix–vector products with A spent (including the final residual check). */
  readonly products: number;
  /** The algorithm that finished the solve. */
  readonly method: 'jacobi' | 'bicgstab';
}

/**
 * The result of a solve for k right-hand sides at once. `x` is n × k interleaved: entry i of
 * solution j is x[i * k + j]. `relativeResidual` is the largest over the k solutions and
 * `relativeResiduals` holds each; `status` is 'converged' only when every solution converged.
 */
export interface MultiSolveResult extends SolveResult {
  readonly k: number;
  readonly relativeResiduals: Float64Array;
}
