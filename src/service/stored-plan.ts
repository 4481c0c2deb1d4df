import type { PlanWithResult, PlentyStore } from '../store/index.js';
import { notFound } from './service-error.js';

/** A stored plan with its document, or not-found. */
export async function storedPlan(store: PlentyStore, id: number): Promise<PlanWithResult> {
  const p = await store.plans.get(id);
  if (p === undefined) throw notFound('plan', id);
  return p;
}
