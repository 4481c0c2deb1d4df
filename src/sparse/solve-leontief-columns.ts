import { blockProduct } from './block-product.js';
import type { CsrMatrix } from './csr.js';
import { leontiefCore, type BlockProduct } from './leontief-core.js';
import type { SolveStatus, TransposedSolveOptions } from './solve-result.js';
import { transpose } from './transpose.js';

/**
 * Right-hand sides per block. The product kernels read a row of A once for up to ten interleaved
 * vectors (gatherMulti's one-pass case); wider blocks take several passes over A with the
 * vectors' rows further apart in the cache. On a synthetic EXIOBASE-size A (9,800 products,
 * 15 million non-zeros, 2 threads), 40 transposed solves took 2.0 CPU s in blocks of 10, 2.2 in
 * blocks of 8, 2.7–3.6 in blocks of 20 and 5.6 in one block of 40.
 */
export const COLUMN_BLOCK = 10;

/**
 * Up to this many non-zeros, transposed solves of several right-hand sides run over an explicit
 * Aᵀ (one more copy of A) as gathers, instead of scattering over A: on the matrix above, the
 * threaded block scatter took about twice the time of the gather, and transposing A costs about
 * one product. Above it (2.4 GB more at 2·10⁸ non-zeros) they scatter.
 */
const TRANSPOSE_MAX_NNZ = 50_000_000;

/** The solutions of many right-hand sides, and the worst of their solves. */
export interface ColumnsSolve {
  readonly x: Float64Array[];
  /** The first status that is not 'converged' (the solve stops there), else 'converged'. */
  readonly status: SolveStatus;
  /** The largest number of iterations of any block. */
  readonly iterations: number;
  /** The largest relative residual of any solution. */
  readonly relativeResidual: number;
}

/**
 * Solves (I − A) xⱼ = bⱼ, or xⱼ (I − A) = bⱼ when `transposed`, for any number of right-hand
 * sides, in blocks of `COLUMN_BLOCK` interleaved vectors over one product made for all blocks of
 * a width (A copied and prepared once, not once a block). Stops at the first block that does not
 * converge; the solutions of the blocks not solved are left at zero (the caller discards them).
 * Transposed, several right-hand sides are solved over Aᵀ formed once (see TRANSPOSE_MAX_NNZ).
 * `starts`, when given, holds a starting point per right-hand side (length n, or undefined for
 * zero); with them, `options.x0` is ignored.
 */
export function solveLeontiefColumns(
  A: CsrMatrix,
  columns: readonly Float64Array[],
  transposed: boolean,
  options: TransposedSolveOptions = {},
  starts?: readonly (Float64Array | undefined)[],
): ColumnsSolve {
  if (transposed && columns.length > 1 && A.rowPtr[A.rows] <= TRANSPOSE_MAX_NNZ) return solveLeontiefColumns(transpose(A), columns, false, options, starts);
  if (starts !== undefined && starts.length !== columns.length) {
    throw new RangeError(`solveLeontiefColumns: ${starts.length} starting points for ${columns.length} right-hand sides`);
  }
  const n = A.rows;
  const x = columns.map(() => new Float64Array(n));
  const products = new Map<number, { product: BlockProduct; close: () => void }>();
  const productOf = (k: number): BlockProduct => {
    let p = products.get(k);
    if (p === undefined) {
      p = blockProduct(A, k, transposed, options);
      products.set(k, p);
    }
    return p.product;
  };
  let status: SolveStatus = 'converged';
  let iterations = 0;
  let relativeResidual = 0;
  const caller = transposed ? 'solveLeontiefTransposedMulti' : 'solveLeontiefMulti';
  try {
    for (let start = 0; start < columns.length && status === 'converged'; start += COLUMN_BLOCK) {
      const k = Math.min(COLUMN_BLOCK, columns.length - start);
      const y = new Float64Array(n * k);
      for (let t = 0; t < k; t++) {
        const b = columns[start + t];
        for (let i = 0; i < n; i++) y[i * k + t] = b[i];
      }
      let x0: Float64Array | undefined;
      for (let t = 0; t < k && starts !== undefined; t++) {
        const s0 = starts[start + t];
        if (s0 === undefined) continue;
        if (s0.length !== n) throw new RangeError(`solveLeontiefColumns: starting point ${start + t} has length ${s0.length}, expected ${n}`);
        x0 ??= new Float64Array(n * k);
        for (let i = 0; i < n; i++) x0[i * k + t] = s0[i];
      }
      const r = leontiefCore(A, productOf(k), y, k, starts === undefined ? options : withStart(options, x0), caller);
      status = r.status;
      iterations = Math.max(iterations, r.iterations);
      relativeResidual = Math.max(relativeResidual, r.relativeResidual);
      for (let t = 0; t < k; t++) {
        const out = x[start + t];
        for (let i = 0; i < n; i++) out[i] = r.x[i * k + t];
      }
    }
  } finally {
    for (const p of products.values()) p.close();
  }
  return { x, status, iterations, relativeResidual };
}

/** The options with x0 replaced by `x0` (none if undefined). */
function withStart(options: TransposedSolveOptions, x0: Float64Array | undefined): TransposedSolveOptions {
  const rest: { -readonly [K in keyof TransposedSolveOptions]: TransposedSolveOptions[K] } = { ...options };
  delete rest.x0;
  if (x0 !== undefined) rest.x0 = x0;
  return rest;
}
