import type { EconomyView, PlanResultView } from './api-types.js';
import type { Flow, FlowNode } from './charts/sankey-chart.js';
import { itemLabel } from './format.js';

/** The item a technique's key names: `grain@ukraine` as is; a bare `grain` in the technique's region. */
function itemOf(key: string, region: string | undefined, known: ReadonlySet<string>): string {
  if (key.includes('@') || region === undefined) return key;
  const local = `${key}@${region}`;
  return known.has(local) || !known.has(key) ? local : key;
}

const regionOf = (item: string): string | null => {
  const at = item.indexOf('@');
  return at < 0 ? null : item.slice(at + 1);
};

export interface PlanFlows {
  /** The largest flows, largest first. */
  readonly flows: readonly Flow[];
  /** How many valued flows there are in all. */
  readonly total: number;
}

/**
 * The flows of one period of a plan in three columns: resources into the products whose techniques
 * use them, products into the sectors that use them (the making of another product), to the
 * targets and to exports. Each is valued at the plan's valuations of the period (resource prices
 * for resources) so that different goods add up, in units of the objective; flows valued at 0 (of
 * goods in surplus) are left out.
 */
export function planFlows(economy: EconomyView, plan: PlanResultView, period: string, count: number): PlanFlows {
  const activity = plan.activity[period] ?? {};
  const valuation = plan.valuations[period] ?? {};
  const price = plan.resourcePrices[period] ?? {};
  const known = new Set<string>(Object.keys(valuation));
  for (const t of economy.techniques) for (const k of Object.keys(t.produces)) if (k.includes('@')) known.add(k);
  for (const p of economy.products) known.add(p.id);
  const productUnit = new Map(economy.products.map((p) => [p.id, p.unit]));
  const resourceUnit = new Map(economy.resources.map((p) => [p.id, p.unit]));
  const unitOfItem = (item: string): string => productUnit.get(item.split('@')[0] ?? item) ?? '';
  const nodes = new Map<string, FlowNode>();
  const node = (id: string, label: string, column: number, region: string | null): FlowNode => {
    const known = nodes.get(id);
    if (known !== undefined) return known;
    const n = { id, label, column, region };
    nodes.set(id, n);
    return n;
  };
  const sum = new Map<string, { source: FlowNode; target: FlowNode; value: number; amount: number; unit: string }>();
  const add = (source: FlowNode, target: FlowNode, value: number, amount: number, unit: string): void => {
    if (!(value > 0)) return;
    const key = `${source.id}→${target.id}`;
    const prev = sum.get(key);
    sum.set(key, { source, target, value: (prev?.value ?? 0) + value, amount: (prev?.amount ?? 0) + amount, unit });
  };
  const itemNode = (item: string) => node(`item:${item}`, itemLabel(item), 1, regionOf(item));
  for (const t of economy.techniques) {
    const a = activity[t.id] ?? 0;
    if (!(a > 0)) continue;
    const outKey = Object.keys(t.produces)[0];
    if (outKey === undefined) continue;
    const out = itemOf(outKey, t.region, known);
    const outRegion = regionOf(out) ?? t.region ?? null;
    for (const [r, coef] of Object.entries(t.uses)) add(node(`res:${r}`, r.replace(/_/g, ' '), 0, null), itemNode(out), a * coef * (price[r] ?? 0), a * coef, resourceUnit.get(r) ?? '');
    const use = node(`use:${out}`, `making ${itemLabel(out)}`, 2, outRegion);
    for (const [k, coef] of Object.entries(t.consumes)) {
      const item = itemOf(k, t.region, known);
      if (item === out) continue;
      add(itemNode(item), use, a * coef * (valuation[item] ?? 0), a * coef, unitOfItem(item));
    }
  }
  const final = node('final', 'targets (final use)', 2, null);
  for (const d of plan.targets) if (d.period === period) add(itemNode(d.item), final, d.delivered * (valuation[d.item] ?? 0), d.delivered, unitOfItem(d.item));
  const exports = node('export', 'exports', 2, null);
  for (const [item, x] of Object.entries(plan.exports[period] ?? {})) add(itemNode(item), exports, x * (valuation[item] ?? 0), x, unitOfItem(item));
  const all = [...sum.values()].sort((x, y) => y.value - x.value);
  return { flows: all.slice(0, count), total: all.length };
}
