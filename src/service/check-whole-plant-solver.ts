import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { hasPlantDecisions } from '../plan/plants-built.js';

/**
 * Refuses, before any work, PDHG asked for a model with whole-plant decisions without the LP
 * relaxation (InputError `integer-model` located at `solver`): PDHG solves linear programs only.
 */
export function checkWholePlantSolver(c: CompiledEconomy, options: { readonly solver?: string | undefined; readonly relaxIntegers?: boolean | undefined }): void {
  if (options.solver === 'pdhg' && options.relaxIntegers !== true && hasPlantDecisions(c)) {
    throw inputError(
      'integer-model',
      'the model has whole-plant decisions (whole, min_lot or fixed_cost on a technique), and PDHG solves linear programs only: solve with HiGHS, or ask for the LP relaxation (relaxIntegers: true)',
      { path: ['solver'] },
      'pdhg',
    );
  }
}
