import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import type { DistributionRegion } from './distribute.js';

export interface DistributionRegionsOptions {
  /** Final-demand category whose targets are the norms (default "households"). */
  readonly category?: string;
  /** Explicit per-capita norms by region id: they replace the targets' amount ÷ population. */
  readonly norms?: Readonly<Record<string, number>>;
}

/**
 * The claims of the regions on a consumer good in a period, from the model: each region's target
 * of the category for the product (the period's own, else the one for every period) gives its
 * need, its priority the tier, and need ÷ population the per-capita norm. With explicit norms,
 * need = norm × population (tier from the region's target, else the last tier of the product).
 * Regions without a target or norm, or without a population, are left out. Unknown ids throw
 * InputError.
 */
export function distributionRegions(c: CompiledEconomy, product: string, period: string, options: DistributionRegionsOptions = {}): DistributionRegion[] {
  const p = c.products.index.get(product);
  if (p === undefined) throw inputError('unknown-id', `unknown product "${product}"`, { path: ['product'] }, product);
  const t = c.periods.index.get(period);
  if (t === undefined) throw inputError('unknown-id', `unknown period "${period}"`, { path: ['period'] }, period);
  const category = options.category ?? 'households';
  const cat = c.categories.index.get(category) ?? -2;
  const own = new Map<number, { amount: number; priority: number }>();
  const every = new Map<number, { amount: number; priority: number }>();
  let lastTier = 1;
  for (let k = 0; k < c.targets.item.length; k++) {
    const i = c.targets.item[k];
    if (i < 0 || c.itemProduct[i] !== p || c.targets.category[k] !== cat) continue;
    const tp = c.targets.period[k];
    if (tp >= 0 && tp !== t) continue;
    lastTier = Math.max(lastTier, c.targets.priority[k]);
    const into = tp >= 0 ? own : every;
    const prev = into.get(c.itemRegion[i]);
    into.set(c.itemRegion[i], { amount: (prev?.amount ?? 0) + c.targets.amount[k], priority: Math.min(prev?.priority ?? Infinity, c.targets.priority[k]) });
  }
  for (const [key, v] of Object.entries(options.norms ?? {})) {
    if (c.regions.index.get(key) === undefined) throw inputError('unknown-id', `unknown region "${key}"`, { path: ['norms', key] }, key);
    if (!(Number.isFinite(v) && v >= 0)) throw inputError('invalid-amount', 'a norm must be a finite number ≥ 0', { path: ['norms', key] }, v);
  }
  const out: DistributionRegion[] = [];
  c.model.regions.forEach((region, r) => {
    const population = region.population;
    if (population === undefined || !(population > 0)) return;
    const target = own.get(r) ?? every.get(r);
    const norm = options.norms?.[region.id];
    if (norm !== undefined) out.push({ region: region.id, population, norm, tier: target?.priority ?? lastTier });
    else if (target !== undefined && options.norms === undefined) out.push({ region: region.id, population, norm: target.amount / population, tier: target.priority, need: target.amount });
  });
  return out;
}
