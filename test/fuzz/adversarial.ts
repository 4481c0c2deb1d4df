import type { Rng } from './rng.js';
import { Obj, Raw, type Node } from './tree.js';

/**
 * Changes that keep a model's structure valid and make its numbers hard: a cycle whose spectral
 * radius is exactly 1, coefficients and amounts at the magnitude limit or beyond, a chain of
 * coefficients whose product overflows, tiny coefficients. Each returns what it did.
 */
type Adversary = (rng: Rng, model: Obj) => string;

function list(model: Obj, key: string): Obj[] {
  const v = model.get(key);
  return Array.isArray(v) ? v.filter((x): x is Obj => x instanceof Obj) : [];
}

function mapOf(o: Obj, key: string): Obj {
  const v = o.get(key);
  if (v instanceof Obj) return v;
  const m = new Obj([]);
  const at = o.entries.findIndex(([k]) => k === key);
  if (at >= 0) o.entries[at][1] = m;
  else o.entries.push([key, m]);
  return m;
}

function setIn(m: Obj, key: string, value: Node): void {
  const at = m.entries.findIndex(([k]) => k === key);
  if (at >= 0) m.entries[at][1] = value;
  else m.entries.push([key, value]);
}

function producedBy(t: Obj): string | undefined {
  const p = t.get('produces');
  return p instanceof Obj ? p.entries[0]?.[0] : undefined;
}

const unitCycle: Adversary = (rng, model) => {
  const ts = list(model, 'techniques').filter((t) => producedBy(t) !== undefined);
  if (ts.length < 2) return 'no cycle: fewer than two techniques';
  const a = rng.pick(ts);
  const b = rng.pick(ts.filter((t) => producedBy(t) !== producedBy(a)).concat([a]));
  const pa = producedBy(a) as string;
  const pb = producedBy(b) as string;
  if (a === b || pa === pb) {
    setIn(mapOf(a, 'consumes'), pa, 1);
    return `${String(a.get('id'))} consumes 1 of its own product`;
  }
  const k = rng.pick([2, 4, 10, 1e3]);
  setIn(mapOf(a, 'consumes'), pb, k);
  setIn(mapOf(b, 'consumes'), pa, 1 / k);
  return `cycle ${pa} ⇄ ${pb} with spectral radius exactly 1 (${k} × ${1 / k})`;
};

const nearUnitCycle: Adversary = (rng, model) => {
  const ts = list(model, 'techniques');
  if (ts.length === 0) return 'no techniques';
  const t = rng.pick(ts);
  const p = producedBy(t);
  if (p === undefined) return 'no product';
  const v = rng.pick([1 - 1e-16, 1 - 1e-12, 0.999999, 1 + 1e-15]);
  setIn(mapOf(t, 'consumes'), p, v);
  return `${String(t.get('id'))} consumes ${v} of its own product`;
};

const hugeCoefficients: Adversary = (rng, model) => {
  const v = rng.pick<Node>([1e30, 1e29, new Raw('1e308'), 1e15]);
  let n = 0;
  for (const t of list(model, 'techniques')) {
    for (const key of ['consumes', 'uses']) {
      const m = t.get(key);
      if (m instanceof Obj)
        for (const e of m.entries) {
          if (!rng.chance(0.7)) continue;
          e[1] = v;
          n++;
        }
    }
  }
  return `${n} coefficients → ${v instanceof Raw ? v.text : String(v)}`;
};

const overflowChain: Adversary = (rng, model) => {
  // Products c0 … c(n-1), each made from 1e30 of the next: the requirement of c0 is 1e30^(n-1).
  const n = rng.between(3, 12);
  const products = list(model, 'products');
  const techniques = list(model, 'techniques');
  const coefficient = rng.pick([1e30, 1e20, 1e10]);
  for (let i = 0; i < n; i++) {
    products.push(new Obj([['id', `c${i}`], ['unit', 't']]));
    const consumes: [string, Node][] = i + 1 < n ? [[`c${i + 1}`, coefficient]] : [];
    techniques.push(new Obj([['id', `make_c${i}`], ['produces', new Obj([[`c${i}`, 1]])], ['consumes', new Obj(consumes)], ['uses', new Obj([['labour', 1]])]]));
  }
  setIn(model, 'products', products);
  setIn(model, 'techniques', techniques);
  const targets = list(model, 'targets');
  targets.push(new Obj([['product', 'c0'], ['amount', rng.pick([1, 1e30])]]));
  setIn(model, 'targets', targets);
  const plan = model.get('plan');
  if (plan instanceof Obj) {
    const activity = plan.get('activity');
    if (activity instanceof Obj) for (let i = 0; i < n; i++) activity.entries.push([`make_c${i}`, 1e30]);
  }
  return `chain of ${n} products, each needing ${coefficient} of the next`;
};

const hugeAmounts: Adversary = (rng, model) => {
  const v = rng.pick<Node>([1e30, 1e25, 1e21, new Raw('1e308'), new Raw('1.7976931348623157e308')]);
  const where = rng.pick(['targets', 'resources', 'plan', 'trade']);
  if (where === 'targets') for (const t of list(model, 'targets')) setIn(t, 'amount', v);
  else if (where === 'resources') for (const r of list(model, 'resources')) setIn(r, 'available', v);
  else if (where === 'trade') for (const t of list(model, 'trade')) for (const k of ['export_price', 'import_price', 'max_import', 'max_export']) setIn(t, k, v);
  else {
    const plan = model.get('plan');
    if (plan instanceof Obj) for (const [, m] of plan.entries) if (m instanceof Obj) for (const e of m.entries) e[1] = v;
  }
  return `${where} amounts → ${v instanceof Raw ? v.text : String(v)}`;
};

const tinyCoefficients: Adversary = (rng, model) => {
  const v = rng.pick([1e-300, 5e-324, 1e-30, 1e-200]);
  for (const t of list(model, 'techniques')) {
    const m = t.get(rng.pick(['consumes', 'uses', 'produces']));
    if (m instanceof Obj) for (const e of m.entries) if (rng.chance(0.5)) e[1] = v;
  }
  return `coefficients → ${v}`;
};

const ADVERSARIES: readonly (readonly [number, Adversary])[] = [
  [3, unitCycle],
  [2, nearUnitCycle],
  [2, hugeCoefficients],
  [2, overflowChain],
  [3, hugeAmounts],
  [1, tinyCoefficients],
];

/** Applies one or two numerically hard changes to a model tree (in place). */
export function makeAdversarial(rng: Rng, model: Obj): string[] {
  const n = rng.chance(0.3) ? 2 : 1;
  const done: string[] = [];
  for (let k = 0; k < n; k++) done.push(rng.weighted(ADVERSARIES)(rng, model));
  return done;
}
