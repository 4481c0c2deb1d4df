import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { extractEconomy, type ExtractionRequest } from '../../src/analysis/index.js';
import { finalUse } from '../../src/balance/index.js';
import { compileEconomy, leontiefSystem, planActivities } from '../../src/compile/index.js';
import { loadEconomy } from '../../src/model/index.js';
import { inputErrorOf } from '../helpers/input-error.js';
import { repoRoot } from '../helpers/paths.js';
import { dense, leontiefInverse, times } from './dense.js';

// Hypothetical extraction of whole models (src/analysis/extract-economy.ts). No published worked
// example with printed figures was found (Miller & Blair 2009, section 12.2.5, and Dietzenbacher &
// Lahr 2013 give the method; fio's and ioanalysis's documentation print no results). The checks are
// fio's own test formulas (albersonmiranda/fio, tests/testthat/test-computations.R, "hypothetical
// extraction is calculated correctly": backward = Σ (I − A_c)⁻¹ f − Σ x with column j of A zeroed,
// forward = Σ v (I − B_r)⁻¹ − Σ x with row i of B zeroed; fio's sign, new − old, is our −loss),
// evaluated densely here, and the issue's identities.

const names = { sectors: 'sectors', regions: 'regions', rank: 'rank', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' };

async function model(example: string): Promise<{ economy: Awaited<ReturnType<typeof loadEconomy>>; c: ReturnType<typeof compileEconomy>; A: number[][]; y: Float64Array }> {
  const economy = await loadEconomy(join(repoRoot, 'examples', example, 'economy.yaml'));
  const c = compileEconomy(economy);
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
  return { economy, c, A: dense(sys.A), y: finalUse(c, 0) };
}

type Part = Record<string, unknown>;
function extract(m: Awaited<ReturnType<typeof model>>, req: Omit<ExtractionRequest, 'tolerance' | 'maxIterations' | 'names'>): Record<string, Part> {
  const r = extractEconomy(m.economy, m.c, { ...req, tolerance: 1e-13, maxIterations: 5000, names });
  assert.deepEqual(r.failures, []);
  return r.json as Record<string, Part>;
}

const sum = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => a + b, 0);
const close = (a: number, b: number, what: string, scale = Math.abs(b)): void => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(scale, 1e-9), `${what}: ${a} vs ${b}`);

/** Σ x after the extraction of `items`, dense, as fio computes it (backward, forward) or with rows, columns and demand removed (total). */
function denseAfter(A: number[][], y: Float64Array, items: readonly number[], kind: 'total' | 'backward' | 'forward'): number {
  const out = new Set(items);
  const n = A.length;
  const x = times(leontiefInverse(A), y);
  if (kind === 'forward') {
    const v = x.map((xj, j) => xj * (1 - A.reduce((s, row) => s + row[j], 0)));
    const B = A.map((row, i) => row.map((a, j) => (out.has(i) || x[i] === 0 ? 0 : (a * x[j]) / x[i])));
    const G = leontiefInverse(B);
    return sum(Array.from({ length: n }, (_, j) => v.reduce((s, vi, i) => s + vi * G[i][j], 0)));
  }
  const Ac = A.map((row, i) => row.map((a, j) => (out.has(j) || (kind === 'total' && out.has(i)) ? 0 : a)));
  const yc = kind === 'total' ? y.map((v, i) => (out.has(i) ? 0 : v)) : y;
  return sum(times(leontiefInverse(Ac), yc));
}

describe('hypothetical extraction of a model', () => {
  test('Miller–Blair: each sector’s backward and forward extraction equals fio’s formulas, evaluated densely', async () => {
    const m = await model('miller-blair');
    const xSum = sum(times(leontiefInverse(m.A), m.y));
    close(xSum, 3000, 'the published gross output sums to 3000');
    for (const kind of ['backward', 'forward'] as const) {
      const r = extract(m, { kind, rank: 'items' });
      const ranking = (r.ranking as { ranking: { name: string; losses: { loss: number; relative: number }[] }[] }).ranking;
      for (const g of ranking) {
        const j = m.c.items.index.get(g.name) ?? -1;
        const fio = denseAfter(m.A, m.y, [j], kind) - xSum;
        close(-g.losses[0].loss, fio, `${kind} ${g.name}`, xSum);
        close(g.losses[0].relative, -fio / xSum, `${kind} ${g.name} relative`, 1);
      }
      assert.ok(ranking[0].losses[0].loss >= ranking[1].losses[0].loss, 'ranked by the loss, largest first');
    }
  });

  test('pymrio’s test MRIO: a region’s total, backward and forward extraction equal dense references; every region extracted loses everything', async () => {
    const m = await model('pymrio-test-mrio');
    const reg2 = m.c.items.ids.flatMap((id, i) => (id.startsWith('reg2/') ? [i] : []));
    for (const kind of ['total', 'backward', 'forward'] as const) {
      const r = extract(m, { regions: ['reg2'], kind });
      const e = r.extraction as { extracted: string[]; losses: { name: string; before: number; after: number; loss: number }[] };
      assert.equal(e.extracted.length, 8);
      close(e.losses[0].after, denseAfter(m.A, m.y, reg2, kind), `${kind} reg2`);
    }
    const all = extract(m, { regions: m.c.regions.ids, kind: 'total' }).extraction as { losses: { after: number; relative: number }[] };
    for (const l of all.losses) assert.ok(Math.abs(l.after) <= 1e-9 && (l.relative === null || Math.abs(l.relative - 1) <= 1e-12), JSON.stringify(l));
    // Sectors by name: "food" is every region's food.
    const food = extract(m, { sectors: ['food'], kind: 'backward' }).extraction as { extracted: string[] };
    assert.deepEqual(food.extracted, m.c.regions.ids.map((r) => `${r}/food`));
  });

  test('the 1930 example: the ranking of every item carries its Rasmussen–Hirschman indices (averaging 1), regions ranked too', async () => {
    const m = await model('ussr-1930');
    const items = extract(m, { kind: 'total', rank: 'items' }).ranking as { ranking: { name: string; backwardIndex: number; forwardIndex: number }[] };
    assert.equal(items.ranking.length, m.c.items.ids.length);
    close(sum(items.ranking.map((g) => g.backwardIndex)), items.ranking.length, 'backward indices average 1');
    const regions = extract(m, { kind: 'backward', rank: 'regions' }).ranking as { ranking: { name: string; items: number }[] };
    assert.equal(sum(regions.ranking.map((g) => g.items)), m.c.items.ids.length);
  });

  test('bad requests are located errors', async () => {
    const m = await model('ussr-1930');
    assert.deepEqual(inputErrorOf(() => extract(m, { sectors: ['coal', 'cement'], kind: 'total' })).issues[0].location.path, ['sectors', 1]);
    assert.equal(inputErrorOf(() => extract(m, { regions: ['siberia'], kind: 'total' })).issues[0].value, 'siberia');
    assert.match(inputErrorOf(() => extract(m, { kind: 'total' })).issues[0].message, /say what to extract/);
    const mb = await model('miller-blair');
    assert.match(inputErrorOf(() => extract(mb, { kind: 'total', rank: 'regions' })).issues[0].message, /no regions/);
  });
});
