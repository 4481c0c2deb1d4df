import { distribute, distributionRegions } from '../execution/index.js';
import type { PlentyStore } from '../store/index.js';
import { deliveredSupply } from './delivered-supply.js';
import { publishedOr404 } from './published-plan.js';
import { refusedInput } from './refused-input.js';
import { serviceContext } from './service-context.js';

/**
 * The distribution of a product among the regions of a final-use category (default households)
 * in a period of the published plan (default its first): the supply given, else what the plan
 * delivers to the category scaled by reported output (deliveredSupply).
 */
export async function distributionOf(store: PlentyStore, q: { readonly product: string; readonly period?: string | undefined; readonly category?: string | undefined; readonly supply?: number | undefined }) {
  const pub = await publishedOr404(serviceContext(store));
  const c = pub.compiled;
  const period = q.period ?? c.periods.ids[0];
  const category = q.category ?? 'households';
  const regions = await refusedInput('the request', () => distributionRegions(c, q.product, period, { category }));
  const supply = q.supply ?? (await deliveredSupply(store, c, pub.execution, q.product, period, category));
  return { planId: pub.plan.id, product: q.product, period, category, ...distribute(supply, regions) };
}
