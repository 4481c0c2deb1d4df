import type { CsrMatrix } from '../sparse/csr.js';
import { solveOne } from './solve.js';
import type { LeontiefOptions, SolveReport } from './types.js';
import { checkSquare, checkVector } from './validate.js';

export interface GhoshOutputResult extends SolveReport {
  /** x = v (I − B)⁻¹: gross output per item, in the table's monetary unit. */
  readonly x: Float64Array;
}

/**
 * The Ghosh supply-side model: gross output x (a row vector) driven by primary inputs v,
 * x = v (I − B)⁻¹ with B the allocation coefficients, by one transposed solve x (I − B) = v.
 */
export function ghoshOutput(B: CsrMatrix, v: ArrayLike<number>, opts: LeontiefOptions = {}): GhoshOutputResult {
  const n = checkSquare(B, 'B');
  return solveOne(B, checkVector(v, n, 'v'), true, opts, { quantity: 'the Ghosh gross output', key: 'x' });
}
