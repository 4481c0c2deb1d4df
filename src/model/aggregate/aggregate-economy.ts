import { inputError } from '../errors.js';
import type { DirectUse, Economy, Plan, Product, Resource, Target, Technique } from '../types.js';
import { aggregateGrid, type AggregateGrid, type AggregateMaps, type Shares } from './aggregate-grid.js';
import { ioModelOf, type IoModel } from './io-model.js';

export interface AggregateOptions extends AggregateMaps {
  /** Name of the aggregate; default the model's. */
  readonly name?: string;
  /** The model's file: where errors about the model are placed. */
  readonly source?: string;
}

/**
 * Aggregates an input–output model over a region map and a sector map (either may be absent:
 * its codes stay as they are), as pymrio's `aggregate` does to a table, on the in-memory model
 * (whatever file it came from):
 *
 * - flows are summed and coefficients recomputed from them: with P the map of old products onto
 *   new ones (weights where a code is split), Z' = P Z Pᵀ, x' = P x, F' = F Pᵀ, so that
 *   a'_IJ = Σ_j (P_Jj x_j / x'_J) Σ_i P_Ii a_ij and likewise the use of each resource;
 *   a new product without output takes the coefficients of the one product it comes from, or none
 *   when it merges several;
 * - targets (final demand) are summed by new product, new region of demand, category, priority
 *   and period; direct use by resource, new region and category; the plan's output, imports,
 *   exports and stock moves by new product (plan.activity is replaced by the output);
 * - resources (satellite accounts) are kept as they are (a regional resource goes with its
 *   region); regions take the population of what goes into them;
 * - units: the products merged into one must share a unit.
 *
 * Because every old code goes wholly somewhere (the weights of a split sum to 1), totals are kept:
 * Σ x, Σ Z, Σ final demand, every resource's total use and the population. Models aggregation
 * would not mean anything for are refused (ioModelOf); so are maps that miss or repeat a code or
 * name one the model has not (concordanceCoverage), with every place at once.
 */
export function aggregateEconomy(economy: Economy, options: AggregateOptions): Economy {
  const source = options.source ?? economy.name;
  const io = ioModelOf(economy, source);
  const grid = aggregateGrid(io, options, source);
  const m = grid.products.length;
  const x = new Float64Array(m);
  io.x.forEach((v, p) => {
    for (const s of grid.productShares[p]) x[s.to] += s.weight * v;
  });

  const products = newProducts(io, grid, source, x);
  const techniques = newTechniques(io, grid, x);
  const regionOf = (id: string | undefined): Shares | undefined => (id === undefined ? undefined : grid.regionShares.get(id));
  const targets = newTargets(io, grid, regionOf);
  const directUse = newDirectUse(economy.directUse, grid, regionOf);
  const resources = economy.resources.map((r, k) => newResource(r, k, grid, source));

  const zero = products.filter((_, k) => x[k] === 0 && grid.contributors[k] > 1).map((p) => p.id);
  const counts = (list: readonly string[]): number => new Set(list).size;
  let description = `Aggregated from ${JSON.stringify(economy.name)}: ${economy.regions.length} region(s) → ${grid.regions.length}, ${counts(io.sector)} sector(s) → ${counts(grid.products.map((p) => p.sector))}; ${economy.products.length} products → ${m}.`;
  if (zero.length > 0) description += ` Products without output (merged, no inputs): ${zero.join(', ')}.`;
  return {
    name: options.name ?? economy.name,
    description,
    periods: economy.periods,
    regions: grid.regions,
    products,
    resources,
    techniques,
    targets,
    trade: [],
    directUse,
    ...(economy.currency === undefined ? {} : { currency: economy.currency }),
    plan: newPlan(io, grid, x),
  };
}

/** Products of the aggregate: the unit their parts share, the name of a product that alone goes wholly into one. */
function newProducts(io: IoModel, grid: AggregateGrid, source: string, x: Float64Array): Product[] {
  const old = io.economy.products;
  const unit: (string | undefined)[] = grid.products.map(() => undefined);
  const only: (Product | undefined)[] = grid.products.map(() => undefined);
  const stock = new Float64Array(grid.products.length);
  const storable: (boolean | undefined)[] = grid.products.map(() => undefined);
  old.forEach((p, i) => {
    for (const s of grid.productShares[i]) {
      const u = unit[s.to];
      if (u !== undefined && u !== p.unit) {
        throw inputError('cannot-aggregate', `products in ${JSON.stringify(u)} and in ${JSON.stringify(p.unit)} would be merged into ${JSON.stringify(grid.products[s.to].id)}`, { file: source, path: ['products', i, 'unit'] }, p.unit);
      }
      if (storable[s.to] !== undefined && storable[s.to] !== (p.storable ?? true)) {
        throw inputError('cannot-aggregate', `storable and non-storable products would be merged into ${JSON.stringify(grid.products[s.to].id)}`, { file: source, path: ['products', i, 'storable'] }, p.storable);
      }
      unit[s.to] = p.unit;
      storable[s.to] = p.storable ?? true;
      stock[s.to] += s.weight * (p.initialStock ?? 0);
      if (grid.contributors[s.to] === 1 && s.weight === 1) only[s.to] = p;
    }
  });
  return grid.products.map((np, k) => {
    const keep = only[k];
    const name = keep?.name ?? (x[k] === 0 && grid.contributors[k] > 1 ? `${np.id} (no output)` : undefined);
    return {
      id: np.id,
      unit: unit[k] ?? '',
      ...(name === undefined ? {} : { name }),
      ...(np.region === '' ? {} : { region: np.region }),
      ...(storable[k] === false ? { storable: false } : {}),
      ...(stock[k] === 0 ? {} : { initialStock: stock[k] }),
    };
  });
}

/**
 * One technique per new product, making one unit of it, with the product's id (a technique that
 * alone goes wholly into the new product keeps its id and name): coefficients are the old ones weighed by
 * output (a'_IJ = Σ_j (w_jJ x_j / x'_J) Σ_i w_iI a_ij), resources alike; without output, the
 * coefficients of its one part (none when it merges several).
 */
function newTechniques(io: IoModel, grid: AggregateGrid, x: Float64Array): Technique[] {
  const m = grid.products.length;
  const consumes: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const uses: Map<string, number>[] = Array.from({ length: m }, () => new Map());
  const names: (string | undefined)[] = new Array<string | undefined>(m).fill(undefined);
  const ids = grid.products.map((p) => p.id);
  io.economy.products.forEach((_, j) => {
    const t = io.economy.techniques[io.technique[j]];
    const per = 1 / io.made[j];
    for (const s of grid.productShares[j]) {
      const J = s.to;
      const share = x[J] > 0 ? (s.weight * io.x[j]) / x[J] : grid.contributors[J] === 1 ? 1 : 0;
      if (grid.contributors[J] === 1 && s.weight === 1) {
        if (t.name !== undefined) names[J] = t.name;
        ids[J] = t.id;
      }
      if (share === 0) continue;
      const f = per === 1 ? share : share * per;
      for (const [ref, a] of Object.entries(t.consumes)) {
        const i = io.productOf(ref, ['techniques', io.technique[j], 'consumes', ref]);
        for (const r of grid.productShares[i]) consumes[J].set(r.to, (consumes[J].get(r.to) ?? 0) + f * r.weight * a);
      }
      for (const [res, u] of Object.entries(t.uses)) uses[J].set(res, (uses[J].get(res) ?? 0) + f * u);
    }
  });
  // A technique that alone goes wholly into a product keeps its id, unless ids would then collide.
  const keepIds = new Set(ids).size === ids.length;
  return grid.products.map((p, J) => {
    const c: Record<string, number> = {};
    for (const [I, v] of consumes[J]) if (v !== 0) c[grid.products[I].id] = v;
    const u: Record<string, number> = {};
    for (const [res, v] of uses[J]) if (v !== 0) u[res] = v;
    const name = names[J];
    return { id: keepIds ? ids[J] : p.id, ...(name === undefined ? {} : { name }), produces: { [p.id]: 1 }, consumes: c, uses: u, ...(p.region === '' ? {} : { region: p.region }) };
  });
}

/** Amounts summed by key, in the order the keys first come. */
class Sums<T> {
  private readonly at = new Map<string, number>();
  readonly items: { key: T; amount: number }[] = [];
  add(id: string, key: T, amount: number): void {
    const k = this.at.get(id);
    if (k === undefined) {
      this.at.set(id, this.items.length);
      this.items.push({ key, amount });
    } else this.items[k].amount += amount;
  }
}

/** Weights 1 to nowhere: the shares of an absent region. */
const NOWHERE: Shares = [{ to: -1, weight: 1 }];

function newTargets(io: IoModel, grid: AggregateGrid, regionOf: (id: string | undefined) => Shares | undefined): Target[] {
  const sums = new Sums<Omit<Target, 'amount'>>();
  io.economy.targets.forEach((t, k) => {
    const p = io.productOf(t.product, ['targets', k, 'product']);
    for (const s of grid.productShares[p]) {
      for (const r of regionOf(t.region) ?? NOWHERE) {
        const region = r.to < 0 ? undefined : grid.regions[r.to].id;
        const key = {
          product: grid.products[s.to].id,
          priority: t.priority,
          ...(region === undefined ? {} : { region }),
          ...(t.period === undefined ? {} : { period: t.period }),
          ...(t.category === undefined ? {} : { category: t.category }),
        };
        sums.add(JSON.stringify([key.product, region ?? null, t.category ?? null, t.priority, t.period ?? null]), key, s.weight * r.weight * t.amount);
      }
    }
  });
  return sums.items.map(({ key, amount }) => ({ ...key, amount }));
}

function newDirectUse(list: readonly DirectUse[], grid: AggregateGrid, regionOf: (id: string | undefined) => Shares | undefined): DirectUse[] {
  const sums = new Sums<Omit<DirectUse, 'amount'>>();
  for (const d of list) {
    for (const r of regionOf(d.region) ?? NOWHERE) {
      const region = r.to < 0 ? undefined : grid.regions[r.to].id;
      const key = { resource: d.resource, ...(region === undefined ? {} : { region }), ...(d.category === undefined ? {} : { category: d.category }) };
      sums.add(JSON.stringify([d.resource, region ?? null, d.category ?? null]), key, r.weight * d.amount);
    }
  }
  return sums.items.map(({ key, amount }) => ({ ...key, amount }));
}

function newResource(r: Resource, k: number, grid: AggregateGrid, source: string): Resource {
  if (r.region === undefined) return r;
  const shares = grid.regionShares.get(r.region) ?? [];
  if (shares.length !== 1) {
    throw inputError('cannot-aggregate', `resource ${JSON.stringify(r.id)} belongs to region ${r.region}, which the region map splits; a resource cannot be split`, { file: source, path: ['resources', k, 'region'] }, r.region);
  }
  return { ...r, region: grid.regions[shares[0].to].id };
}

/** The plan: output x' by new product, and its other product amounts summed the same way. */
function newPlan(io: IoModel, grid: AggregateGrid, x: Float64Array): Plan {
  const old = io.economy.plan;
  const output: Record<string, number> = {};
  grid.products.forEach((p, k) => (output[p.id] = x[k]));
  const byProduct = (amounts: Readonly<Record<string, number>> | undefined, field: string): Record<string, number> | undefined => {
    if (amounts === undefined) return undefined;
    const out: Record<string, number> = {};
    for (const [ref, v] of Object.entries(amounts)) {
      const p = io.productOf(ref, ['plan', field, ref]);
      if (p < 0) {
        out[ref] = (out[ref] ?? 0) + v;
        continue;
      }
      for (const s of grid.productShares[p]) {
        const id = grid.products[s.to].id;
        out[id] = (out[id] ?? 0) + s.weight * v;
      }
    }
    return out;
  };
  const imports = byProduct(old?.imports, 'imports');
  const exports = byProduct(old?.exports, 'exports');
  const fromStock = byProduct(old?.fromStock, 'fromStock');
  const toStock = byProduct(old?.toStock, 'toStock');
  return {
    ...(old?.name === undefined ? {} : { name: old.name }),
    ...(old?.period === undefined ? {} : { period: old.period }),
    output,
    ...(imports === undefined ? {} : { imports }),
    ...(exports === undefined ? {} : { exports }),
    ...(fromStock === undefined ? {} : { fromStock }),
    ...(toStock === undefined ? {} : { toStock }),
  };
}
