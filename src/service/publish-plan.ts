import type { PlentyStore, Publication } from '../store/index.js';
import { ServiceError } from './service-error.js';
import { storedPlan } from './stored-plan.js';

/**
 * Publishes a stored plan (the plan in execution from now on, replacing the previous one); only
 * an optimal plan can be (a conflict, code `not-optimal`).
 */
export async function publishPlan(store: PlentyStore, id: number): Promise<Publication> {
  const p = await storedPlan(store, id);
  if (p.status !== 'optimal') throw new ServiceError('conflict', 'not-optimal', `plan ${id} has status ${p.status}: only an optimal plan can be published`);
  return store.plans.publish(id);
}
