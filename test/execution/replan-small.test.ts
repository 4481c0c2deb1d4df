import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { replan } from '../../src/execution/index.js';
import { InputError } from '../../src/model/index.js';
import { highsSolver } from '../../src/optimize/index.js';
import { small, tech } from './economies.js';
import { smallPlan } from './small-plan.js';

describe('replan on the small economy', () => {
  test('the first period is held at its actuals, the second re-optimised', async () => {
    const c = small();
    const nT = c.techniques.ids.length;
    const actuals = Float64Array.from(smallPlan(c).activity);
    actuals[tech(c, 'bakery_south')] = 81; // the south bakery made 90% in p1
    actuals[tech(c, 'farm_south')] = 70;
    const r = await replan(c, { objective: 'weighted', solver: highsSolver, fromPeriod: 'p2', actuals });
    assert.equal(r.status, 'optimal');
    assert.equal(r.fixedPeriods, 1);
    for (let j = 0; j < nT; j++) assert.equal(r.activity[j], actuals[j], c.techniques.ids[j]);
    // p2: labour 100 allows every target: bread 90 south (first tier) and 40 north.
    const south = r.formulated.index.deliveryTarget.findIndex((k, g) => k === 0 && r.formulated.index.deliveryPeriod[g] === 1);
    assert.ok(Math.abs(r.delivered[south] - 90) < 1e-6);
    assert.ok(r.primalResidual < 1e-9);
    assert.ok(r.timing.totalMs >= r.timing.stagesMs.reduce((s, x) => s + x, 0));
  });

  test('actuals beyond a limit do not make the re-plan infeasible', async () => {
    const c = small();
    const actuals = Float64Array.from(smallPlan(c).activity);
    actuals[tech(c, 'rail_grain_north_to_south')] = 50; // the line takes 40 t a period
    actuals[tech(c, 'farm_north')] = 100;
    actuals[tech(c, 'farm_south')] = 1000; // labour: far beyond 100
    const r = await replan(c, { objective: 'maxmin', solver: highsSolver, fromPeriod: 'p2', actuals });
    assert.equal(r.status, 'optimal');
    assert.equal(r.activity[tech(c, 'farm_south')], 1000);
    assert.ok(r.bottlenecks.every((b) => b.period === 'p2'), 'only the re-optimised period has bottlenecks');
  });

  test('bad options are refused with their place', async () => {
    const c = small();
    await assert.rejects(replan(c, { fromPeriod: 'p7', actuals: [] }), InputError);
    await assert.rejects(replan(c, { fromPeriod: 'p2', actuals: [1, 2] }), (e: unknown) => e instanceof InputError && e.issues[0].location.path?.[0] === 'actuals');
    const bad = Array.from(smallPlan(c).activity);
    bad[2] = -1;
    await assert.rejects(replan(c, { fromPeriod: 'p2', actuals: bad }), (e: unknown) => e instanceof InputError && e.issues[0].value === -1);
  });
});
