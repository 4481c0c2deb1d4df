import type { CompiledEconomy } from '../compile/types.js';
import type { ReplanResult } from '../execution/index.js';
import { encodePlan } from '../report/encode-plan.js';
import type { PlanDocument } from '../report/plan-document-schema.js';
import { levelsByTier } from '../report/plan-levels.js';

/**
 * A re-plan as the service stores it: the plan document of the whole horizon (the past as it
 * happened, the future re-optimised; `lambda` is the future's) and a `replan` section saying what
 * it started from, which periods are the fixed past, the limits the past broke and its shortfalls,
 * and the future's periods, λ per tier and levels per tier and period (null when the future did
 * not solve to optimality: then the document is a failed plan's).
 */
export function replanDocument(c: CompiledEconomy, r: ReplanResult, basis: { readonly basePlanId: number; readonly reports: number }): PlanDocument {
  const tiers = r.formulated.index.tiers;
  return encodePlan(c, r, {
    replan: {
      basePlanId: basis.basePlanId,
      fromPeriod: r.fromPeriod,
      fixedPeriods: r.fixedPeriods,
      reports: basis.reports,
      past: { ...r.past, periods: r.past.periods.slice(), breaches: r.past.breaches.slice(), shortfalls: r.past.shortfalls.slice() },
      future: {
        periods: c.periods.ids.slice(r.fixedPeriods),
        lambda: r.status === 'optimal' && r.objective.kind === 'maxmin' ? Object.fromEntries(Array.from(tiers, (p, s) => [String(p), r.lambda[s]])) : null,
        levels: r.status === 'optimal' ? levelsByTier(c, r) : null,
      },
      timing: { ...r.timing, stagesMs: r.timing.stagesMs.slice() },
    },
  });
}
