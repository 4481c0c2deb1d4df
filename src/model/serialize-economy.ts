import { stringify } from 'yaml';
import type { Economy, Plan } from './types.js';

type Entry = Record<string, unknown>;

/** Drops keys whose value is undefined (and, where given, empty mappings). */
function clean(o: Entry, dropEmpty: readonly string[] = []): Entry {
  const out: Entry = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (dropEmpty.includes(k) && typeof v === 'object' && v !== null && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

function planFile(p: Plan): Entry {
  return clean({ name: p.name, period: p.period, activity: p.activity, output: p.output, imports: p.imports, exports: p.exports, from_stock: p.fromStock, to_stock: p.toStock, built: p.built });
}

/** An economy in the file's shape (snake_case keys, defaults left out where they are implied). */
export function economyToFile(e: Economy): Entry {
  return clean(
    {
      name: e.name,
      description: e.description,
      periods: e.periods,
      regions: e.regions.map((r) => clean({ id: r.id, name: r.name, population: r.population })),
      products: e.products.map((p) => clean({ id: p.id, unit: p.unit, name: p.name, region: p.region, storable: p.storable, initial_stock: p.initialStock })),
      resources: e.resources.map((r) => clean({ id: r.id, unit: r.unit, name: r.name, available: r.available, region: r.region })),
      techniques: e.techniques.map((t) =>
        clean(
          { id: t.id, name: t.name, produces: t.produces, consumes: t.consumes, uses: t.uses, capacity: t.capacity, region: t.region, enterprise: t.enterprise, build: t.build, lag: t.lag, whole: t.whole, min_lot: t.minLot, fixed_cost: t.fixedCost },
          ['consumes', 'uses', 'build', 'fixed_cost'],
        ),
      ),
      targets: e.targets.map((t) =>
        clean({ product: t.product, amount: t.amount, priority: t.priority === 1 ? undefined : t.priority, region: t.region, period: t.period, category: t.category }),
      ),
      trade: e.trade.map((t) =>
        clean({ product: t.product, export_price: t.exportPrice, import_price: t.importPrice, max_export: t.maxExport, max_import: t.maxImport }),
      ),
      direct_use: e.directUse.map((u) => clean({ resource: u.resource, amount: u.amount, region: u.region, category: u.category })),
      currency: e.currency,
      plan: e.plan === undefined ? undefined : planFile(e.plan),
    },
    ['regions', 'resources', 'techniques', 'targets', 'trade', 'direct_use'],
  );
}

/**
 * Writes an economy as a model file. `parseEconomy(serializeEconomy(e, f), …)` gives back `e`
 * exactly, numbers included (shortest round-trip decimal form).
 */
export function serializeEconomy(e: Economy, format: 'yaml' | 'json'): string {
  const file = economyToFile(e);
  return format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : stringify(file, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Writes a plan as a plan file. */
export function serializePlan(p: Plan, format: 'yaml' | 'json'): string {
  const file = planFile(p);
  return format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : stringify(file, { lineWidth: 0, aliasDuplicateObjects: false });
}
