import type { CompiledEconomy } from '../compile/types.js';
import type { ExecutionPlan, PlannedDelivery } from './types.js';
import type { DecodedOptimalPlan } from '../report/plan-document-schema.js';

type PerPeriod = Readonly<Record<string, Readonly<Record<string, number>>>>;

function periodMajor(c: CompiledEconomy, ids: readonly string[], values: PerPeriod): Float64Array {
  const n = ids.length;
  const out = new Float64Array(c.periods.ids.length * n);
  c.periods.ids.forEach((p, t) => {
    const row = values[p];
    if (row === undefined) return;
    ids.forEach((id, k) => {
      const v = row[id];
      if (v !== undefined) out[t * n + k] = v;
    });
  });
  return out;
}

/**
 * An optimal plan's document (report's decodePlan: stored, published) as the execution functions
 * take it, the same as executionPlan of the PlanResult it was encoded from: activity, trade and
 * stocks period-major over the compiled economy's techniques and items, deliveries by target
 * index, availability (Infinity where unlimited or not in the document).
 */
export function executionPlanOf(c: CompiledEconomy, doc: DecodedOptimalPlan): ExecutionPlan {
  const deliveries: PlannedDelivery[] = doc.targets.map((g) => ({ target: g.target, period: c.periods.index.get(g.period) ?? 0, amount: g.delivered }));
  const nR = c.resources.ids.length;
  const available = new Float64Array(c.periods.ids.length * nR).fill(Infinity);
  c.periods.ids.forEach((p, t) => {
    c.resources.ids.forEach((id, k) => {
      const v = doc.resources[p]?.[id];
      if (v !== undefined) available[t * nR + k] = v.available;
    });
  });
  return {
    activity: periodMajor(c, c.techniques.ids, doc.activity),
    deliveries,
    imports: periodMajor(c, c.items.ids, doc.imports),
    exports: periodMajor(c, c.items.ids, doc.exports),
    stock: periodMajor(c, c.items.ids, doc.stock),
    available,
  };
}
