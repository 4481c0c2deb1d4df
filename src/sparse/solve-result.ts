/** The iterations a Leontief solve may take unless told otherwise. */
export const DEFAULT_MAX_ITERATIONS = 5000;

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
  /**
   * With x0: its residual y − (I − A)x0 (same layout), when the caller has it without a product
   * (the solve then spends none on it; the final residual is still formed with a product, so a
   * wrong r0 costs iterations or a restart, never a wrong answer). Ignored without x0.
   */
  readonly r0?: Float64Array;
  /** Called after each iteration with the largest relative residual so far (estimated). */
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
  /**
   * 'jacobi': x ← x + D⁻¹(y − (I − A)x) with D = I − diag(A), one product per iteration;
   * 'bicgstab': Jacobi-preconditioned BiCGSTAB, two products per iteration (one in the last when
   * it converges at the half step);
   * 'auto' (default): BiCGSTAB, which on the benchmark's economies needs no more products than
   * Jacobi sweeps even where the column sums of A are only 0.05–0.1, and far fewer above.
   */
  readonly method?: SolveMethod;
  /**
   * Threads for the matrix–vector products. The WebAssembly kernel's workers share its memory, so
   * they serve any A; the JS kernel's read A itself, so they are used only when A's arrays are
   * SharedArrayBuffer-backed (see `toSharedCsr`). 'auto' (default): all available cores, at most
   * 4, for A with at least 5·10⁵ non-zeros (WebAssembly kernel) or 2·10⁶ (JS kernel), else serial.
   * 1: serial. The WebAssembly kernel's workers claim parts of each product as they come, so a
   * worker whose core is busy slows nobody down, and they are kept a few seconds with its memory
   * for the next solve.
   */
  readonly threads?: number | 'auto';
  /**
   * The matrix–vector product kernel. 'wasm': WebAssembly (SIMD) over a copy of A in a shared wasm
   * memory (A's arrays, the n × k blocks and, for one right-hand side, the solver's vectors must fit
   * in 4 GiB; otherwise, or where WebAssembly is unavailable, the JS kernel runs), or in place over
   * a matrix made by `toWasmCsr`. Where the vectors exceed 12 MiB (or 2 MiB, where random reads
   * over them miss this machine's cache: probed once per size) the copy is split for the cache
   * (near-diagonal entries in CSR, far ones by blocks of columns): at 10⁶–10⁷ products a product
   * takes 0.35–0.45 of the time over plain CSR. A serial transposed solve of one right-hand side
   * over a plain copy (at most 64 entries a row on average) gathers over a copy of Aᵀ instead of
   * scattering over A: 1.2–1.5 times faster at 10⁴–5·10⁴ products. The kernel's memory keeps
   * its last copy of A with A's facts, Aᵀ and the split layout (up to 1 GiB of A), and a solve on
   * an A that is byte for byte the same uses them again instead of making them anew (at 10⁶
   * products, a quarter of the solve). Results agree with the JS
   * kernel to rounding (bit-identical over plain copies, serial: with the JS kernel over
   * transpose(A), that is `allowTranspose`, for those transposed solves). 'js': the typed-array
   * kernel. 'auto' (default): 'wasm' for A with at least 50,000 non-zeros, else 'js'.
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
