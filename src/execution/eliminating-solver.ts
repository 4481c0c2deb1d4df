import { chooseSolver } from '../lp/choose-solver.js';
import type { LpSolver } from '../lp/lp-types.js';
import { nnz } from '../sparse/csr.js';
import { eliminateFixed } from './eliminate-fixed.js';

/**
 * A backend that solves every LP it is given without its fixed columns and free rows
 * (eliminateFixed) and answers for the original LP. `choice` is a backend, or the name of one
 * chosen for the reduced LP's size as chooseSolver does.
 */
export function eliminatingSolver(choice: LpSolver | 'auto' | 'highs' | 'pdhg'): LpSolver {
  return {
    name: typeof choice === 'string' ? choice : choice.name,
    maxNonZeros: typeof choice === 'string' ? Infinity : choice.maxNonZeros,
    async solve(lp, options) {
      const reduced = eliminateFixed(lp);
      const backend = await chooseSolver(choice, nnz(reduced.lp.A));
      return reduced.expand(await backend.solve(reduced.lp, options));
    },
  };
}
