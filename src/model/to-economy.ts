import type { EconomyFile, PlanFile } from './schema.js';
import type { DirectUse, Economy, Plan, Product, Region, Resource, Target, Technique, TradeTerms } from './types.js';

type Amounts = Readonly<Record<string, number>>;

/** An id as text (a year written as a number becomes its text). */
const idOf = (v: string | number): string => String(v);
/** Normalises −0 to 0 so that values round-trip through text exactly. */
const num = (v: number): number => v + 0;
function amounts(m: Amounts | undefined): Amounts {
  const out: Record<string, number> = {};
  if (m === undefined) return out;
  for (const k of Object.keys(m)) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: num(m[k]), enumerable: true, writable: true, configurable: true });
    else out[k] = num(m[k]);
  }
  return out;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A validated plan section in the file's shape → a Plan. */
export function toPlan(p: PlanFile): Plan {
  return {
    ...opt('name', p.name),
    ...opt('period', p.period === undefined ? undefined : idOf(p.period)),
    ...opt('activity', p.activity === undefined ? undefined : amounts(p.activity)),
    ...opt('output', p.output === undefined ? undefined : amounts(p.output)),
    ...opt('imports', p.imports === undefined ? undefined : amounts(p.imports)),
    ...opt('exports', p.exports === undefined ? undefined : amounts(p.exports)),
    ...opt('fromStock', p.from_stock === undefined ? undefined : amounts(p.from_stock)),
    ...opt('toStock', p.to_stock === undefined ? undefined : amounts(p.to_stock)),
    ...opt('built', p.built === undefined ? undefined : amounts(p.built)),
  };
}

/** A validated model file (snake_case, defaults not applied) → an Economy (camelCase, defaults applied). */
export function toEconomy(f: EconomyFile, defaultName: string): Economy {
  const regions: Region[] = (f.regions ?? []).map((r) => ({ id: idOf(r.id), ...opt('name', r.name), ...opt('population', r.population === undefined ? undefined : num(r.population)) }));
  const products: Product[] = (f.products ?? []).map((p) => ({
    id: idOf(p.id),
    unit: p.unit,
    ...opt('name', p.name),
    ...opt('region', p.region === undefined ? undefined : idOf(p.region)),
    ...opt('storable', p.storable),
    ...opt('initialStock', p.initial_stock === undefined ? undefined : num(p.initial_stock)),
  }));
  const resources: Resource[] = (f.resources ?? []).map((r) => ({
    id: idOf(r.id),
    unit: r.unit,
    ...opt('name', r.name),
    ...opt('available', r.available === undefined ? undefined : typeof r.available === 'number' ? num(r.available) : amounts(r.available)),
    ...opt('region', r.region === undefined ? undefined : idOf(r.region)),
  }));
  const techniques: Technique[] = (f.techniques ?? []).map((t) => ({
    id: idOf(t.id),
    ...opt('name', t.name),
    produces: amounts(t.produces),
    consumes: amounts(t.consumes),
    uses: amounts(t.uses),
    ...opt('capacity', t.capacity === undefined ? undefined : num(t.capacity)),
    ...opt('region', t.region === undefined ? undefined : idOf(t.region)),
    ...opt('enterprise', t.enterprise),
    ...opt('build', t.build === undefined ? undefined : amounts(t.build)),
    ...opt('lag', t.lag),
    ...opt('whole', t.whole),
    ...opt('minLot', t.min_lot === undefined ? undefined : num(t.min_lot)),
    ...opt('fixedCost', t.fixed_cost === undefined ? undefined : amounts(t.fixed_cost)),
  }));
  const targets: Target[] = (f.targets ?? []).map((t) => ({
    product: t.product,
    amount: num(t.amount),
    priority: t.priority ?? 1,
    ...opt('region', t.region === undefined ? undefined : idOf(t.region)),
    ...opt('period', t.period === undefined ? undefined : idOf(t.period)),
    ...opt('category', t.category),
  }));
  const trade: TradeTerms[] = (f.trade ?? []).map((t) => ({
    product: t.product,
    ...opt('exportPrice', t.export_price === undefined ? undefined : num(t.export_price)),
    ...opt('importPrice', t.import_price === undefined ? undefined : num(t.import_price)),
    ...opt('maxExport', t.max_export === undefined ? undefined : num(t.max_export)),
    ...opt('maxImport', t.max_import === undefined ? undefined : num(t.max_import)),
  }));
  const directUse: DirectUse[] = (f.direct_use ?? []).map((u) => ({
    resource: idOf(u.resource),
    amount: num(u.amount),
    ...opt('region', u.region === undefined ? undefined : idOf(u.region)),
    ...opt('category', u.category),
  }));
  return {
    name: f.name ?? defaultName,
    ...opt('description', f.description),
    periods: f.periods === undefined ? ['1'] : f.periods.map(idOf),
    regions,
    products,
    resources,
    techniques,
    targets,
    trade,
    directUse,
    ...opt('currency', f.currency === undefined ? undefined : idOf(f.currency)),
    ...opt('plan', f.plan === undefined ? undefined : toPlan(f.plan)),
  };
}
