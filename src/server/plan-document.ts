import type { CompiledEconomy } from '../compile/types.js';
import type { PlanResult } from '../optimize/plan-types.js';
import { failedPlanJson, planJson } from '../report/plan-json.js';

/**
 * A computed plan as the service stores it: the document of `plenty plan --json`, plus each
 * resource's use and availability (including investment) per period, which comparisons need. A
 * plan that is not optimal is stored as `plenty plan --json` writes one: objective, status, the
 * solver's message, the stages and the diagnosis, no numbers of the failed solve.
 */
export function planDocument(c: CompiledEconomy, r: PlanResult): Record<string, unknown> {
  if (r.status !== 'optimal') return failedPlanJson(r, c.model.name) as Record<string, unknown>;
  const nR = c.resources.ids.length;
  const resources = Object.fromEntries(
    c.periods.ids.map((p, t) => [p, Object.fromEntries(c.resources.ids.map((id, k) => [id, { use: r.resourceUse[t * nR + k], available: r.available[t * nR + k] }]))]),
  );
  return { ...(planJson(c, r, []) as Record<string, unknown>), resources };
}
