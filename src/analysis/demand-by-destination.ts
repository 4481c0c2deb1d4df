import type { CompiledEconomy } from '../compile/index.js';

/** Final demand by destination: one column per region of final demand (or one, 'all'). */
export interface DemandByDestination {
  /** The model's regions, then 'unassigned' (targets without a region), or 'all' in a model without regions. */
  readonly destinations: readonly string[];
  /** Per destination, the final demand per item. */
  readonly columns: readonly Float64Array[];
}

/**
 * The period's targets as final demand by the region that demands them (pymrio's Y by region): in
 * a model with regions one column per region plus 'unassigned' for targets without one (kept even
 * when empty, so that two models of one classification have the same columns); else one column
 * 'all'. Direct uses of resources by final demand are not in it.
 */
export function demandByDestination(c: CompiledEconomy, period: number): DemandByDestination {
  const destinations = c.regions.ids.length === 0 ? ['all'] : [...c.regions.ids, 'unassigned'];
  const columns = destinations.map(() => new Float64Array(c.items.ids.length));
  const t = c.targets;
  for (let k = 0; k < t.item.length; k++) {
    if (t.item[k] < 0 || (t.period[k] >= 0 && t.period[k] !== period)) continue;
    const g = destinations.length === 1 ? 0 : t.region[k] >= 0 ? t.region[k] : destinations.length - 1;
    columns[g][t.item[k]] += t.amount[k];
  }
  return { destinations, columns };
}
