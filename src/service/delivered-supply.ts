import type { CompiledEconomy } from '../compile/types.js';
import { fulfilment, type ExecutionPlan } from '../execution/index.js';
import type { PlentyStore } from '../store/index.js';
import { publishedReports } from './published-reports.js';
import { refusedInput } from './refused-input.js';

/**
 * What the published plan delivers to a category's targets of a product in a period, scaled by
 * the reported output (the `implied` delivery of each matching target, summed).
 */
export async function deliveredSupply(store: PlentyStore, c: CompiledEconomy, plan: ExecutionPlan, product: string, period: string, category: string): Promise<number> {
  const reports = await publishedReports(store, c, { period });
  const f = await refusedInput('the reports', () => fulfilment(c, plan, reports, { period }));
  let supply = 0;
  for (const t of f.targets) {
    const item = c.items.index.get(t.item);
    if (item !== undefined && c.model.products[c.itemProduct[item]].id === product && (t.category ?? 'households') === category) supply += t.implied;
  }
  return supply;
}
