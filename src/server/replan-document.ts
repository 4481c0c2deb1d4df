import type { CompiledEconomy } from '../compile/types.js';
import type { ReplanResult } from '../execution/index.js';
import { levelsByTier } from '../report/plan-levels.js';
import { planDocument } from './plan-document.js';

/**
 * A re-plan as the service stores it: the plan document of the whole horizon (the past as it
 * happened, the future re-optimised; `lambda` is the future's) and a `replan` section saying what
 * it started from, which periods are the fixed past, the limits the past broke and its shortfalls,
 * and the future's periods, λ per tier and levels per tier and period.
 */
export function replanDocument(c: CompiledEconomy, r: ReplanResult, basis: { readonly basePlanId: number; readonly reports: number }): Record<string, unknown> {
  const doc = planDocument(c, r);
  const tiers = r.formulated.index.tiers;
  return {
    ...doc,
    replan: {
      basePlanId: basis.basePlanId,
      fromPeriod: r.fromPeriod,
      fixedPeriods: r.fixedPeriods,
      reports: basis.reports,
      past: r.past,
      future: {
        periods: c.periods.ids.slice(r.fixedPeriods),
        lambda: r.objective.kind === 'maxmin' ? Object.fromEntries(Array.from(tiers, (p, s) => [String(p), r.lambda[s]])) : null,
        levels: levelsByTier(c, r),
      },
      timing: r.timing,
    },
  };
}
