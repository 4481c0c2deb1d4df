import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mrioAccounts } from '../../../src/leontief/index.js';
import { aggregateEconomy, concordanceOf, ioTableToEconomy, parseConcordance, type Concordance, type Economy, type IoTable } from '../../../src/model/index.js';
import { seededRandom } from '../../helpers/random.js';
import { tableOfEconomy } from './table-of-economy.js';

const CATEGORIES = ['households', 'government', 'investment'];

/**
 * A random multi-regional table (seeded): A with row and column sums at most 0.5, outputs in
 * [1, 2), final demand y = x − A x (positive) spread over the categories of every region, two
 * stressors with a final-demand part, and population. With `twin`, sector 1 of every region has
 * the inputs and stressor intensities of sector 0 (so the two have the same multipliers).
 */
function randomTable(seed: number, R: number, S: number, twin = false): IoTable {
  const rand = seededRandom(seed);
  const n = R * S;
  const A = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) A[k] = rand() < 0.6 ? rand() : 0;
  const F0 = Float64Array.from({ length: 2 * n }, () => rand() * 3);
  if (twin) {
    for (let r = 0; r < R; r++) {
      const j0 = r * S;
      for (let i = 0; i < n; i++) A[i * n + j0 + 1] = A[i * n + j0];
      for (let s = 0; s < 2; s++) F0[s * n + j0 + 1] = F0[s * n + j0];
    }
  }
  let biggest = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    let col = 0;
    for (let j = 0; j < n; j++) {
      row += A[i * n + j];
      col += A[j * n + i];
    }
    biggest = Math.max(biggest, row, col);
  }
  for (let k = 0; k < n * n; k++) A[k] *= 0.5 / biggest;
  const x = Float64Array.from({ length: n }, () => 1 + rand());
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Z[i * n + j] = A[i * n + j] * x[j];
  const C = CATEGORIES.length;
  const K = R * C;
  const Y = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    let y = x[i];
    for (let j = 0; j < n; j++) y -= Z[i * n + j];
    const w = Float64Array.from({ length: K }, () => rand());
    const total = w.reduce((a, b) => a + b, 0);
    for (let c = 0; c < K; c++) Y[i * K + c] = (y * w[c]) / total;
  }
  const F = new Float64Array(2 * n);
  for (let s = 0; s < 2; s++) for (let j = 0; j < n; j++) F[s * n + j] = F0[s * n + j] * x[j];
  const FY = Float64Array.from({ length: 2 * K }, (_, k) => (k % C === 0 ? rand() : 0));
  return {
    name: `random ${seed}`,
    unit: 'money',
    regions: Array.from({ length: R }, (_, r) => `r${r}`),
    sectors: Array.from({ length: S }, (_, s) => `s${s}`),
    Z,
    categories: CATEGORIES,
    Y,
    x,
    extensions: [{ name: 'air', stressors: [{ id: 'co2', unit: 'kg' }, { id: 'ch4', unit: 'kg' }], F, FY }],
    population: Float64Array.from({ length: R }, () => 1000 * (1 + rand())),
  };
}

/** A random map of `codes` onto `k` groups: some codes split over two groups by a weight. */
function randomMap(codes: readonly string[], k: number, prefix: string, rand: () => number): Concordance {
  const lines = ['from,to,weight'];
  codes.forEach((c, i) => {
    const to = `${prefix}${i < k ? i : Math.floor(rand() * k)}`;
    if (rand() < 0.25 && k > 1) {
      const other = `${prefix}${(Number(to.slice(prefix.length)) + 1) % k}`;
      const w = 0.2 + 0.6 * rand();
      lines.push(`${c},${to},${w}`, `${c},${other},${1 - w}`);
    } else lines.push(`${c},${to}`);
  });
  return parseConcordance(lines.join('\n'), `${prefix}map.csv`);
}

/** The map `first` then `second`, as one map (weights multiplied). */
function compose(first: Concordance, second: Concordance): Concordance {
  const lines = ['from,to,weight'];
  for (const [from, rows] of first.byCode) {
    const to = new Map<string, number>();
    for (const r of rows) for (const r2 of second.byCode.get(r.to) ?? []) to.set(r2.to, (to.get(r2.to) ?? 0) + r.weight * r2.weight);
    for (const [code, w] of to) lines.push(`${from},${code},${w}`);
  }
  return parseConcordance(lines.join('\n'), 'composed.csv');
}

/** Every flow of an economy by a key: outputs, intermediate flows, resource use, final demand, direct use, imports, population. */
function flows(e: Economy): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, v: number): void => {
    out.set(key, (out.get(key) ?? 0) + v);
  };
  const x = e.plan?.output ?? {};
  for (const [id, v] of Object.entries(x)) add(`x ${id}`, v);
  for (const t of e.techniques) {
    for (const [i, a] of Object.entries(t.consumes)) add(`z ${i} ${t.id}`, a * (x[t.id] ?? 0));
    for (const [r, u] of Object.entries(t.uses)) add(`f ${r} ${t.id}`, u * (x[t.id] ?? 0));
  }
  for (const t of e.targets) add(`y ${t.product} ${t.region ?? ''} ${t.category ?? ''} ${t.priority}`, t.amount);
  for (const d of e.directUse) add(`d ${d.resource} ${d.region ?? ''} ${d.category ?? ''}`, d.amount);
  for (const [id, v] of Object.entries(e.plan?.imports ?? {})) add(`m ${id}`, v);
  for (const r of e.regions) if (r.population !== undefined) add(`p ${r.id}`, r.population);
  return out;
}

/** The flows summed by kind (x, z, f by resource, y, d by resource, m, p). */
function totals(e: Economy): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, v] of flows(e)) {
    const parts = key.split(' ');
    const kind = parts[0] === 'f' || parts[0] === 'd' ? `${parts[0]} ${parts[1]}` : parts[0];
    out.set(kind, (out.get(kind) ?? 0) + v);
  }
  return out;
}

function assertSameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, rtol: number, what: string): void {
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${what}: the same entries`);
  for (const [key, v] of a) {
    const w = b.get(key) ?? Number.NaN;
    assert.ok(Math.abs(v - w) <= rtol * Math.max(Math.abs(v), Math.abs(w)), `${what}: ${key}: ${v} vs ${w}`);
  }
}

const seeds = [11, 12, 13, 14, 15];

describe('aggregation: properties on seeded random models', () => {
  test('totals are kept: output, intermediate flows, each resource’s use, final demand, direct use, population (weights included)', () => {
    for (const seed of seeds) {
      const rand = seededRandom(seed * 7);
      const t = randomTable(seed, 4, 5);
      const e = ioTableToEconomy(t);
      const agg = aggregateEconomy(e, { regions: randomMap(t.regions, 2, 'R', rand), sectors: randomMap(t.sectors, 3, 'S', rand) });
      assertSameNumbers(totals(agg), totals(e), 1e-12, `seed ${seed}`);
    }
  });

  test('the identity map changes nothing', () => {
    for (const seed of seeds) {
      const t = randomTable(seed, 3, 4);
      const e = ioTableToEconomy(t);
      const same = (codes: readonly string[]) => concordanceOf(Object.fromEntries(codes.map((c) => [c, c])));
      for (const options of [{ regions: same(t.regions), sectors: same(t.sectors) }, { regions: same(t.regions) }, { sectors: same(t.sectors) }]) {
        const agg = aggregateEconomy(e, options);
        assert.deepEqual(
          { ...agg, description: '' },
          { ...e, description: '' },
          `seed ${seed}`,
        );
      }
    }
  });

  test('two steps equal one step with the composed maps', () => {
    for (const seed of seeds) {
      const rand = seededRandom(seed * 13);
      const t = randomTable(seed, 5, 6);
      const e = ioTableToEconomy(t);
      const r1 = randomMap(t.regions, 3, 'R', rand);
      const s1 = randomMap(t.sectors, 4, 'S', rand);
      const r2 = randomMap(['R0', 'R1', 'R2'], 2, 'Q', rand);
      const s2 = randomMap(['S0', 'S1', 'S2', 'S3'], 2, 'T', rand);
      const twice = aggregateEconomy(aggregateEconomy(e, { regions: r1, sectors: s1 }), { regions: r2, sectors: s2 });
      const once = aggregateEconomy(e, { regions: compose(r1, r2), sectors: compose(s1, s2) });
      assertSameNumbers(flows(twice), flows(once), 1e-12, `seed ${seed}`);
    }
  });

  test('the aggregate’s gross output for the aggregated final demand is the aggregated output: x′ = A′x′ + y′', () => {
    for (const seed of seeds) {
      const rand = seededRandom(seed * 3);
      const t = randomTable(seed, 4, 5);
      const agg = aggregateEconomy(ioTableToEconomy(t), { regions: randomMap(t.regions, 2, 'R', rand), sectors: randomMap(t.sectors, 2, 'S', rand) });
      const x = agg.plan?.output ?? {};
      const need = new Map(agg.products.map((p) => [p.id, 0]));
      for (const tech of agg.techniques) for (const [i, a] of Object.entries(tech.consumes)) need.set(i, (need.get(i) ?? 0) + a * (x[tech.id] ?? 0));
      for (const tg of agg.targets) need.set(tg.product, (need.get(tg.product) ?? 0) + tg.amount);
      for (const [id, v] of Object.entries(agg.plan?.imports ?? {})) need.set(id, (need.get(id) ?? 0) - v);
      for (const [id, v] of need) assert.ok(Math.abs(v - (x[id] ?? 0)) <= 1e-12 * (x[id] ?? 0), `seed ${seed}: ${id}: ${v} vs ${x[id]}`);
    }
  });

  test('footprints of every region’s final demand are kept where the identity holds: merging sectors of the same technique', () => {
    for (const seed of seeds) {
      const t = randomTable(seed, 3, 4, true);
      const e = ioTableToEconomy(t);
      const merge = concordanceOf({ s0: 'twins', s1: 'twins', s2: 's2', s3: 's3' });
      const agg = aggregateEconomy(e, { sectors: merge });
      const before = mrioAccounts(t);
      const after = mrioAccounts(tableOfEconomy(agg, CATEGORIES));
      const a = before.extensions[0].D_cba_reg;
      const b = after.extensions[0].D_cba_reg;
      assert.equal(a.length, b.length);
      for (let k = 0; k < a.length; k++) assert.ok(Math.abs(a[k] - b[k]) <= 1e-9 * Math.abs(a[k]), `seed ${seed}: D_cba_reg[${k}] ${a[k]} vs ${b[k]}`);
      // …and not in general: merging sectors of different techniques moves footprints between regions.
      const other = aggregateEconomy(e, { sectors: concordanceOf({ s0: 's0', s1: 's1', s2: 'mixed', s3: 'mixed' }) });
      const c = mrioAccounts(tableOfEconomy(other, CATEGORIES)).extensions[0].D_cba_reg;
      assert.ok(a.some((v, k) => Math.abs(v - c[k]) > 1e-6 * Math.abs(v)), `seed ${seed}: aggregation bias expected`);
    }
  });
});
