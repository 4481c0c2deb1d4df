import type { EconomyView } from './api-types.js';

/** The units of a model's numbers, by the id that a plan or a report names. */
export interface Units {
  /** An item's unit: `grain@ukraine` or `grain` → the unit of product `grain`; '' when unknown. */
  item(id: string): string;
  /** A resource's unit; '' when unknown. */
  resource(id: string): string;
  /** The unit of whatever the id names: an item, a resource, or a technique's `activity`. */
  of(id: string): string;
}

/**
 * The units of a model: every amount of an item is in its product's unit, every amount of a
 * resource in the resource's; a technique's activity is in units of activity. Valuations and
 * shadow prices are per unit of these (formatPerUnit).
 */
export function unitsOf(economy: EconomyView): Units {
  const products = new Map(economy.products.map((p) => [p.id, p.unit]));
  const resources = new Map(economy.resources.map((r) => [r.id, r.unit]));
  const techniques = new Set(economy.techniques.map((t) => t.id));
  const item = (id: string): string => {
    const at = id.indexOf('@');
    return products.get(at < 0 ? id : id.slice(0, at)) ?? '';
  };
  const resource = (id: string): string => resources.get(id) ?? '';
  return {
    item,
    resource,
    of: (id) => (resources.has(id) ? resource(id) : techniques.has(id) ? 'activity' : item(id)),
  };
}
