import { nnz } from '../sparse/csr.js';
import { formulatePlan } from './formulate.js';
import { highsSolver } from '../lp/highs/index.js';
import type { LpSolver } from '../lp/lp-types.js';
import type { FormulatedPlan, PlanObjective } from './plan-types.js';
import type { CompiledEconomy } from '../compile/types.js';

/**
 * A maxmin objective with `periods` made explicit, and its formulation. As asked when the
 * objective says; else 'common' where PDHG solves the plan and 'leximin' elsewhere (HiGHS):
 * leximin's extra rounds cost an exact solver a few times one solve, but PDHG tens of times
 * (docs/optimize.md, measured there). The backend is judged on the common formulation (the
 * smaller): 'auto' is PDHG above HiGHS's maxNonZeros, as chooseSolver decides; a given backend (or a
 * wrapper named after a choice) by its name. The plan records the objective it used, so that a
 * re-plan of it uses the same mode. Other objectives are formulated as they are.
 */
export function withPeriods(c: CompiledEconomy, objective: PlanObjective, choice: LpSolver | 'auto' | 'highs' | 'pdhg'): { readonly objective: PlanObjective; readonly formulated: FormulatedPlan } {
  if (objective.kind !== 'maxmin' || objective.periods !== undefined) return { objective, formulated: formulatePlan(c, objective) };
  const common: PlanObjective = { ...objective, periods: 'common' };
  const leximin: PlanObjective = { ...objective, periods: 'leximin' };
  const name = typeof choice === 'string' ? choice : choice.name;
  if (name === 'pdhg') return { objective: common, formulated: formulatePlan(c, common) };
  if (name !== 'auto') return { objective: leximin, formulated: formulatePlan(c, leximin) };
  // 'auto' chooses by size: the common formulation decides, and serves PDHG as it is.
  const formulated = formulatePlan(c, common);
  if (nnz(formulated.lp.A) > highsSolver.maxNonZeros) return { objective: common, formulated };
  return { objective: leximin, formulated: formulatePlan(c, leximin) };
}
