import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { executionPlan, prepareReplan, replan } from '../../src/execution/index.js';
import { InputError } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { issuesOf } from '../helpers/input-error.js';
import { small, tech } from './economies.js';
import { assertClose, compileModelFile } from './replan-case.js';
import { smallPlan } from './small-plan.js';

describe('replan on the small economy', () => {
  test('the first period is held at its actuals, the second re-optimised', async () => {
    const c = small();
    const nT = c.techniques.ids.length;
    const plan = smallPlan(c);
    const actuals = Float64Array.from(plan.activity);
    actuals[tech(c, 'bakery_south')] = 81; // the south bakery made 90% in p1
    actuals[tech(c, 'farm_south')] = 70;
    const r = await replan(c, { objective: 'weighted', solver: highsSolver, fromPeriod: 'p2', actuals, plan });
    assert.equal(r.status, 'optimal');
    assert.equal(r.fixedPeriods, 1);
    for (let j = 0; j < nT; j++) assert.equal(r.activity[j], actuals[j], c.techniques.ids[j]);
    // p2: labour 100 allows every target: bread 90 south (first tier) and 40 north.
    const south = r.formulated.index.deliveryTarget.findIndex((k, g) => k === 0 && r.formulated.index.deliveryPeriod[g] === 1);
    assert.ok(Math.abs(r.delivered[south] - 90) < 1e-6);
    // p1: the south got 81 of its 90 t (the bakery's output; nothing was stored as published).
    assert.deepEqual(r.past.shortfalls.map((s) => [s.item, s.period, s.amount, s.delivered]), [['bread@south', 'p1', 90, 81]]);
    assert.ok(r.primalResidual < 1e-9);
    assert.ok(r.timing.totalMs >= r.timing.stagesMs.reduce((s, x) => s + x, 0));
  });

  test('a past beyond its limits is reported with the excess; no limit is relaxed for the future', async () => {
    const c = small();
    const plan = smallPlan(c);
    const actuals = Float64Array.from(plan.activity);
    actuals[tech(c, 'rail_grain_north_to_south')] = 50; // the line takes 40 t a period
    actuals[tech(c, 'farm_north')] = 100;
    actuals[tech(c, 'farm_south')] = 1000; // labour: far beyond 100
    const r = await replan(c, { objective: 'maxmin', solver: highsSolver, fromPeriod: 'p2', actuals, plan });
    assert.equal(r.status, 'optimal');
    assert.equal(r.activity[tech(c, 'farm_south')], 1000);
    const labour = 0.1 * 100 + 0.2 * 1000 + 0.05 * (40 + 90) + 0.01 * 60;
    assert.deepEqual(
      r.past.breaches.map((b) => [b.kind, b.id, b.period]),
      [
        ['balance', 'haul@north', 'p1'],
        ['resource', 'labour', 'p1'],
        ['resource', 'line', 'p1'],
      ],
    );
    // 50 t by rail need 100 t-km of haulage; 60 were hauled.
    assert.deepEqual([r.past.breaches[0].limit, r.past.breaches[0].actual, r.past.breaches[0].excess], [60, 100, 40]);
    assertClose(r.past.breaches[1].actual, labour, 1e-12, 'labour used in p1');
    assertClose(r.past.breaches[1].excess, labour - 100, 1e-12, 'labour overdrawn in p1');
    assert.equal(r.past.breaches[2].excess, 10);
    // The breach is the past's alone: p2 keeps its limits, the result's own use agrees with the breach.
    const nR = c.resources.ids.length;
    const lab = c.resources.index.get('labour') ?? -1;
    assertClose(r.resourceUse[lab], labour, 1e-12, 'resource use of p1 in the result');
    assert.ok(r.resourceUse[nR + lab] <= 100 * (1 + 1e-9), `labour in p2: ${r.resourceUse[nR + lab]}`);
    assert.ok(r.bottlenecks.every((b) => b.period === 'p2'), 'only the re-optimised period has bottlenecks');
  });

  test("maxmin's default periods follow the backend as in solvePlan, and an explicit mode (a published plan's) is kept", () => {
    const c = small();
    const plan = smallPlan(c);
    const actuals = Float64Array.from(plan.activity);
    const periods = (solver: 'highs' | 'pdhg', objective: 'maxmin' | { kind: 'maxmin'; periods: 'leximin' } = 'maxmin'): unknown => {
      const o = prepareReplan(c, { objective, solver, fromPeriod: 'p2', actuals, plan }).objective;
      return o.kind === 'maxmin' ? o.periods : undefined;
    };
    assert.equal(periods('highs'), 'leximin');
    assert.equal(periods('pdhg'), 'common');
    assert.equal(periods('pdhg', { kind: 'maxmin', periods: 'leximin' }), 'leximin');
  });

  test('bad options are refused with their place', async () => {
    const c = small();
    const plan = smallPlan(c);
    await assert.rejects(replan(c, { fromPeriod: 'p7', actuals: [], plan }), InputError);
    await assert.rejects(replan(c, { fromPeriod: 'p2', actuals: [1, 2], plan }), (e: unknown) => e instanceof InputError && e.issues[0].location.path?.[0] === 'actuals');
    const bad = Array.from(plan.activity);
    bad[2] = -1;
    await assert.rejects(replan(c, { fromPeriod: 'p2', actuals: bad, plan }), (e: unknown) => e instanceof InputError && e.issues[0].value === -1);
    bad[2] = 1e308;
    await assert.rejects(replan(c, { fromPeriod: 'p2', actuals: bad, plan }), (e: unknown) => e instanceof InputError && e.issues[0].value === 1e308);
  });

  test('reported trade and stocks are checked item by item, each issue located', async () => {
    const c = compileModelFile('test/fixtures/replan/two-regions.yaml');
    const published = await solvePlan(c, { solver: highsSolver });
    const plan = executionPlan(published);
    const issues = issuesOf(() =>
      prepareReplan(c, {
        fromPeriod: 'p2',
        actuals: published.activity,
        plan,
        reported: {
          exports: { p1: { 'bread@north': 5, 'grain@north': -1 }, p2: { 'grain@north': 3 } },
          imports: { p9: { 'tool@north': 1 } },
          stock: { p1: { 'haul@north': 2, 'grain@north': Infinity, 'grain@nowhere': 1 } },
        },
      }),
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.location.path?.join('/')]),
      [
        ['not-exportable', 'reported/exports/p1/bread@north'],
        ['negative', 'reported/exports/p1/grain@north'],
        ['not-past', 'reported/exports/p2'],
        ['unknown-id', 'reported/imports/p9'],
        ['not-storable', 'reported/stock/p1/haul@north'],
        ['not-finite', 'reported/stock/p1/grain@north'],
        ['unknown-item', 'reported/stock/p1/grain@nowhere'],
      ],
    );
  });
});

describe("the issue's minimal case: a farm, a tool import paid by grain exports, a bakery", () => {
  const file = 'test/fixtures/replan/minimal.yaml';

  test('re-planned from p2 with actuals equal to the published plan: λ2 = 1, p1 still exports 50', async () => {
    const c = compileModelFile(file);
    const published = await solvePlan(c, { solver: highsSolver });
    assert.equal(published.status, 'optimal');
    assert.deepEqual(Array.from(published.lambda), [1, 1]);
    const r = await replan(c, { solver: highsSolver, fromPeriod: 'p2', actuals: published.activity, plan: executionPlan(published) });
    assert.equal(r.status, 'optimal');
    // Before: λ = [1, 1.5000001] and p1's exports 0 (the currency limit raised to fit the tool import).
    assertClose(r.lambda[1], 1, 1e-9, 'λ of tier 2');
    const grain = c.items.index.get('grain') ?? -1;
    assert.equal(r.exports[grain], 50);
    assert.equal(r.stock[grain], published.stock[grain]);
    assert.deepEqual(r.past.breaches, []);
    assert.deepEqual(r.past.shortfalls, []);
    const n = c.items.ids.length;
    assertClose(r.exports[n + grain], published.exports[n + grain], 1e-9, 'p2 exports as published');
  });

  test('a bakery short in p1 is a past shortfall beside the future, which still gets λ2 = 1', async () => {
    const c = compileModelFile(file);
    const published = await solvePlan(c, { solver: highsSolver });
    const actuals = Float64Array.from(published.activity);
    actuals[tech(c, 'bakery')] = 40;
    const r = await replan(c, { solver: highsSolver, fromPeriod: 'p2', actuals, plan: executionPlan(published) });
    assertClose(r.lambda[1], 1, 1e-9, 'λ of tier 2');
    assert.deepEqual(r.past.shortfalls.map((s) => [s.item, s.period, s.priority, s.amount, s.delivered]), [['bread', 'p1', 1, 50, 40]]);
    assert.equal(r.exports[c.items.index.get('grain') ?? -1], 50);
    // The bakery's unused grain and tools are the past's surplus.
    assert.equal(r.surplus[c.items.index.get('grain') ?? -1], 10);
  });
});
