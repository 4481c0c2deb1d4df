import type { CompiledEconomy, IdIndex } from '../../src/compile/types.js';
import type { Economy, Resource, Target, Technique } from '../../src/model/types.js';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';

/** A small economy written in code: products as id → unit, everything else as in the model. */
export interface HandSpec {
  readonly products: Readonly<Record<string, string>>;
  readonly resources?: readonly Resource[];
  readonly techniques: readonly Technique[];
  readonly targets?: readonly Target[];
  readonly periods?: readonly string[];
}

function idIndex(ids: readonly string[]): IdIndex {
  return { ids, index: new Map(ids.map((id, k) => [id, k])) };
}

export function handModel(spec: HandSpec): Economy {
  return {
    name: 'hand-built',
    periods: spec.periods ?? ['1'],
    regions: [],
    products: Object.entries(spec.products).map(([id, unit]) => ({ id, unit })),
    resources: spec.resources ?? [],
    techniques: spec.techniques,
    targets: spec.targets ?? [],
    trade: [],
    directUse: [],
  };
}

/**
 * Compiles a model without regions by hand (items = products), the way the compiled-economy type
 * describes it: the balance tests do not depend on the model compiler.
 */
export function compileByHand(e: Economy): CompiledEconomy {
  const items = idIndex(e.products.map((p) => p.id));
  const resources = idIndex(e.resources.map((r) => r.id));
  const techniques = idIndex(e.techniques.map((t) => t.id));
  const periods = idIndex(e.periods);
  const triplets = (pick: (t: Technique) => Readonly<Record<string, number>>, rows: IdIndex) => {
    const r: number[] = [];
    const c: number[] = [];
    const v: number[] = [];
    e.techniques.forEach((t, j) => {
      for (const [id, x] of Object.entries(pick(t))) {
        const i = rows.index.get(id);
        if (i === undefined) throw new Error(`unknown id ${id} in technique ${t.id}`);
        r.push(i);
        c.push(j);
        v.push(x);
      }
    });
    return csrFromTriplets(rows.ids.length, e.techniques.length, r, c, v);
  };
  const np = e.periods.length;
  const available = new Float64Array(e.resources.length * np).fill(Infinity);
  e.resources.forEach((r, k) => {
    e.periods.forEach((p, q) => {
      const a = r.available;
      const v = a === undefined ? Infinity : typeof a === 'number' ? a : (a[p] ?? Infinity);
      available[k * np + q] = v;
    });
  });
  const tg = e.targets;
  const lookup = (index: IdIndex, id: string): number => {
    const k = index.index.get(id);
    if (k === undefined) throw new Error(`unknown id ${id}`);
    return k;
  };
  return {
    model: e,
    items,
    itemProduct: Int32Array.from(e.products.map((_, k) => k)),
    itemRegion: new Int32Array(e.products.length).fill(-1),
    products: items,
    resources,
    techniques,
    periods,
    regions: idIndex([]),
    categories: idIndex([]),
    outputs: triplets((t) => t.produces, items),
    inputs: triplets((t) => t.consumes, items),
    resourceUse: triplets((t) => t.uses, resources),
    capacity: Float64Array.from(e.techniques.map((t) => t.capacity ?? Infinity)),
    techniqueRegion: new Int32Array(e.techniques.length).fill(-1),
    available,
    targets: {
      item: Int32Array.from(tg.map((t) => lookup(items, t.product))),
      amount: Float64Array.from(tg.map((t) => t.amount)),
      priority: Int32Array.from(tg.map((t) => t.priority)),
      region: new Int32Array(tg.length).fill(-1),
      period: Int32Array.from(tg.map((t) => (t.period === undefined ? -1 : lookup(periods, t.period)))),
      category: new Int32Array(tg.length).fill(-1),
    },
    directUse: {
      resource: new Int32Array(0),
      amount: new Float64Array(0),
      region: new Int32Array(0),
      category: new Int32Array(0),
    },
  };
}

export function handEconomy(spec: HandSpec): CompiledEconomy {
  return compileByHand(handModel(spec));
}

/** Activity per technique from an id → level record (missing techniques idle). */
export function activityOf(c: CompiledEconomy, levels: Readonly<Record<string, number>>): Float64Array {
  const a = new Float64Array(c.techniques.ids.length);
  for (const [id, x] of Object.entries(levels)) {
    const j = c.techniques.index.get(id);
    if (j === undefined) throw new Error(`unknown technique ${id}`);
    a[j] = x;
  }
  return a;
}
