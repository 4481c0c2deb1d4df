import type { CompiledEconomy } from '../compile/types.js';
import type { SupplyAssignments } from './supply-assignments.js';
import { transportLinks } from './transport-links.js';

/** A region of the network. */
export interface NetworkRegion {
  readonly id: string;
  readonly name: string;
}

/** What moves from one region to another in a period: the sum of the supply assignments between them. */
export interface NetworkFlow {
  readonly period: string;
  readonly product: string;
  /** The product's unit. */
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  /** The shared capacities (resource ids, e.g. a railway line) that carry it; empty when none limits it. */
  readonly lines: readonly string[];
}

/** A shared capacity that transport techniques use (a railway line) and its load in a period. */
export interface NetworkLine {
  readonly resource: string;
  readonly name: string;
  readonly unit: string;
  readonly period: string;
  /** Used by the flows of the period. */
  readonly used: number;
  /** Availability less the planned use by techniques that are not transport (null: unlimited). */
  readonly capacity: number | null;
  /** used ÷ capacity; null when the capacity is unlimited or 0. */
  readonly load: number | null;
  /** The region pairs the line links (from the model's transport techniques), each once. */
  readonly links: readonly { readonly from: string; readonly to: string; readonly products: readonly string[] }[];
}

export interface SupplyNetwork {
  readonly status: SupplyAssignments['status'];
  readonly message?: string;
  readonly periods: readonly string[];
  readonly regions: readonly NetworkRegion[];
  readonly flows: readonly NetworkFlow[];
  readonly lines: readonly NetworkLine[];
  /** Use no link could carry, per product, period and region. */
  readonly unserved: SupplyAssignments['unserved'];
}

/**
 * Supply assignments seen as a network of regions: the flows between two different regions (the
 * sum of the assignments from the one to the other, per product and period), each with the
 * capacities its transport techniques use, and each such capacity (a railway line) with its load
 * in every period against what it has left after the techniques that are not transport.
 * Within-region assignments are not flows of the network.
 */
export function supplyNetwork(c: CompiledEconomy, s: SupplyAssignments): SupplyNetwork {
  const m = c.model;
  const links = transportLinks(c);
  const regionId = (a: number): string => (a >= 0 ? c.regions.ids[a] : '');
  const productId = (p: number): string => m.products[p].id;
  const unitOf = new Map(m.products.map((p) => [p.id, p.unit]));
  // Lines per (product, from, to), and links per line.
  const linesOf = new Map<string, Set<string>>();
  const linksOf = new Map<string, Map<string, { from: string; to: string; products: Set<string> }>>();
  for (const l of links) {
    const key = `${productId(l.product)}\u0000${regionId(l.from)}\u0000${regionId(l.to)}`;
    let set = linesOf.get(key);
    if (set === undefined) linesOf.set(key, (set = new Set()));
    for (const [r] of l.uses) {
      const res = c.resources.ids[r];
      set.add(res);
      let byPair = linksOf.get(res);
      if (byPair === undefined) linksOf.set(res, (byPair = new Map()));
      const pair = `${regionId(l.from)}\u0000${regionId(l.to)}`;
      let e = byPair.get(pair);
      if (e === undefined) byPair.set(pair, (e = { from: regionId(l.from), to: regionId(l.to), products: new Set() }));
      e.products.add(productId(l.product));
    }
  }
  const sums = new Map<string, { period: string; product: string; from: string; to: string; amount: number }>();
  for (const a of s.assignments) {
    if (a.fromRegion === null || a.toRegion === null || a.fromRegion === a.toRegion || !(a.amount > 0)) continue;
    const key = `${a.period}\u0000${a.product}\u0000${a.fromRegion}\u0000${a.toRegion}`;
    const f = sums.get(key);
    if (f === undefined) sums.set(key, { period: a.period, product: a.product, from: a.fromRegion, to: a.toRegion, amount: a.amount });
    else f.amount += a.amount;
  }
  const periodIndex = (p: string): number => c.periods.index.get(p) ?? -1;
  const flows: NetworkFlow[] = [...sums.values()]
    .sort((x, y) => periodIndex(x.period) - periodIndex(y.period) || y.amount - x.amount || x.product.localeCompare(y.product))
    .map((f) => ({ ...f, unit: unitOf.get(f.product) ?? '', lines: [...(linesOf.get(`${f.product}\u0000${f.from}\u0000${f.to}`) ?? [])].sort() }));
  const resourceOf = new Map(m.resources.map((r) => [r.id, r]));
  const lines: NetworkLine[] = s.capacities
    .map((k) => {
      const r = resourceOf.get(k.resource);
      const capacity = Number.isFinite(k.capacity) ? k.capacity : null;
      return {
        resource: k.resource,
        name: r?.name ?? k.resource,
        unit: r?.unit ?? '',
        period: k.period,
        used: k.used,
        capacity,
        load: capacity !== null && capacity > 0 ? k.used / capacity : null,
        links: [...(linksOf.get(k.resource)?.values() ?? [])].map((e) => ({ from: e.from, to: e.to, products: [...e.products].sort() })),
      };
    })
    .sort((x, y) => periodIndex(x.period) - periodIndex(y.period) || x.resource.localeCompare(y.resource));
  return {
    status: s.status,
    ...(s.message === undefined ? {} : { message: s.message }),
    periods: c.periods.ids,
    regions: m.regions.map((r) => ({ id: r.id, name: r.name ?? r.id })),
    flows,
    lines,
    unserved: s.unserved,
  };
}
