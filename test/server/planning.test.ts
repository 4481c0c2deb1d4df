import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, waitForJob, type Harness } from './harness.js';

/** Kantorovich (1939), machine tools: at most 86 2/3 complete sets a day. */
const SETS = 86 + 2 / 3;
const close = (a: number, b: number, rel = 1e-6): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('scenarios, solve jobs, plans', () => {
  let h: Harness;
  let model: string;
  before(async () => {
    h = await startServer();
    const up = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('kantorovich', 'machine-tools.yaml'), id: 'machine-tools' } });
    assert.equal(up.status, 201);
    model = up.body.id;
  });
  after(async () => h.close());

  async function solve(overrides: unknown[], options: unknown = {}): Promise<{ planId: number; plan: { status: string; objective: number; result: { lambda: Record<string, number>; activity: Record<string, Record<string, number>> } } }> {
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'scenario', overrides } });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    const started = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: options });
    assert.equal(started.status, 202);
    const job = await waitForJob(h, started.body.jobId);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    assert.equal(job.body.progress.fraction, 1);
    const plan = await h.call('GET', `/api/plans/${job.body.result.planId}`);
    assert.equal(plan.status, 200);
    assert.equal(plan.body.scenarioId, s.body.id);
    return { planId: job.body.result.planId, plan: plan.body };
  }

  test('the base scenario reaches Kantorovich’s 86 2/3 sets; doubling every machine doubles it; doubling the set halves it', async () => {
    const base = await solve([]);
    assert.equal(base.plan.status, 'optimal');
    assert.ok(close(base.plan.result.lambda['1'], SETS), String(base.plan.result.lambda['1']));
    const machines = ['milling', 'turret_lathe', 'automatic_turret_lathe'].map((resource) => ({ kind: 'resource', resource, factor: 2 }));
    const doubled = await solve(machines);
    assert.ok(close(doubled.plan.result.lambda['1'], 2 * SETS), String(doubled.plan.result.lambda['1']));
    const bigger = await solve([
      { kind: 'target', product: 'part1', factor: 2 },
      { kind: 'target', product: 'part2', amount: 2 },
    ]);
    assert.ok(close(bigger.plan.result.lambda['1'], SETS / 2), String(bigger.plan.result.lambda['1']));

    // Comparison: the objective doubles, every machine's use doubles, and activity changes.
    const cmp = await h.call('GET', `/api/plans/${base.planId}/compare/${doubled.planId}`);
    assert.equal(cmp.status, 200);
    assert.ok(close(cmp.body.objective.change, SETS));
    const targets = cmp.body.targets as { fulfilment: { a: number; b: number }; changed: boolean }[];
    assert.equal(targets.length, 2);
    for (const t of targets) assert.ok(close(t.fulfilment.b, 2 * t.fulfilment.a));
    assert.deepEqual(targets.map((t) => t.changed), [true, true]);
    const uses = cmp.body.resources as { resource: string; use: { a: number; b: number } }[];
    assert.equal(uses.length, 3);
    for (const u of uses) assert.ok(close(u.use.b, 2 * u.use.a), u.resource);
    assert.ok(cmp.body.activity.length > 0);
    const same = await h.call('GET', `/api/plans/${base.planId}/compare/${base.planId}`);
    assert.deepEqual([same.body.activity, same.body.resources, same.body.bottlenecks.onlyA, same.body.bottlenecks.onlyB], [[], [], [], []]);
    assert.ok((same.body.targets as { changed: boolean }[]).every((t) => !t.changed), 'a plan against itself: no target changed');

    // Publish: one published plan at a time.
    assert.equal((await h.call('GET', '/api/published')).status, 404);
    assert.equal((await h.call('POST', `/api/plans/${base.planId}/publish`)).status, 200);
    assert.equal((await h.call('POST', `/api/plans/${doubled.planId}/publish`)).status, 200);
    const pub = await h.call('GET', '/api/published');
    assert.equal(pub.body.planId, doubled.planId);
    assert.equal(pub.body.plan.id, doubled.planId);
  });

  test('maxmin with periods common: the plan says so, and its one period’s level is λ', async () => {
    const r = await solve([], { objective: { kind: 'maxmin', periods: 'common' } });
    const result = r.plan.result as unknown as { objective: { periods: string }; levels: Record<string, Record<string, number>>; lambda: Record<string, number> };
    assert.equal(result.objective.periods, 'common');
    assert.deepEqual(result.levels, { '1': { '1': result.lambda['1'] } });
    assert.ok(close(result.lambda['1'], SETS));
  });

  test('overrides naming nothing in the model are a 422 located at the override; bad solve options a 400 or 422', async () => {
    const n = (await h.store.scenarios.list()).length;
    const a = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'x', overrides: [{ kind: 'resource', resource: 'lathe', factor: 2 }] } });
    assert.equal(a.status, 422);
    assert.deepEqual(a.body.error.issues[0].path, ['overrides', 0, 'resource']);
    assert.equal(a.body.error.issues[0].value, 'lathe');
    const b = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'x', overrides: [{ kind: 'resource', resource: 'milling', factor: -1 }] } });
    assert.equal(b.status, 400);
    assert.equal((await h.store.scenarios.list()).length, n);
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'ok' } });
    const c = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: { objective: { kind: 'mincost', resource: 'coal' } } });
    assert.equal(c.status, 422);
    const d = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: { solver: 'simplex' } });
    assert.equal(d.status, 400);
    const e = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: { objective: { kind: 'maxmin', periods: 'each' } } });
    assert.equal(e.status, 400);
    assert.equal((await h.call('POST', '/api/scenarios/999/solve', { body: {} })).status, 404);
  });

  test('a cancelled job stops and stores no plan; a queued one never starts', async () => {
    const up = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('ussr-1930', 'economy.yaml'), id: 'ussr-1930' } });
    assert.equal(up.status, 201);
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: 'ussr-1930', name: 'to cancel' } });
    const plansBefore = (await h.store.plans.list()).length;
    const first = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} });
    const second = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} });
    const c2 = await h.call('DELETE', `/api/jobs/${second.body.jobId}`);
    assert.equal(c2.body.cancelled, true);
    const c1 = await h.call('DELETE', `/api/jobs/${first.body.jobId}`);
    assert.equal(c1.body.cancelled, true);
    assert.equal((await waitForJob(h, first.body.jobId)).body.status, 'cancelled');
    assert.equal((await waitForJob(h, second.body.jobId)).body.status, 'cancelled');
    // Cancelling a finished job changes nothing.
    assert.equal((await h.call('DELETE', `/api/jobs/${first.body.jobId}`)).body.cancelled, false);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await h.store.plans.list()).length, plansBefore);
    assert.equal((await h.store.jobs.get(second.body.jobId))?.planId, null);
  });
});
