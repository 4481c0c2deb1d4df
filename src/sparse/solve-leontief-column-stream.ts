import { chooseBlockProduct } from './product/choose-block-product.js';
import type { CsrMatrix } from './csr.js';
import { leontiefCore } from './leontief-core.js';
import type { BlockProduct } from './product/block-product.js';
import type { SolveStatus, TransposedSolveOptions } from './solve-result.js';
import { transpose } from './transpose.js';

/**
 * Right-hand sides per block. The product kernels read a row of A once for up to ten interleaved
 * vectors (gatherMulti's one-pass case); wider blocks take several passes over A with the
 * vectors' rows further apart in the cache. On a synthetic EXIOBASE-size A (9,800 products,
 * 15 million non-zeros, 2 threads), 40 transposed solves took 2.0 CPU s in blocks of 10, 2.2 in
 * blocks of 8, 2.7–3.6 in blocks of 20 and 5.6 in one block of 40 (and a one-pass kernel for 16
 * or 20 vectors, tried on the same A, took 1.5 times as long a vector as the one for ten: the
 * block of vectors no longer fits in the cache).
 */
export const COLUMN_BLOCK = 10;

/**
 * Up to this many non-zeros, transposed solves of several right-hand sides run over an explicit
 * Aᵀ (one more copy of A) as gathers, instead of scattering over A: on the matrix above, the
 * threaded block scatter took about twice the time of the gather, and transposing A costs about
 * one product. Above it (2.4 GB more at 2·10⁸ non-zeros) they scatter.
 */
export const TRANSPOSE_MAX_NNZ = 50_000_000;

/**
 * Right-hand sides handed out one at a time, and their solutions taken back one at a time, so that
 * many of them (an MRIO table's R · k import solves) need not be held at once.
 */
export interface ColumnSource {
  /** How many right-hand sides there are. */
  readonly count: number;
  /** Right-hand side i (length n); read once, before its solve. */
  column(i: number): Float64Array;
  /** A starting point for right-hand side i (length n), or undefined for zero. */
  start?(i: number): Float64Array | undefined;
  /**
   * The residual of start i, bᵢ − (I − A) startᵢ (or of the transposed system), when the caller
   * has it without a product; asked right after `start(i)`, and used only when every right-hand
   * side of the block has a start and a residual (the block then spends no product on its first
   * residual; see SolveOptions.r0).
   */
  residual?(i: number): Float64Array | undefined;
  /** The solution of right-hand side i (a fresh array, the caller's to keep), once its block converged. */
  take(i: number, x: Float64Array): void;
}

/** How the solves of a stream went. */
export interface StreamSolve {
  /** The first status that is not 'converged' (the solve stops there), else 'converged'. */
  readonly status: SolveStatus;
  /** The largest number of iterations of any block. */
  readonly iterations: number;
  /** The largest relative residual of any solution. */
  readonly relativeResidual: number;
  /** Products with A (or Aᵀ) over all blocks, each for a block of up to COLUMN_BLOCK vectors. */
  readonly products: number;
}

/**
 * Solves (I − A) xⱼ = bⱼ, or xⱼ (I − A) = bⱼ when `transposed`, for every right-hand side of
 * `source`, in blocks of `COLUMN_BLOCK` interleaved vectors (a narrower last block padded with zero
 * right-hand sides) over one product made for all blocks (A copied and prepared once for the whole
 * stream, not once a block or a call).
 * Transposed, several right-hand sides are solved over Aᵀ formed once (see TRANSPOSE_MAX_NNZ).
 * Stops at the first block that does not converge: its solutions and those of the blocks after it
 * are never handed to `take` (the caller discards what it has).
 */
export function solveLeontiefColumnStream(A: CsrMatrix, source: ColumnSource, transposed: boolean, options: TransposedSolveOptions = {}): StreamSolve {
  if (transposed && source.count > 1 && A.rowPtr[A.rows] <= TRANSPOSE_MAX_NNZ) return solveLeontiefColumnStream(transpose(A), source, false, options);
  const n = A.rows;
  const products = new Map<number, { product: BlockProduct; close: () => void }>();
  const productOf = (k: number): BlockProduct => {
    let p = products.get(k);
    if (p === undefined) {
      p = chooseBlockProduct(A, k, transposed, options);
      products.set(k, p);
    }
    return p.product;
  };
  let status: SolveStatus = 'converged';
  let iterations = 0;
  let relativeResidual = 0;
  let productCount = 0;
  const caller = transposed ? 'solveLeontiefTransposedMulti' : 'solveLeontiefMulti';
  try {
    for (let start = 0; start < source.count && status === 'converged'; start += COLUMN_BLOCK) {
      // A last block narrower than the others is padded with zero right-hand sides (solved at once,
      // never handed out), so that the stream makes one product of one width: a second one would
      // take a memory of its own (a fresh one of 240 MB at EXIOBASE's size, about a CPU second to
      // touch, and the next solve's product may not fit the smaller one left idle).
      const real = Math.min(COLUMN_BLOCK, source.count - start);
      const k = source.count > COLUMN_BLOCK ? COLUMN_BLOCK : real;
      const y = new Float64Array(n * k);
      for (let t = 0; t < real; t++) {
        const b = source.column(start + t);
        if (b.length !== n) throw new RangeError(`${caller}: right-hand side ${start + t} has length ${b.length}, expected ${n}`);
        for (let i = 0; i < n; i++) y[i * k + t] = b[i];
      }
      let x0: Float64Array | undefined;
      // The starts' residuals, while every right-hand side so far has a start and a residual.
      let r0: Float64Array | undefined = source.residual === undefined ? undefined : new Float64Array(n * k);
      for (let t = 0; t < real && source.start !== undefined; t++) {
        const s0 = source.start(start + t);
        const res0 = s0 === undefined || r0 === undefined ? undefined : source.residual?.(start + t);
        if (res0 === undefined) r0 = undefined;
        else if (r0 !== undefined) {
          if (res0.length !== n) throw new RangeError(`${caller}: residual ${start + t} has length ${res0.length}, expected ${n}`);
          for (let i = 0; i < n; i++) r0[i * k + t] = res0[i];
        }
        if (s0 === undefined) continue;
        if (s0.length !== n) throw new RangeError(`${caller}: starting point ${start + t} has length ${s0.length}, expected ${n}`);
        x0 ??= new Float64Array(n * k);
        for (let i = 0; i < n; i++) x0[i * k + t] = s0[i];
      }
      const r = leontiefCore(A, productOf(k), y, k, source.start === undefined ? options : withStart(options, x0, r0), caller);
      status = r.status;
      iterations = Math.max(iterations, r.iterations);
      relativeResidual = Math.max(relativeResidual, r.relativeResidual);
      productCount += r.products;
      if (status !== 'converged') break;
      for (let t = 0; t < real; t++) {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = r.x[i * k + t];
        source.take(start + t, out);
      }
    }
  } finally {
    for (const p of products.values()) p.close();
  }
  return { status, iterations, relativeResidual, products: productCount };
}

/** The options with x0 and r0 replaced by `x0` and `r0` (none if undefined; r0 only with x0). */
function withStart(options: TransposedSolveOptions, x0: Float64Array | undefined, r0?: Float64Array): TransposedSolveOptions {
  const rest: { -readonly [K in keyof TransposedSolveOptions]: TransposedSolveOptions[K] } = { ...options };
  delete rest.x0;
  delete rest.r0;
  if (x0 !== undefined) rest.x0 = x0;
  if (x0 !== undefined && r0 !== undefined) rest.r0 = r0;
  return rest;
}
