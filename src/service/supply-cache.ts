import { supplyAssignments, type SupplyAssignments } from '../execution/index.js';
import type { ServiceContext } from './service-context.js';
import type { PublishedPlan } from './published-plan.js';

const cache = new WeakMap<ServiceContext, Map<number, Promise<SupplyAssignments>>>();

/**
 * Supply assignments of a published plan (a transportation LP per product and period, solved once
 * per plan and kept: a stored plan never changes). A failed solve is not kept.
 */
export function supplyOf(ctx: ServiceContext, pub: PublishedPlan): Promise<SupplyAssignments> {
  let byPlan = cache.get(ctx);
  if (byPlan === undefined) cache.set(ctx, (byPlan = new Map()));
  const hit = byPlan.get(pub.plan.id);
  if (hit !== undefined) return hit;
  const made = supplyAssignments(pub.compiled, pub.execution);
  byPlan.set(pub.plan.id, made);
  made.catch(() => byPlan.delete(pub.plan.id));
  if (byPlan.size > 4) byPlan.delete(byPlan.keys().next().value as number);
  return made;
}
