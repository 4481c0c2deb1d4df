import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareStoredPlans } from '../../src/service/compare-stored-plans.js';
import { createScenario } from '../../src/service/create-scenario.js';
import { publishedPlanRecord } from '../../src/service/published-plan-record.js';
import { solveScenario } from '../../src/service/solve-scenario.js';
import { storedPlan } from '../../src/service/stored-plan.js';
import { refusal } from './refusal.js';
import { publishedSmall, runTask, smallStore } from './small-service.js';

describe('solveScenario, publishPlan, compareStoredPlans', () => {
  test('nothing published is not found (not-published)', async () => {
    const store = await smallStore();
    const e = await refusal(publishedPlanRecord(store));
    assert.equal(e.kind, 'not-found');
    assert.equal(e.code, 'not-published');
    await store.close();
  });

  test('the solved plan is stored optimal and published; a scenario with less bread in the south compares against it', async () => {
    const { store, planId, scenarioId } = await publishedSmall();
    const plan = await storedPlan(store, planId);
    assert.equal(plan.status, 'optimal');
    assert.equal(plan.scenarioId, scenarioId);
    const pub = await publishedPlanRecord(store);
    assert.equal(pub.planId, planId);
    assert.equal(pub.plan.id, planId);

    const same = await compareStoredPlans(store, planId, planId);
    assert.deepEqual([same.a, same.b], [planId, planId]);
    assert.equal(same.objective.change, 0);
    assert.deepEqual(same.activity, []);
    assert.ok(same.targets.every((t) => !t.changed && t.fulfilment.change === 0));

    const s = await createScenario(store, { modelId: 'small', name: 'less bread in the south', overrides: [{ kind: 'target', product: 'bread', region: 'south', factor: 0.5 }] });
    const alt = await runTask(store, await solveScenario(store, s.id, { solver: 'highs' }));
    const c = await compareStoredPlans(store, planId, alt);
    assert.equal(c.objective.a, plan.objective);
    // Half the southern bread frees labour for the north (tier 2): its fulfilment rises.
    const north = c.targets.find((t) => t.item === 'bread@north' && t.period === 'p1');
    assert.ok(north !== undefined && north.changed && (north.fulfilment.change ?? 0) > 0, JSON.stringify(north));
    const bakery = c.activity.find((x) => x.technique === 'bakery_south' && x.period === 'p1');
    assert.deepEqual(bakery?.activity, { a: 90, b: 45, change: -45 });
    await store.close();
  });
});
