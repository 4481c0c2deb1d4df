import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createScenario } from '../../src/service/create-scenario.js';
import { publishPlan } from '../../src/service/publish-plan.js';
import { replanPublished } from '../../src/service/replan-published.js';
import { solveScenario } from '../../src/service/solve-scenario.js';
import { storedPlan } from '../../src/service/stored-plan.js';
import { uploadModel } from '../../src/service/upload-model.js';
import { openSqliteStore } from '../../src/store/index.js';
import { refusal } from './refusal.js';
import { runTask } from './small-service.js';

/**
 * Widgets by hand (2 h each) or by a plant that runs at 0 or at least its lot of 5 (1 h each);
 * 4 widgets wanted a period; 5 h of labour in p1, 4.5 h in p2. In p2 the plant cannot reach its
 * lot: by hand, 2.25 widgets (λ 0.5625); the relaxation runs the plant below its lot, at 4.5 (λ 1.125).
 */
const LOT = `
periods: [p1, p2]
products: [{ id: widget, unit: unit, storable: false }]
resources: [{ id: labour, unit: h, available: { p1: 5, p2: 4.5 } }]
techniques:
  - { id: by_hand, produces: { widget: 1 }, uses: { labour: 2 } }
  - { id: plant, produces: { widget: 1 }, uses: { labour: 1 }, capacity: 100, min_lot: 5 }
targets: [{ product: widget, amount: 4 }]
`;

interface ReplanDoc {
  mip: { method: string; requestedGap: number; gap: number } | null;
  residuals: { primal: number; dual: number; gap: number };
  plants: { technique: string; period: string; kind: string }[];
  replan: { fromPeriod: string; future: { lambda: Record<string, number> | null } };
}

describe('re-planning whole plants', () => {
  test('a re-plan solves the future by branch and bound to the mipGap asked, or as the relaxation with relaxIntegers; PDHG without it refused before any work', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    await uploadModel(store, { id: 'lot', format: 'yaml', text: LOT });
    const s = await createScenario(store, { modelId: 'lot', name: 'as it stands', overrides: [] });
    const planId = await runTask(store, await solveScenario(store, s.id, { solver: 'highs' }));
    await publishPlan(store, planId);

    const whole = await replanPublished(store, { fromPeriod: 'p2', solver: 'highs', mipGap: 0.01 });
    assert.equal(whole.input.mipGap, 0.01);
    const w = await storedPlan(store, await runTask(store, whole.task));
    assert.equal(w.status, 'optimal');
    const wd = w.result as ReplanDoc;
    assert.equal(wd.replan.fromPeriod, 'p2');
    assert.equal(wd.mip?.method, 'branch-and-bound');
    assert.equal(wd.mip.requestedGap, 0.01);
    // Residuals checked on the LP whose duals are reported (the integer columns fixed): was a gap of 0.85.
    assert.ok(wd.residuals.primal <= 1e-9 && wd.residuals.dual <= 1e-9 && wd.residuals.gap <= 1e-9, JSON.stringify(wd.residuals));
    assert.ok(wd.mip.gap <= 0.01);
    assert.ok(Math.abs((wd.replan.future.lambda?.['1'] ?? 0) - 2.25 / 4) < 1e-6, JSON.stringify(wd.replan.future.lambda));
    assert.deepEqual(wd.plants.map((p) => [p.technique, p.period]), [['plant', 'p1']]);

    const relaxed = await replanPublished(store, { fromPeriod: 'p2', solver: 'highs', relaxIntegers: true });
    const rd = (await storedPlan(store, await runTask(store, relaxed.task))).result as ReplanDoc;
    assert.equal(rd.mip?.method, 'relaxation');
    assert.equal(relaxed.input.relaxIntegers, true);
    assert.ok(Math.abs((rd.replan.future.lambda?.['1'] ?? 0) - 4.5 / 4) < 1e-6, JSON.stringify(rd.replan.future.lambda));

    const pdhg = await refusal(replanPublished(store, { fromPeriod: 'p2', solver: 'pdhg' }));
    assert.equal(pdhg.input?.what, 'the request');
    assert.equal(pdhg.input.error.issues[0].code, 'integer-model');
    assert.deepEqual(pdhg.input.error.issues[0].location.path, ['solver']);
    assert.equal((await replanPublished(store, { fromPeriod: 'p2', solver: 'pdhg', relaxIntegers: true })).input.solver, 'pdhg');
    await store.close();
  });
});
