import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, waitForJob, type Harness } from './harness.js';

/**
 * Numbers up to 1e30 through the service: an override of 1e25 machine-days and a time limit of
 * 2e6 s give an optimal plan with finite numbers; larger or non-finite numbers are a 400 at their
 * path, and nothing is stored.
 */
describe('large numbers in scenarios and solve options', () => {
  let h: Harness;
  let model: string;
  before(async () => {
    h = await startServer();
    const up = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('kantorovich', 'machine-tools.yaml'), id: 'machine-tools' } });
    assert.equal(up.status, 201);
    model = up.body.id;
  });
  after(async () => h.close());

  test('available: 1e25 for the automatic lathe, time limit 2e6 s: optimal, λ = 1e25 × 2400/110 (it was unbounded with λ NaN, or stopped at once)', async () => {
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'big', overrides: [{ kind: 'resource', resource: 'automatic_turret_lathe', available: 1e25 }] } });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    const started = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: { timeLimit: 2e6 } });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const job = await waitForJob(h, started.body.jobId);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    const plan = await h.call('GET', `/api/plans/${job.body.result.planId}`);
    assert.equal(plan.body.status, 'optimal');
    const lambda = Number(plan.body.result.lambda['1']);
    assert.ok(Math.abs(lambda / (1e25 * (2400 / 110)) - 1) < 1e-6, `λ = ${lambda}`);
  });

  test('an override or a time limit beyond 1e30, or not finite (1e400 in JSON), is a 400 at its path; nothing is stored', async () => {
    const before = (await h.store.scenarios.list()).length;
    const a = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'x', overrides: [{ kind: 'resource', resource: 'milling', available: 1e31 }] } });
    assert.equal(a.status, 400);
    assert.deepEqual(a.body.error.issues[0].path, ['body', 'overrides', 0, 'available']);
    const raw = `{"modelId":"${model}","name":"x","overrides":[{"kind":"resource","resource":"milling","available":1e400}]}`;
    const b = await h.call('POST', '/api/scenarios', { raw, headers: { 'content-type': 'application/json' } });
    assert.equal(b.status, 400);
    assert.deepEqual(b.body.error.issues[0].path, ['body', 'overrides', 0, 'available']);
    const c = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'x', overrides: [{ kind: 'resource', resource: 'milling', factor: 1e30 }] } });
    assert.equal(c.status, 422);
    assert.deepEqual(c.body.error.issues[0].path, ['overrides', 0, 'factor']);
    assert.equal((await h.store.scenarios.list()).length, before);
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: model, name: 'ok' } });
    const d = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: { timeLimit: 1e31 } });
    assert.equal(d.status, 400);
    assert.deepEqual(d.body.error.issues[0].path, ['body', 'timeLimit']);
  });
});
