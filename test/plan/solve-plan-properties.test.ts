import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { balancePlan } from '../../src/balance/index.js';
import { compileEconomy, planActivities } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import type { Economy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/highs/index.js';
import { planOfPeriod, solvePlan } from '../../src/plan/index.js';
import { seededRandom } from '../helpers/random.js';
import { repoRoot } from '../helpers/paths.js';

function read(...parts: string[]): Economy {
  const file = join(repoRoot, ...parts);
  return parseEconomy(readFileSync(file, 'utf8'), { file });
}

describe('solvePlan: metamorphic checks', () => {
  test('measuring a part in dozens leaves the plan unchanged and multiplies its valuation by 12', async () => {
    const e = read('examples', 'kantorovich', 'machine-tools.yaml');
    const dozen: Economy = {
      ...e,
      products: e.products.map((p) => (p.id === 'part1' ? { ...p, unit: 'dozen' } : p)),
      techniques: e.techniques.map((t) => (t.produces.part1 === undefined ? t : { ...t, produces: { part1: t.produces.part1 / 12 } })),
      targets: e.targets.map((t) => (t.product === 'part1' ? { ...t, amount: t.amount / 12 } : t)),
    };
    const a = await solvePlan(compileEconomy(e), { solver: highsSolver });
    const b = await solvePlan(compileEconomy(dozen), { solver: highsSolver });
    assert.ok(Math.abs(a.lambda[0] - b.lambda[0]) < 1e-9 * a.lambda[0]);
    for (let j = 0; j < a.activity.length; j++) assert.ok(Math.abs(a.activity[j] - b.activity[j]) < 1e-9, `activity ${j}`);
    assert.ok(Math.abs(b.valuation[0] - 12 * a.valuation[0]) < 1e-9, 'part1 is worth 12 times as much per dozen');
    assert.ok(Math.abs(b.valuation[1] - a.valuation[1]) < 1e-12);
    for (let r = 0; r < a.resourcePrice.length; r++) assert.ok(Math.abs(a.resourcePrice[r] - b.resourcePrice[r]) < 1e-9);
  });

  test('permuting products, resources and techniques permutes the answer (seeded)', async () => {
    const e = read('examples', 'kantorovich', 'excavator.yaml');
    const base = await solvePlan(compileEconomy(e), { solver: highsSolver });
    const rand = seededRandom(20260501);
    const shuffle = <T>(xs: readonly T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const k = Math.floor(rand() * (i + 1));
        [out[i], out[k]] = [out[k], out[i]];
      }
      return out;
    };
    for (let trial = 0; trial < 3; trial++) {
      const p: Economy = { ...e, products: shuffle(e.products), resources: shuffle(e.resources), techniques: shuffle(e.techniques), targets: shuffle(e.targets) };
      const c = compileEconomy(p);
      const r = await solvePlan(c, { solver: highsSolver });
      assert.ok(Math.abs(r.lambda[0] - base.lambda[0]) < 1e-9 * base.lambda[0]);
      for (const id of base.economy.techniques.ids) {
        const x = base.activity[base.economy.techniques.index.get(id) ?? -1];
        const y = r.activity[c.techniques.index.get(id) ?? -1];
        assert.ok(Math.abs(x - y) < 1e-7, `${id}: ${x} vs ${y}`);
      }
      for (const id of base.economy.items.ids) {
        assert.ok(Math.abs(base.valuation[base.economy.items.index.get(id) ?? -1] - r.valuation[c.items.index.get(id) ?? -1]) < 1e-9, id);
      }
    }
  });
});

describe('solvePlan: other objectives', () => {
  const e = read('examples', 'kantorovich', 'machine-tools.yaml');
  const fifty: Economy = { ...e, targets: e.targets.map((t) => ({ ...t, amount: 50 })) };
  test('weighted credits deliveries up to the amount: both targets met in full', async () => {
    const r = await solvePlan(compileEconomy(fifty), { objective: 'weighted', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    assert.ok(Math.abs(r.objectiveValue - 2) < 1e-9, 'one tier, weight 1, two targets in full');
    for (const f of r.fulfilment) assert.ok(Math.abs(f - 1) < 1e-9);
  });
  test('harmony: over-fulfilment credited at slope 0.1 above 1, never below full fulfilment when it is affordable', async () => {
    const r = await solvePlan(compileEconomy(fifty), { objective: 'harmony', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    for (const f of r.fulfilment) assert.ok(f >= 1 - 1e-9 && f <= 2 + 1e-9);
    const expected = r.fulfilment.reduce((s, f) => s + Math.min(f, 0.9 + 0.1 * f), 0);
    assert.ok(Math.abs(r.objectiveValue - expected) < 1e-9);
  });
  test('mincost: the least machine time for 50 sets, valuations as marginal machine-days', async () => {
    const r = await solvePlan(compileEconomy(fifty), { objective: { kind: 'mincost', resource: 'milling' }, solver: highsSolver });
    assert.equal(r.status, 'optimal');
    // 50 sets fit on the lathes alone (turret 3 days make 60 part1 at 20/day; automatic makes 80 part2): no milling.
    assert.ok(Math.abs(r.objectiveValue) < 1e-9);
    for (const f of r.fulfilment) assert.ok(Math.abs(f - 1) < 1e-9);
  });
});

const SMALL = `
periods: [1, 2, 3]
products:
  - { id: grain, unit: t, initial_stock: 0 }
  - { id: construction, unit: job, storable: false }
  - { id: tractor, unit: unit, storable: false }
resources:
  - { id: labour, unit: person-year, available: 10 }
  - { id: works, unit: tractor, available: 0 }
techniques:
  - { id: farm, produces: { grain: 1 }, uses: { labour: 1 } }
  - { id: build_works, produces: { construction: 1 }, uses: { labour: 1 }, build: { works: 2 }, lag: 1 }
  - { id: tractor_works, produces: { tractor: 1 }, uses: { works: 1 } }
targets:
  - { product: grain, amount: 1 }
  - { product: tractor, amount: 2, period: 3 }
`;

function small(text: string): Economy {
  return parseEconomy(text, { file: 'small.yaml' });
}

describe('solvePlan: investment and stocks', () => {
  test('a works built in an earlier period makes the tractors; least labour = 3 t of grain + 1 job', async () => {
    const c = compileEconomy(small(SMALL));
    const r = await solvePlan(c, { objective: 'mincost', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    assert.ok(Math.abs(r.objectiveValue - 4) < 1e-9, `labour ${r.objectiveValue}`);
    const works = c.resources.index.get('works') ?? -1;
    const nR = c.resources.ids.length;
    assert.ok(r.built[0 * nR + works] === 0, 'nothing is on line in the first period');
    assert.ok(r.available[2 * nR + works] >= 2 - 1e-9, 'capacity for two tractors in period 3');
  });
  test('an initial stock of grain replaces farming; without storage it is lost', async () => {
    const stocked = small(SMALL.replace('initial_stock: 0', 'initial_stock: 5'));
    const r = await solvePlan(compileEconomy(stocked), { objective: 'mincost', solver: highsSolver });
    assert.ok(Math.abs(r.objectiveValue - 1) < 1e-9, `labour ${r.objectiveValue}`);
    const perishable = small(SMALL.replace('initial_stock: 0', 'initial_stock: 5, storable: false'));
    const q = await solvePlan(compileEconomy(perishable), { objective: 'mincost', solver: highsSolver });
    assert.ok(Math.abs(q.objectiveValue - 4) < 1e-9, `labour ${q.objectiveValue}`);
  });
  test('infeasible targets: status, smallest reductions and the conflicting resource', async () => {
    // 13 t of grain in period 2 with 10 person-years a period: feasible only by storing grain from period 1.
    const text = SMALL.replace('- { product: grain, amount: 1 }', '- { product: grain, amount: 13, period: 2 }');
    const ok = await solvePlan(compileEconomy(small(text)), { objective: 'mincost', solver: highsSolver });
    assert.equal(ok.status, 'optimal');
    assert.ok(ok.stock[0 * 3 + 0] >= 3 - 1e-9, 'grain is stored from period 1');
    const r = await solvePlan(compileEconomy(small(text.replace("{ id: grain, unit: t, initial_stock: 0 }", '{ id: grain, unit: t, storable: false }'))), { objective: 'mincost', solver: highsSolver });
    assert.ok(r.status === 'infeasible' || r.status === 'infeasible-or-unbounded', r.status);
    assert.ok(r.diagnosis?.kind === 'infeasible');
    assert.equal(r.diagnosis.shortfalls.length, 1);
    assert.equal(r.diagnosis.shortfalls[0].product, 'grain');
    assert.equal(r.diagnosis.shortfalls[0].period, '2');
    assert.ok(Math.abs(r.diagnosis.shortfalls[0].shortfall - 3) < 1e-9, `short ${r.diagnosis.shortfalls[0].shortfall}`);
    assert.ok(r.diagnosis.binding.some((b) => b.id === 'labour' && b.period === '2'));
  });
});

describe('solvePlan on the 1930 example', () => {
  test('maxmin balances where the hand-set plan did not, and names the bottlenecks', async () => {
    const e = read('examples', 'ussr-1930', 'economy.yaml');
    const c = compileEconomy(e);
    const r = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    assert.ok(Math.abs(r.lambda[0] - 1) < 1e-12, 'the priority regions get their norms in full');
    assert.ok(r.lambda[1] >= 1, 'every other target is met too');
    const nT = c.techniques.ids.length;
    const n = c.items.ids.length;
    const plan = planOfPeriod(r, 0);
    assert.equal(plan.period, '1930');
    const report = balancePlan(c, { activity: r.activity.slice(0, nT), imports: r.imports.slice(0, n), exports: r.exports.slice(0, n), period: 0 });
    assert.equal(report.balances, true, `deficits: ${Array.from(report.deficits, (i) => c.items.ids[i]).join(', ')}`);
    assert.equal(report.withinLimits, true);
    // Every period's plan, written as a plan file would be (stocks drawn and added, capacity
    // built before), balances and fits on its own.
    for (let t = 0; t < c.periods.ids.length; t++) {
      const p = planActivities(c, planOfPeriod(r, t));
      assert.equal(p.period, t);
      const rt = balancePlan(c, p);
      assert.equal(rt.balances, true, `${c.periods.ids[t]} deficits: ${Array.from(rt.deficits, (i) => c.items.ids[i]).join(', ')}`);
      assert.equal(rt.withinLimits, true, `${c.periods.ids[t]} over: ${Array.from(rt.resourcesOver, (k) => c.resources.ids[k]).join(', ')}`);
    }
    const names = new Set(r.bottlenecks.map((b) => b.id));
    assert.ok(names.has('hard_currency'), 'hard currency binds');
    assert.ok(names.has('skilled_labour'), 'skilled labour binds');
    assert.ok(['southern_lines', 'donbass_moscow', 'trans_siberian', 'turksib', 'tashkent_line'].some((id) => names.has(id)), 'a railway line binds');
  });
});
