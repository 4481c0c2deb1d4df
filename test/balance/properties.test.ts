import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan, blockedByDeficits, closingRequirements } from '../../src/balance/index.js';
import type { BalanceReport } from '../../src/balance/index.js';
import { compileByHand } from './hand-economy.js';
import { solveLeontief } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';
import { near } from './close.js';
import { nutsAndBolts, nutsAndBoltsModel } from './nuts-and-bolts.js';
import { randomEconomy } from './random-economy.js';

describe('a plan x = L y balances', () => {
  for (const seed of [1, 2, 3]) {
    test(`random productive economy of 60 items, seed ${seed}: gaps zero to 1e-9 relative`, () => {
      const { c, A, y, scale } = randomEconomy(60, seed);
      const solved = solveLeontief(A, y, { tolerance: 1e-14 });
      assert.equal(solved.status, 'converged');
      const activity = solved.x.map((x, j) => x / scale[j]);
      const r = balancePlan(c, { activity });
      assert.equal(r.balances, true, `deficits: ${Array.from(r.deficits).join(', ')}`);
      for (let i = 0; i < y.length; i++) {
        assert.ok(Math.abs(r.items.relativeGap[i]) <= 1e-9, `item ${i}: relative gap ${r.items.relativeGap[i]}`);
        near(r.items.final[i], y[i], 0, `final use ${i}`);
      }
    });
  }

  test('cutting one item’s production opens a deficit whose closing requirement restores the plan', () => {
    const { c, A, y, scale } = randomEconomy(40, 7);
    const x = solveLeontief(A, y, { tolerance: 1e-14 }).x;
    const cut = 5;
    const d = 0.3 * y[cut];
    const activity = x.map((v, j) => v / scale[j]);
    activity[cut] -= d / scale[cut];
    const r = balancePlan(c, { activity });
    assert.deepEqual(Array.from(r.deficits), [cut]);
    near(-r.items.gap[cut], d, 1e-9, 'deficit');
    const req = closingRequirements(r).each[0];
    // The closing adds Δx = L e d to the cut plan x − d e: then (I − A)(x − d e + L e d) = y + A e d,
    // so every deficit is closed and what is left over is exactly column `cut` of A times d (the
    // inputs the cut saved, which the gross requirement makes again).
    const more = activity.map((a, j) => a + req.activity[j]);
    const again = balancePlan(c, { activity: more });
    const colCut = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) {
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) if (A.colIdx[p] === cut) colCut[i] = A.values[p];
    }
    for (let i = 0; i < y.length; i++) near(again.items.gap[i], d * colCut[i], 0, `gap ${i}`, 1e-9 * again.items.use[i]);
    assert.equal(again.balances, true);
  });
});

/** Report numbers keyed by id, for comparing economies that order things differently. */
function byId(r: BalanceReport) {
  const c = r.economy;
  const items = Object.fromEntries(c.items.ids.map((id, i) => [id, {
    output: r.items.output[i], intermediate: r.items.intermediate[i], final: r.items.final[i], gap: r.items.gap[i], status: r.items.status[i],
  }]));
  const b = blockedByDeficits(r);
  const techniques = Object.fromEntries(c.techniques.ids.map((id, j) => [id, { fraction: b.fraction[j], limit: b.limitingItem[j] < 0 ? '' : c.items.ids[b.limitingItem[j]] }]));
  const chains = b.chains.map((ch) => ch.steps.map((s) => `${s.depth} ${s.kind} ${s.kind === 'target' ? s.itemId : s.id}`));
  return { items, techniques, chains, deficits: Array.from(r.deficits, (i) => c.items.ids[i]) };
}

function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const out = xs.slice();
  for (let k = out.length - 1; k > 0; k--) {
    const m = Math.floor(rand() * (k + 1));
    [out[k], out[m]] = [out[m], out[k]];
  }
  return out;
}

describe('metamorphic', () => {
  test('permuting items and techniques permutes the report', () => {
    const base = nutsAndBolts();
    const ref = byId(balancePlan(base.c, { activity: base.activity }));
    const rand = seededRandom(42);
    for (let trial = 0; trial < 5; trial++) {
      const m = nutsAndBoltsModel();
      const e = { ...m, products: shuffle(m.products, rand), techniques: shuffle(m.techniques, rand) };
      const c = compileByHand(e);
      const activity = new Float64Array(c.techniques.ids.length);
      c.techniques.ids.forEach((id, j) => { activity[j] = base.activity[base.c.techniques.index.get(id) as number]; });
      const got = byId(balancePlan(c, { activity }));
      assert.deepEqual(got.deficits, ref.deficits);
      for (const [id, v] of Object.entries(ref.items)) {
        const w = got.items[id];
        assert.equal(w.status, v.status, `status ${id}`);
        for (const k of ['output', 'intermediate', 'final', 'gap'] as const) near(w[k], v[k], 1e-12, `${k} ${id}`, 1e-9);
      }
      for (const [id, v] of Object.entries(ref.techniques)) {
        near(got.techniques[id].fraction, v.fraction, 1e-12, `fraction ${id}`);
        assert.equal(got.techniques[id].limit, v.limit, `limit ${id}`);
      }
      // Chains list the same steps; siblings may come in another order.
      assert.deepEqual(got.chains.map((s) => s.slice().sort()), ref.chains.map((s) => s.slice().sort()));
    }
  });

  test('counting bolts in units instead of thousands rescales the bolt row and nothing else', () => {
    const { c, activity } = nutsAndBolts();
    const r = balancePlan(c, { activity });
    const e = nutsAndBoltsModel();
    const perUnit = (m: Readonly<Record<string, number>>) => ('bolt' in m ? { ...m, bolt: m.bolt * 1000 } : m);
    const rescaled = compileByHand({
      ...e,
      products: e.products.map((p) => (p.id === 'bolt' ? { ...p, unit: 'unit' } : p)),
      techniques: e.techniques.map((t) => ({ ...t, produces: perUnit(t.produces), consumes: perUnit(t.consumes) })),
    });
    const rs = balancePlan(rescaled, { activity });
    const bolt = c.items.index.get('bolt') as number;
    for (let i = 0; i < r.items.gap.length; i++) {
      const f = i === bolt ? 1000 : 1;
      near(rs.items.gap[i], f * r.items.gap[i], 1e-12, `gap ${c.items.ids[i]}`, 1e-9);
      near(rs.items.relativeGap[i], r.items.relativeGap[i], 1e-12, `relative gap ${c.items.ids[i]}`, 1e-15);
    }
    const b = blockedByDeficits(r);
    const bs = blockedByDeficits(rs);
    for (let j = 0; j < b.fraction.length; j++) near(bs.fraction[j], b.fraction[j], 1e-12, `fraction ${j}`);
    near(bs.techniques[0].missing, 1000 * b.techniques[0].missing, 1e-12, 'bolts missing, in units');
    const cl = closingRequirements(r).each[0];
    const cls = closingRequirements(rs).each[0];
    near(cls.resources[0], cl.resources[0], 1e-10, 'labour to close the bolt deficit');
  });

  test('scaling plan and targets by θ scales every flow by θ and keeps relative gaps', () => {
    const { c, activity } = nutsAndBolts();
    const r = balancePlan(c, { activity });
    for (const theta of [0.25, 3]) {
      const e = nutsAndBoltsModel();
      const scaled = compileByHand({ ...e, targets: e.targets.map((t) => ({ ...t, amount: t.amount * theta })) });
      const rs = balancePlan(scaled, { activity: activity.map((a) => a * theta) });
      for (let i = 0; i < r.items.gap.length; i++) {
        for (const k of ['output', 'intermediate', 'final', 'supply', 'use'] as const) near(rs.items[k][i], theta * r.items[k][i], 1e-12, `${k} ${i}`);
        near(rs.items.gap[i], theta * r.items.gap[i], 1e-12, `gap ${i}`, 1e-9 * r.items.use[i]);
        near(rs.items.relativeGap[i], r.items.relativeGap[i], 1e-12, `relative gap ${i}`, 1e-12);
        assert.equal(rs.items.status[i], r.items.status[i]);
      }
      near(rs.resources.use[0], theta * r.resources.use[0], 1e-12, 'labour use');
      const bs = blockedByDeficits(rs);
      const b = blockedByDeficits(r);
      for (let j = 0; j < b.fraction.length; j++) near(bs.fraction[j], b.fraction[j], 1e-12, `fraction ${j}`);
      const cs = closingRequirements(rs).each[0];
      const c0 = closingRequirements(r).each[0];
      for (let i = 0; i < c0.grossOutput.length; i++) near(cs.grossOutput[i], theta * c0.grossOutput[i], 1e-10, `Δx ${i}`, 1e-12);
    }
  });
});
