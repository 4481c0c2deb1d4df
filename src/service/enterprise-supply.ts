import type { SupplyAssignment, SupplyAssignments } from '../execution/index.js';
import type { PlentyStore } from '../store/index.js';
import { checkPeriodOfPlan } from './check-period-of-plan.js';
import { publishedOr404 } from './published-plan.js';
import { registeredEnterprise } from './registered-enterprise.js';
import { serviceContext } from './service-context.js';
import { supplyOf } from './supply-cache.js';

/**
 * A registered enterprise's suppliers (the assignments that deliver to it) or customers (those it
 * delivers to) under the published plan's supply assignments, in one period or all.
 */
export async function enterpriseSupply(store: PlentyStore, id: string, side: 'suppliers' | 'customers', period?: string): Promise<{ enterprise: string; planId: number; status: SupplyAssignments['status']; message?: string; assignments: SupplyAssignment[] }> {
  await registeredEnterprise(store, id);
  const ctx = serviceContext(store);
  const pub = await publishedOr404(ctx);
  checkPeriodOfPlan(pub.compiled, period);
  const s = await supplyOf(ctx, pub);
  const mine = s.assignments.filter((a) => (side === 'suppliers' ? a.to === id : a.from === id) && (period === undefined || a.period === period));
  return { enterprise: id, planId: pub.plan.id, status: s.status, ...(s.message === undefined ? {} : { message: s.message }), assignments: mine };
}
