import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../helpers/paths.js';
import { SMALL_YAML } from '../execution/economies.js';
import type { Rng } from './rng.js';
import { fromPlain, Obj, type Node } from './tree.js';

/** The built-in examples small enough to run thousands of times (the pymrio one has 9,000 lines). */
export const SMALL_EXAMPLES: readonly string[] = ['cockshott/economy.yaml', 'kantorovich/excavator.yaml', 'kantorovich/machine-tools.yaml', 'miller-blair/economy.yaml'];

/** Every built-in example, for byte-level mutation. */
export const ALL_EXAMPLES: readonly string[] = [...SMALL_EXAMPLES, 'ussr-1930/economy.yaml', 'pymrio-test-mrio/economy.yaml'];

const texts = new Map<string, string>();

/** The text of an example (`folder/file.yaml`), or of the tests' two-region economy (`small`). */
export function exampleText(name: string): string {
  let t = texts.get(name);
  if (t === undefined) {
    t = name === 'small' ? SMALL_YAML : readFileSync(join(repoRoot, 'examples', name), 'utf8');
    texts.set(name, t);
  }
  return t;
}

/** An example as a tree. */
export function exampleTree(name: string): Node {
  return fromPlain(parseYaml(exampleText(name)) as unknown);
}

const PRODUCTS = ['grain', 'bread', 'steel', 'coal', 'tool', 'cloth', 'power'];
const REGIONS = ['north', 'south', 'east'];
const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * A small valid model (2–5 products, 1–2 resources, a technique or two per product, targets,
 * sometimes periods, regions, enterprises, trade, direct use and a plan), as a tree: the
 * "valid structure" that grammar-aware mutations give hostile values.
 */
export function generateModel(rng: Rng): Obj {
  const nP = rng.between(2, 5);
  const products = PRODUCTS.slice(0, nP);
  const periods = rng.chance(0.35) ? ['p1', 'p2', 'p3'].slice(0, rng.between(1, 3)) : [];
  const regions = rng.chance(0.35) ? REGIONS.slice(0, rng.between(1, 3)) : [];
  const withLand = rng.chance(0.4);
  const entries: [string, Node][] = [['name', rng.pick(['Fuzz economy', 'Économie café', 'x'])]];
  if (periods.length > 0) entries.push(['periods', periods]);
  if (regions.length > 0) entries.push(['regions', regions.map((r) => (rng.chance(0.5) ? r : new Obj([['id', r], ['population', rng.between(100, 5000)]])))]);
  entries.push(['products', products.map((p) => new Obj([['id', p], ['unit', rng.pick(['t', 'piece', 'MWh'])], ...(rng.chance(0.2) ? ([['storable', true]] as [string, Node][]) : [])]))]);
  const resources: Obj[] = [new Obj([['id', 'labour'], ['unit', 'person-year'], ['available', rng.between(50, 1000)]])];
  if (withLand) resources.push(new Obj([['id', 'land'], ['unit', 'ha'], ['available', periods.length > 0 && rng.chance(0.5) ? new Obj(periods.map((p) => [p, rng.between(10, 500)])) : rng.between(10, 500)]]));
  entries.push(['resources', resources]);
  const techniques: Obj[] = [];
  for (const [j, p] of products.entries()) {
    const versions = rng.chance(0.25) ? 2 : 1;
    for (let v = 0; v < versions; v++) {
      const consumes: [string, Node][] = [];
      for (const q of products) if (q !== p && rng.chance(0.4)) consumes.push([q, round(0.05 + 0.3 * rng.float())]);
      const uses: [string, Node][] = [['labour', round(0.01 + rng.float())]];
      if (withLand && rng.chance(0.5)) uses.push(['land', round(0.1 + rng.float())]);
      const t: [string, Node][] = [['id', `make_${p}${v === 0 ? '' : '_b'}`], ['produces', new Obj([[p, 1]])], ['consumes', new Obj(consumes)], ['uses', new Obj(uses)]];
      if (regions.length > 0) t.push(['region', regions[(j + v) % regions.length]]);
      if (rng.chance(0.3)) t.push(['enterprise', `Works ${j}${v}`]);
      if (rng.chance(0.15)) t.push(['capacity', rng.between(50, 500)]);
      techniques.push(new Obj(t));
    }
  }
  entries.push(['techniques', techniques]);
  const targets: Obj[] = [];
  for (const p of products) {
    if (!rng.chance(0.6) && targets.length > 0) continue;
    const t: [string, Node][] = [['product', p], ['amount', rng.between(1, 100)]];
    if (rng.chance(0.5)) t.push(['priority', rng.between(1, 2)]);
    if (periods.length > 0 && rng.chance(0.3)) t.push(['period', rng.pick(periods)]);
    if (regions.length > 0 && rng.chance(0.5)) t.push(['region', rng.pick(regions)]);
    if (rng.chance(0.3)) t.push(['category', 'households']);
    targets.push(new Obj(t));
  }
  entries.push(['targets', targets]);
  if (rng.chance(0.25)) entries.push(['trade', [new Obj([['product', rng.pick(products)], ['export_price', round(rng.float() * 2)], ['import_price', round(1 + rng.float() * 2)], ['max_import', rng.between(0, 50)]])]]);
  if (rng.chance(0.15)) entries.push(['direct_use', [new Obj([['resource', 'labour'], ['amount', rng.between(1, 10)]])]]);
  if (rng.chance(0.5)) {
    const key = rng.chance(0.5) ? 'activity' : 'output';
    const plan: [string, Node][] = [['name', 'hand plan']];
    if (key === 'activity') plan.push(['activity', new Obj(techniques.map((t) => [t.get('id') as string, rng.between(0, 120)]))]);
    else plan.push(['output', new Obj(products.map((p) => [p, rng.between(0, 120)]))]);
    entries.push(['plan', new Obj(plan)]);
  }
  return new Obj(entries);
}

/** A plan file for a model tree (activity per technique or output per product). */
export function planFileFor(model: Node, rng: Rng): Obj {
  const ids = (section: string, key: string): string[] => {
    const list = model instanceof Obj ? model.get(section) : undefined;
    return Array.isArray(list) ? list.flatMap((x) => (x instanceof Obj && typeof x.get(key) === 'string' ? [x.get(key) as string] : [])) : [];
  };
  if (rng.chance(0.5)) return new Obj([['activity', new Obj(ids('techniques', 'id').map((t) => [t, rng.between(0, 200)]))]]);
  return new Obj([['output', new Obj(ids('products', 'id').map((p) => [p, rng.between(0, 200)]))]]);
}

/** A final-demand file for a model tree (amount per product). */
export function demandFileFor(model: Node, rng: Rng): Obj {
  const list = model instanceof Obj ? model.get('products') : undefined;
  const ids = Array.isArray(list) ? list.flatMap((x) => (x instanceof Obj && typeof x.get('id') === 'string' ? [x.get('id') as string] : [])) : [];
  return new Obj(ids.filter(() => rng.chance(0.7)).map((p) => [p, rng.between(0, 500)]));
}
