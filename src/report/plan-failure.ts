import type { PlanResult } from '../plan/plan-types.js';
import { solverStopSentence } from './solver-stop-sentence.js';

/** A relative gap as a percentage with two significant digits. */
export function formatGap(gap: number): string {
  return Number.isFinite(gap) ? `${(100 * gap).toPrecision(2)}%` : 'an unknown gap';
}

/**
 * For a plan that is not optimal, the sentence that says what happened and what to do (printed on
 * stderr; the command exits 1); undefined for an optimal plan.
 */
export function planFailure(r: PlanResult): string | undefined {
  const why = r.message === undefined ? '' : ` (${r.message})`;
  switch (r.status) {
    case 'optimal':
      return undefined;
    case 'infeasible':
      return r.diagnosis?.kind === 'infeasible' && r.diagnosis.shortfalls.length > 0
        ? 'no plan meets every target within the limits: reduce the targets as the diagnosis shows, or raise the limits it names'
        : 'no plan meets every target within the limits: lower the targets or raise the limits (plenty balance shows where the model falls short)';
    case 'infeasible-or-unbounded':
      return `the solver could not tell whether the plan is infeasible or unbounded${why}: check the targets and limits, or solve with --solver highs`;
    case 'unbounded':
      return r.diagnosis?.kind === 'unbounded' ? r.diagnosis.message : 'nothing limits the plan\'s objective: give the resources an availability, or cap the tiers with --cap';
    case 'time-limit':
      if (r.mip?.method === 'branch-and-bound' && r.plants.length > 0) {
        return `the solver stopped at the time limit before proving an optimum: the best whole-plant plan found (its plants below) is within ${formatGap(r.mip.gap)} of the best bound, not proven optimal: raise --time-limit, or accept a larger --mip-gap`;
      }
      return solverStopSentence(r.status, r.message);
    case 'iteration-limit':
    case 'unknown':
      return solverStopSentence(r.status, r.message);
    case 'error':
      return `the solver failed${why}: check the model's numbers, or solve with another --solver`;
  }
}
