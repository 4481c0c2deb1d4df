import type { CsrMatrix } from './csr.js';
import { leontiefCore } from './leontief-core.js';
import { matvec } from './matvec.js';
import type { SolveOptions, SolveResult } from './solve-result.js';

/**
 * Solves (I − A) x = y for square A (typically non-negative: a Leontief system). Starts with
 * Jacobi sweeps and moves to preconditioned BiCGSTAB when they contract slowly (see
 * `SolveOptions.method`). A non-productive non-negative A (ρ(A) ≥ 1) ends with status
 * 'not-productive', confirmed by `checkProductive`, never a hang. The returned
 * `relativeResidual` is recomputed from the returned x.
 */
export function solveLeontief(A: CsrMatrix, y: Float64Array, options: SolveOptions = {}): SolveResult {
  const product = (x: Float64Array, out: Float64Array): void => {
    matvec(A, x, out);
  };
  return leontiefCore(A, product, y, 1, options, 'solveLeontief');
}
