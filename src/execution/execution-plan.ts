import type { PlanResult } from '../plan/plan-types.js';
import type { ExecutionPlan, PlannedDelivery } from './types.js';

/** The arrays of a solved plan that the execution functions read, as plain data. */
export function executionPlan(r: PlanResult): ExecutionPlan {
  const ix = r.formulated.index;
  const deliveries: PlannedDelivery[] = [];
  for (let g = 0; g < ix.deliveryTarget.length; g++) deliveries.push({ target: ix.deliveryTarget[g], period: ix.deliveryPeriod[g], amount: r.delivered[g] });
  return { activity: r.activity, deliveries, imports: r.imports, exports: r.exports, stock: r.stock, available: r.available };
}
