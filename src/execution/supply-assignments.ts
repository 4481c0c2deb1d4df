import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { periodOption } from './period-option.js';
import { highsSolver } from '../lp/highs/highs-solver.js';
import type { LpSolver, LpStatus } from '../lp/lp-types.js';
import { csrFromTriplets } from '../sparse/from-triplets.js';
import { enterpriseOfTechniques } from './enterprises.js';
import { transportLinks } from './transport-links.js';
import type { ExecutionPlan } from './types.js';

/** One supplier–customer pair: `amount` of `product` goes from one enterprise to another in a period. */
export interface SupplyAssignment {
  readonly product: string;
  readonly period: string;
  /** Enterprise id, or `import:<region>` / `stock:<region>` for imports and stock drawn. */
  readonly from: string;
  /** Enterprise id, or `final:<region>` (deliveries to targets), `export:<region>`, `stock:<region>` (stock added). */
  readonly to: string;
  readonly fromRegion: string | null;
  /** The region the user takes the item in (the item's region, which may differ from the user's own). */
  readonly toRegion: string | null;
  readonly amount: number;
}

export interface Unserved {
  readonly product: string;
  readonly period: string;
  readonly region: string | null;
  readonly amount: number;
}

/** Use of a capacity that links share (a railway line), per period. */
export interface LinkCapacityUse {
  readonly resource: string;
  readonly period: string;
  readonly used: number;
  /** Availability less the planned use by techniques that are not links. */
  readonly capacity: number;
}

export interface SupplyAssignments {
  /** optimal: every user served; capacity-short: links cannot carry it all (see unserved); else the LP's status. */
  readonly status: 'optimal' | 'capacity-short' | LpStatus;
  readonly assignments: readonly SupplyAssignment[];
  readonly unserved: readonly Unserved[];
  readonly capacities: readonly LinkCapacityUse[];
  /** Σ cost × flow over every period solved. */
  readonly transportCost: number;
  readonly message?: string;
}

export interface SupplyAssignmentsOptions {
  /** Default: HiGHS. */
  readonly solver?: LpSolver;
  /** Cost per unit between two regions for a product that no transport technique moves (default 1; 0 within a region). */
  readonly uniformCost?: number;
  /** Only this period (an id). */
  readonly period?: string;
}

interface Party {
  readonly name: string;
  amount: number;
}

/**
 * Who supplies whom, per product and period, from a plan.
 *
 * Supply of product p in region a: planned output of p@a by every technique that does not move p
 * between regions, plus imports and stock drawn. Use in region b: planned input of p@b by every
 * technique (a transport technique's input of the product it moves excepted), deliveries to
 * targets (`final:b`), exports and stock added (stocks only when the plan gives them). Regions are linked by the model's transport
 * techniques (transportLinks: cost per unit from their other inputs, capacity from their resource
 * use, shared by all links that use a resource, less what other techniques plan to use of it); a
 * product that no transport technique moves may go between any two regions at `uniformCost`
 * without a limit. Within a region a product moves free.
 *
 * Per period, one LP over all products (they share line capacity) minimises Σ cost × flow, with a
 * penalty on unserved use large enough that serving comes first; solved with HiGHS. Each regional
 * flow a → b is then split among a's suppliers in proportion to their supply and among b's users
 * in proportion to their use, so renaming or reordering enterprises renames or reorders the answer.
 * When the links cannot carry everything the status is `capacity-short` and `unserved` says where.
 */
export async function supplyAssignments(c: CompiledEconomy, plan: ExecutionPlan, options: SupplyAssignmentsOptions = {}): Promise<SupplyAssignments> {
  const solver = options.solver ?? highsSolver;
  const uniform = options.uniformCost ?? 1;
  if (!(Number.isFinite(uniform) && uniform >= 0)) throw inputError('invalid-option', 'uniformCost must be a finite number ≥ 0', { path: ['uniformCost'] }, uniform);
  const nPer = Math.max(1, c.periods.ids.length);
  const only = options.period === undefined ? -1 : periodOption(c, options.period, 'period');
  const links = transportLinks(c);
  const status: SupplyAssignments['status'][] = [];
  const assignments: SupplyAssignment[] = [];
  const unserved: Unserved[] = [];
  const capacities: LinkCapacityUse[] = [];
  let transportCost = 0;
  let message: string | undefined;
  for (let t = 0; t < nPer; t++) {
    if (only >= 0 && t !== only) continue;
    const r = await assignPeriod(c, plan, t, links, uniform, solver);
    status.push(r.status);
    if (r.message !== undefined) message ??= r.message;
    // Appended one by one: a spread of a large economy's assignments would overflow the stack.
    for (const a of r.assignments) assignments.push(a);
    for (const u of r.unserved) unserved.push(u);
    for (const k of r.capacities) capacities.push(k);
    transportCost += r.transportCost;
  }
  const bad = status.find((s) => s !== 'optimal' && s !== 'capacity-short');
  const overall = bad ?? (status.includes('capacity-short') ? 'capacity-short' : 'optimal');
  return { status: overall, assignments, unserved, capacities, transportCost, ...(message === undefined ? {} : { message }) };
}

async function assignPeriod(c: CompiledEconomy, plan: ExecutionPlan, t: number, links: ReturnType<typeof transportLinks>, uniform: number, solver: LpSolver): Promise<SupplyAssignments> {
  const n = c.items.ids.length;
  const nT = c.techniques.ids.length;
  const nR = c.resources.ids.length;
  const nPer = Math.max(1, c.periods.ids.length);
  const nReg = c.regions.ids.length;
  const owner = enterpriseOfTechniques(c);
  const moves = new Int32Array(nT).fill(-1);
  for (const l of links) moves[l.technique] = l.product;
  const linked = new Set(links.map((l) => l.product));
  const regionId = (a: number): string | null => (a >= 0 ? c.regions.ids[a] : null);
  const label = (kind: string, a: number) => (a >= 0 ? `${kind}:${c.regions.ids[a]}` : kind);
  const node = (i: number): number => c.itemProduct[i] * (nReg + 1) + c.itemRegion[i] + 1;

  // Suppliers and users per node (product × region), by name in order of first appearance.
  const suppliers = new Map<number, Map<string, Party>>();
  const users = new Map<number, Map<string, Party>>();
  const add = (into: Map<number, Map<string, Party>>, key: number, name: string, v: number): void => {
    if (!(v > 0)) return;
    let m = into.get(key);
    if (m === undefined) into.set(key, (m = new Map()));
    const p = m.get(name);
    if (p === undefined) m.set(name, { name, amount: v });
    else p.amount += v;
  };
  for (const [m, into] of [[c.outputs, suppliers], [c.inputs, users]] as const) {
    const { rowPtr, colIdx, values } = m;
    for (let i = 0; i < n; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const j = colIdx[p];
        if (moves[j] === c.itemProduct[i]) continue;
        add(into, node(i), owner[j], values[p] * plan.activity[t * nT + j]);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const a = c.itemRegion[i];
    if (plan.imports !== undefined) add(suppliers, node(i), label('import', a), plan.imports[t * n + i]);
    if (plan.exports !== undefined) add(users, node(i), label('export', a), plan.exports[t * n + i]);
    if (plan.stock !== undefined) {
      const product = c.model.products[c.itemProduct[i]];
      const before = t === 0 ? (product.storable === false ? 0 : (product.initialStock ?? 0)) : plan.stock[(t - 1) * n + i];
      const after = t === nPer - 1 ? 0 : plan.stock[t * n + i];
      add(suppliers, node(i), label('stock', a), before - after);
      add(users, node(i), label('stock', a), after - before);
    }
  }
  for (const d of plan.deliveries ?? []) {
    if (d.period !== t) continue;
    const i = c.targets.item[d.target];
    if (i >= 0) add(users, node(i), label('final', c.itemRegion[i]), d.amount);
  }
  const total = (m: Map<string, Party> | undefined): number => {
    let s = 0;
    for (const p of m?.values() ?? []) s += p.amount;
    return s;
  };

  // Arcs.
  interface Arc {
    readonly product: number;
    readonly from: number;
    readonly to: number;
    readonly cost: number;
    readonly uses: readonly (readonly [number, number])[];
  }
  const arcs: Arc[] = [];
  const sinks: number[] = [];
  const products = new Set<number>();
  for (const key of users.keys()) products.add(Math.floor(key / (nReg + 1)));
  const sortedProducts = [...products].sort((a, b) => a - b);
  for (const p of sortedProducts) {
    const src: number[] = [];
    const dst: number[] = [];
    for (let a = -1; a < nReg; a++) {
      const key = p * (nReg + 1) + a + 1;
      if (total(suppliers.get(key)) > 0) src.push(a);
      if (total(users.get(key)) > 0) dst.push(a);
    }
    for (const b of dst) sinks.push(p * (nReg + 1) + b + 1);
    for (const a of src) if (dst.includes(a)) arcs.push({ product: p, from: a, to: a, cost: 0, uses: [] });
    if (linked.has(p)) {
      for (const l of links) if (l.product === p && src.includes(l.from) && dst.includes(l.to)) arcs.push({ product: p, from: l.from, to: l.to, cost: l.cost, uses: l.uses });
    } else {
      for (const a of src) for (const b of dst) if (a !== b) arcs.push({ product: p, from: a, to: b, cost: uniform, uses: [] });
    }
  }

  // Capacity of shared resources: availability less the planned use by other techniques.
  const capacity = new Float64Array(nR).fill(Infinity);
  const usedByLinks = new Uint8Array(nR);
  for (const a of arcs) for (const [r] of a.uses) usedByLinks[r] = 1;
  const { rowPtr: uPtr, colIdx: uIdx, values: uVal } = c.resourceUse;
  for (let r = 0; r < nR; r++) {
    if (usedByLinks[r] === 0) continue;
    const avail = plan.available !== undefined ? plan.available[t * nR + r] : c.available[r * nPer + t];
    if (!Number.isFinite(avail)) continue;
    let other = 0;
    for (let p = uPtr[r]; p < uPtr[r + 1]; p++) if (moves[uIdx[p]] < 0) other += uVal[p] * plan.activity[t * nT + uIdx[p]];
    capacity[r] = Math.max(0, avail - other);
  }

  // LP: arcs, then one unserved column per sink. Rows: sources (≤ supply), sinks (= use), capacities.
  const nA = arcs.length;
  const cols = nA + sinks.length;
  const rowOf = new Map<number, number>();
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  const keyOf = (p: number, a: number) => p * (nReg + 1) + a + 1;
  const sourceRow = (key: number): number => {
    let row = rowOf.get(-1 - key);
    if (row === undefined) {
      row = rowLower.length;
      rowOf.set(-1 - key, row);
      rowLower.push(-Infinity);
      rowUpper.push(total(suppliers.get(key)));
    }
    return row;
  };
  sinks.forEach((key, s) => {
    const row = rowLower.length;
    rowOf.set(key, row);
    const d = total(users.get(key));
    rowLower.push(d);
    rowUpper.push(d);
    ri.push(row);
    ci.push(nA + s);
    va.push(1);
  });
  const capRow = new Int32Array(nR).fill(-1);
  let maxCost = 0;
  arcs.forEach((a, k) => {
    maxCost = Math.max(maxCost, a.cost);
    ri.push(sourceRow(keyOf(a.product, a.from)));
    ci.push(k);
    va.push(1);
    ri.push(rowOf.get(keyOf(a.product, a.to)) as number);
    ci.push(k);
    va.push(1);
    for (const [r, u] of a.uses) {
      if (!Number.isFinite(capacity[r])) continue;
      if (capRow[r] < 0) {
        capRow[r] = rowLower.length;
        rowLower.push(-Infinity);
        rowUpper.push(capacity[r]);
      }
      ri.push(capRow[r]);
      ci.push(k);
      va.push(u);
    }
  });
  const penalty = (1 + maxCost) * (2 * nA + 1);
  const cost = new Float64Array(cols);
  arcs.forEach((a, k) => (cost[k] = a.cost));
  for (let s = 0; s < sinks.length; s++) cost[nA + s] = penalty;
  const rows = rowLower.length;
  const sol = await solver.solve({
    name: `supply assignments ${c.periods.ids[t] ?? t}`,
    sense: 'min',
    c: cost,
    A: csrFromTriplets(rows, cols, ri, ci, va),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    colLower: new Float64Array(cols),
    colUpper: new Float64Array(cols).fill(Infinity),
  });
  const period = c.periods.ids[t] ?? String(t + 1);
  if (sol.status !== 'optimal') return { status: sol.status, assignments: [], unserved: [], capacities: [], transportCost: 0, ...(sol.message === undefined ? {} : { message: sol.message }) };

  // Split regional flows among enterprises.
  const out: SupplyAssignment[] = [];
  const flows = new Map<string, { arc: Arc; flow: number }>();
  let transportCost = 0;
  arcs.forEach((a, k) => {
    const f = sol.x[k];
    transportCost += a.cost * f;
    const key = `${a.product}:${a.from}:${a.to}`;
    const prev = flows.get(key);
    if (prev === undefined) flows.set(key, { arc: a, flow: f });
    else prev.flow += f;
  });
  for (const { arc, flow } of flows.values()) {
    const from = suppliers.get(keyOf(arc.product, arc.from));
    const to = users.get(keyOf(arc.product, arc.to));
    const sTotal = total(from);
    const dTotal = total(to);
    if (!(flow > 1e-9 * Math.max(1, dTotal)) || from === undefined || to === undefined) continue;
    for (const s of from.values()) {
      for (const u of to.values()) {
        out.push({
          product: c.products.ids[arc.product],
          period,
          from: s.name,
          to: u.name,
          fromRegion: regionId(arc.from),
          toRegion: regionId(arc.to),
          amount: (flow * (s.amount / sTotal) * u.amount) / dTotal,
        });
      }
    }
  }
  const short: Unserved[] = [];
  sinks.forEach((key, s) => {
    const u = sol.x[nA + s];
    const d = total(users.get(key));
    if (u > 1e-9 * Math.max(1, d)) short.push({ product: c.products.ids[Math.floor(key / (nReg + 1))], period, region: regionId((key % (nReg + 1)) - 1), amount: u });
  });
  const caps: LinkCapacityUse[] = [];
  for (let r = 0; r < nR; r++) {
    if (capRow[r] < 0) continue;
    caps.push({ resource: c.resources.ids[r], period, used: sol.rowActivity[capRow[r]], capacity: capacity[r] });
  }
  return { status: short.length > 0 ? 'capacity-short' : 'optimal', assignments: out, unserved: short, capacities: caps, transportCost };
}
