import { inputError, type Location } from '../errors.js';
import { parseProductRef } from '../product-ref.js';
import type { Economy } from '../types.js';

/**
 * An economy seen as an input–output table, as aggregation needs it: one technique per product
 * making that product alone, and the gross output of every product. Products are taken apart
 * into a region and a sector code: a product located in region `r` whose id is `r/s` has sector
 * `s` (the ids importers write); any other product's sector is its id.
 */
export interface IoModel {
  readonly economy: Economy;
  /** Per product (the economy's order): its region, or '' for a product located nowhere. */
  readonly region: readonly string[];
  /** Per product: its sector code. */
  readonly sector: readonly string[];
  /** Per product: the index of the technique that makes it. */
  readonly technique: Int32Array;
  /** Per product: how much of it one unit of its technique makes. */
  readonly made: Float64Array;
  /** Per product: gross output (the model's plan). */
  readonly x: Float64Array;
  /** Product index of a reference (`grain` or `grain@ukraine`) at `path`, or −1 when it names no product. */
  productOf(ref: string, path: readonly (string | number)[]): number;
}

/**
 * Takes an economy apart as an input–output table, or refuses it (an InputError `cannot-aggregate`
 * at the model's entry, saying why) when aggregation would not mean anything: several periods,
 * investment (build, lag), capacities, joint products, several techniques for one product or none,
 * techniques of enterprises, trade terms, or no gross outputs (the model's `plan.output`, which
 * every importer writes; or `plan.activity`).
 */
export function ioModelOf(economy: Economy, source: string): IoModel {
  const refuse = (why: string, path: readonly (string | number)[], value?: unknown): never => {
    const at: Location = { file: source, path };
    throw inputError('cannot-aggregate', `${why}; aggregation is defined for input–output models (one period, one technique per product)`, at, value);
  };
  if (economy.periods.length > 1) refuse(`the model has ${economy.periods.length} periods`, ['periods'], economy.periods.length);
  if (economy.trade.length > 0) refuse('the model has trade terms (prices of single products, which merged products have not)', ['trade', 0], economy.trade[0].product);
  const plan = economy.plan;
  if (plan?.built !== undefined) refuse('the plan has capacity built by investment', ['plan', 'built']);

  const index = new Map(economy.products.map((p, i) => [p.id, i]));
  const n = economy.products.length;
  const region = economy.products.map((p) => p.region ?? '');
  const sector = economy.products.map((p, i) => (region[i] !== '' && p.id.startsWith(`${region[i]}/`) ? p.id.slice(region[i].length + 1) : p.id));
  const productOf = (ref: string, path: readonly (string | number)[]): number => {
    const r = parseProductRef(ref);
    const i = index.get(r.product);
    if (i === undefined) return -1;
    if (r.region !== undefined && region[i] === '') refuse(`product ${JSON.stringify(r.product)} is located nowhere but used as ${JSON.stringify(ref)} (one product in several regions)`, path, ref);
    return i;
  };

  const technique = new Int32Array(n).fill(-1);
  const made = new Float64Array(n);
  economy.techniques.forEach((t, k) => {
    const path = ['techniques', k];
    if (t.build !== undefined || t.lag !== undefined) refuse(`technique ${JSON.stringify(t.id)} invests (build)`, [...path, 'build'], t.id);
    if (t.capacity !== undefined) refuse(`technique ${JSON.stringify(t.id)} has a capacity, which merged techniques would not have`, [...path, 'capacity'], t.capacity);
    if (t.enterprise !== undefined) refuse(`technique ${JSON.stringify(t.id)} belongs to enterprise ${JSON.stringify(t.enterprise)}, and merged techniques would not`, [...path, 'enterprise'], t.enterprise);
    const outputs = Object.entries(t.produces).filter(([, v]) => v > 0);
    if (outputs.length !== 1) refuse(`technique ${JSON.stringify(t.id)} makes ${outputs.length} products (joint production)`, [...path, 'produces'], t.produces);
    const [ref, amount] = outputs[0];
    const p = productOf(ref, [...path, 'produces', ref]);
    if (p < 0) refuse(`technique ${JSON.stringify(t.id)} makes an unknown product`, [...path, 'produces', ref], ref);
    if (technique[p] >= 0) refuse(`product ${JSON.stringify(economy.products[p].id)} is made by several techniques (${JSON.stringify(economy.techniques[technique[p]].id)}, ${JSON.stringify(t.id)})`, path, t.id);
    if (t.region !== undefined && region[p] !== '' && t.region !== region[p]) refuse(`technique ${JSON.stringify(t.id)} is in region ${t.region} but makes a product of ${region[p]}`, [...path, 'region'], t.region);
    technique[p] = k;
    made[p] = amount;
  });
  const orphan = technique.findIndex((k) => k < 0);
  if (orphan >= 0) refuse(`no technique makes product ${JSON.stringify(economy.products[orphan].id)}`, ['products', orphan], economy.products[orphan].id);

  const x = new Float64Array(n).fill(Number.NaN);
  if (plan?.output !== undefined) {
    for (const [ref, v] of Object.entries(plan.output)) {
      const p = productOf(ref, ['plan', 'output', ref]);
      if (p >= 0) x[p] = v;
    }
  } else if (plan?.activity !== undefined) {
    for (let p = 0; p < n; p++) x[p] = (plan.activity[economy.techniques[technique[p]].id] ?? 0) * made[p];
  } else {
    refuse('the model has no gross outputs (plan.output, which every importer writes), and aggregation weighs coefficients by output', ['plan']);
  }
  const missing = x.findIndex((v) => Number.isNaN(v));
  if (missing >= 0) refuse(`the plan gives no output for product ${JSON.stringify(economy.products[missing].id)}`, ['plan', 'output'], economy.products[missing].id);
  return { economy, region, sector, technique, made, x, productOf };
}
