import type { PlanWithResult, PlentyStore, Publication } from '../store/index.js';
import { notPublished } from './service-error.js';
import { storedPlan } from './stored-plan.js';

/** The publication and the published plan's record (not-found, code `not-published`, while none is). */
export async function publishedPlanRecord(store: PlentyStore): Promise<Publication & { plan: PlanWithResult }> {
  const pub = await store.plans.published();
  if (pub === undefined) throw notPublished();
  return { ...pub, plan: await storedPlan(store, pub.planId) };
}
