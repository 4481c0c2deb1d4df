import { inputError } from '../model/errors.js';
import { highsSolver } from './highs/index.js';
import type { LpSolver } from './lp-types.js';

/**
 * The backend for an LP with `nonZeros` matrix entries: a given backend as it is; 'highs';
 * 'pdhg' (loaded only when used); 'auto' = HiGHS up to its `maxNonZeros`, else PDHG.
 */
export async function chooseSolver(choice: LpSolver | 'auto' | 'highs' | 'pdhg', nonZeros: number): Promise<LpSolver> {
  if (typeof choice !== 'string') return choice;
  if (choice === 'highs') return highsSolver;
  if (choice === 'auto' && nonZeros <= highsSolver.maxNonZeros) return highsSolver;
  if (choice === 'auto' || choice === 'pdhg') {
    const pdhg = await import('./pdhg/index.js');
    return pdhg.pdhgSolver;
  }
  throw inputError('invalid-option', 'the solver must be auto, highs or pdhg', { path: ['solver'] }, choice);
}
