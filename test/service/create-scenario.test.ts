import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createScenario } from '../../src/service/create-scenario.js';
import { scenarioEconomy } from '../../src/service/scenario-economy.js';
import { scenarioWithPlans } from '../../src/service/scenario-with-plans.js';
import { solveScenario } from '../../src/service/solve-scenario.js';
import { refusal } from './refusal.js';
import { smallStore } from './small-service.js';

describe('createScenario, scenarioWithPlans, solveScenario', () => {
  test('a scenario of the latest version with its overrides; its economy has them applied', async () => {
    const store = await smallStore();
    const s = await createScenario(store, { modelId: 'small', name: 'half the bread in the south', overrides: [{ kind: 'target', product: 'bread', region: 'south', factor: 0.5 }] });
    assert.equal(s.modelVersion, 1);
    const e = await scenarioEconomy(store, s);
    assert.deepEqual(e.targets.map((t) => [t.region, t.amount]), [['south', 45], ['north', 40]]);
    assert.deepEqual((await scenarioWithPlans(store, s.id)).plans, []);
    await store.close();
  });

  test('an override naming nothing is refused as the scenario, located, and nothing stored', async () => {
    const store = await smallStore();
    const e = await refusal(createScenario(store, { modelId: 'small', name: 'x', overrides: [{ kind: 'resource', resource: 'coal', factor: 2 }] }));
    assert.equal(e.kind, 'refused');
    assert.equal(e.input?.what, 'the scenario');
    assert.deepEqual(e.input.error.issues[0].location.path, ['overrides', 0, 'resource']);
    assert.deepEqual(await store.scenarios.list(), []);
    assert.equal((await refusal(createScenario(store, { modelId: 'big', name: 'x', overrides: [] }))).kind, 'not-found');
    await store.close();
  });

  test('a solve of no scenario is not found; an objective naming no resource is refused as the solve request', async () => {
    const store = await smallStore();
    assert.equal((await refusal(solveScenario(store, 7, {}))).message, 'no scenario with id 7');
    const s = await createScenario(store, { modelId: 'small', name: 'as it stands', overrides: [] });
    const e = await refusal(solveScenario(store, s.id, { objective: { kind: 'mincost', resource: 'coal' } }));
    assert.equal(e.kind, 'refused');
    assert.equal(e.input?.what, 'the solve request');
    assert.equal(await store.jobs.get(1), undefined);
    await store.close();
  });
});
