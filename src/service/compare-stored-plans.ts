import { decodeOptimalPlan } from '../report/decode-plan.js';
import type { PlentyStore } from '../store/index.js';
import { comparePlans } from './compare-plans.js';
import { ServiceError } from './service-error.js';
import { storedPlan } from './stored-plan.js';

/**
 * What changes from stored plan a to stored plan b (compare-plans.ts). Both must be optimal: a
 * plan that did not solve has no numbers (a conflict, code `not-optimal`).
 */
export async function compareStoredPlans(store: PlentyStore, a: number, b: number): Promise<{ a: number; b: number } & ReturnType<typeof comparePlans>> {
  const pa = await storedPlan(store, a);
  const pb = await storedPlan(store, b);
  for (const [id, p] of [[a, pa], [b, pb]] as const) {
    if (p.status !== 'optimal') throw new ServiceError('conflict', 'not-optimal', `plan ${id} has status ${p.status}: only optimal plans can be compared (a plan that did not solve has no numbers)`);
  }
  return { a, b, ...comparePlans(decodeOptimalPlan(pa.result, `plan ${a}`), decodeOptimalPlan(pb.result, `plan ${b}`)) };
}
