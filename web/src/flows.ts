import type { EconomyView, PlanResultView } from './api-types.js';
import type { Flow } from './charts/sankey-chart.js';
import { itemLabel } from './format.js';

/** The item a technique's key names: `grain@ukraine` as is; a bare `grain` in the technique's region. */
function itemOf(key: string, region: string | undefined, known: ReadonlySet<string>): string {
  if (key.includes('@') || region === undefined) return key;
  const local = `${key}@${region}`;
  return known.has(local) || !known.has(key) ? local : key;
}

/**
 * The largest flows of products into the sectors that use them in one period of a plan: activity ×
 * input coefficient, valued at the plan's valuations of the period so that different goods add up
 * (normalised so that the largest flow is 100). Flows of goods valued at 0 (in surplus) are left out.
 */
export function largestFlows(economy: EconomyView, plan: PlanResultView, period: string, count: number): Flow[] {
  const activity = plan.activity[period] ?? {};
  const valuation = plan.valuations[period] ?? {};
  const known = new Set<string>(Object.keys(valuation));
  for (const t of economy.techniques) for (const k of Object.keys(t.produces)) if (k.includes('@')) known.add(k);
  const unitOf = new Map(economy.products.map((p) => [p.id, p.unit]));
  const sum = new Map<string, Flow>();
  for (const t of economy.techniques) {
    const a = activity[t.id] ?? 0;
    if (!(a > 0)) continue;
    const outKey = Object.keys(t.produces)[0];
    if (outKey === undefined) continue;
    const out = itemOf(outKey, t.region, known);
    for (const [k, coef] of Object.entries(t.consumes)) {
      const item = itemOf(k, t.region, known);
      const amount = a * coef;
      const value = amount * (valuation[item] ?? 0);
      if (!(value > 0) || item === out) continue;
      const key = `${item}→${out}`;
      const prev = sum.get(key);
      const product = item.split('@')[0] ?? item;
      sum.set(key, {
        source: item,
        target: out,
        sourceLabel: itemLabel(item),
        targetLabel: itemLabel(out),
        value: (prev?.value ?? 0) + value,
        amount: (prev?.amount ?? 0) + amount,
        unit: unitOf.get(product) ?? '',
      });
    }
  }
  const flows = [...sum.values()].sort((x, y) => y.value - x.value).slice(0, count);
  const top = flows[0]?.value ?? 1;
  return flows.map((f) => ({ ...f, value: (f.value / top) * 100 }));
}
