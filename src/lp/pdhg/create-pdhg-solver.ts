import { inputError } from '../../model/errors.js';
import { hasIntegers } from '../lp-types.js';
import type { LinearProgram, LpSolution, LpSolveOptions, LpSolver } from '../lp-types.js';
import type { PdhgOptions } from './pdhg-options.js';
import { solvePdhg } from './solve-pdhg.js';

/**
 * A PDHG backend with its own defaults (merged under the options of each call). `method: 'quick'`
 * in a call asks for a relative gap of 1e-4 unless `gap` is given. A mixed-integer program is
 * refused (an InputError): PDHG solves linear programs only; drop `integrality` to solve the
 * relaxation.
 */
export function createPdhgSolver(defaults: PdhgOptions = {}): LpSolver {
  return {
    name: 'pdhg',
    maxNonZeros: 2e8,
    solve(lp: LinearProgram, options: LpSolveOptions = {}): Promise<LpSolution> {
      if (hasIntegers(lp)) {
        return Promise.reject(
          inputError('integer-program', 'PDHG solves linear programs only, and this one has variables that must take whole values: solve it with HiGHS, or solve its LP relaxation', { path: ['solver'] }, 'pdhg'),
        );
      }
      const quick = options.method === 'quick' && options.gap === undefined ? { gap: 1e-4 } : {};
      try {
        return Promise.resolve(solvePdhg(lp, { ...options, ...quick }, defaults));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** The PDHG backend with default options (relative gap 1e-6). */
export const pdhgSolver: LpSolver = createPdhgSolver();
