import type { CsrMatrix } from './csr.js';
import type { SolveStatus, TransposedSolveOptions } from './solve-result.js';
import { solveLeontiefColumnStream } from './solve-leontief-column-stream.js';

export { COLUMN_BLOCK } from './solve-leontief-column-stream.js';

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
 * a width (A copied and prepared once, not once a block): solveLeontiefColumnStream over the given
 * arrays. Stops at the first block that does not converge; the solutions of that block and the
 * blocks after it are left at zero (the caller discards them).
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
  if (starts !== undefined && starts.length !== columns.length) {
    throw new RangeError(`solveLeontiefColumns: ${starts.length} starting points for ${columns.length} right-hand sides`);
  }
  const n = transposed ? A.cols : A.rows;
  const x: Float64Array[] = columns.map(() => new Float64Array(n));
  const source = {
    count: columns.length,
    column: (i: number) => columns[i],
    take: (i: number, xi: Float64Array) => {
      x[i] = xi;
    },
    ...(starts === undefined ? {} : { start: (i: number) => starts[i] }),
  };
  const { status, iterations, relativeResidual } = solveLeontiefColumnStream(A, source, transposed, options);
  return { x, status, iterations, relativeResidual };
}
