import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, waitForJob, type Harness } from './harness.js';

describe('POST /api/models/:id/balance of a stored optimal plan (planId)', () => {
  let h: Harness;
  let planId: number;
  before(async () => {
    h = await startServer();
    assert.equal((await h.call('POST', '/api/models', { body: { id: 'ussr', format: 'yaml', text: exampleText('ussr-1930', 'economy.yaml') } })).status, 201);
    assert.equal((await h.call('POST', '/api/models', { body: { id: 'mb', format: 'yaml', text: exampleText('miller-blair', 'economy.yaml') } })).status, 201);
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: 'ussr', name: 'as it stands', overrides: [] } });
    const started = await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} });
    const job = await waitForJob(h, started.body.jobId, 120_000);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    planId = job.body.result.planId;
  });
  after(async () => h.close());

  test('every period of an optimal plan balances and fits its limits; the items carry their units', async () => {
    const plan = await h.call('GET', `/api/plans/${planId}`);
    assert.equal(plan.body.status, 'optimal');
    for (const period of Object.keys(plan.body.result.activity as Record<string, unknown>)) {
      const b = await h.call('POST', '/api/models/ussr/balance', { body: { planId, period, all: true } });
      assert.equal(b.status, 200, JSON.stringify(b.body));
      assert.equal(b.body.period, period);
      assert.match(b.body.plan, new RegExp(`Optimal plan ${planId}`));
      assert.equal(b.body.counts.deficit, 0, `${period}: ${JSON.stringify(b.body.deficits.map((d: { id: string; deficit: number }) => [d.id, d.deficit]))}`);
      assert.equal(b.body.withinLimits, true, `${period}: ${JSON.stringify(b.body.limits)}`);
      assert.ok(b.body.items.every((i: { unit: string }) => typeof i.unit === 'string' && i.unit !== ''));
    }
  });

  test('the model’s own plan: closing requirements list the extra resources, largest share first', async () => {
    const b = await h.call('POST', '/api/models/ussr/balance', { body: {} });
    assert.equal(b.status, 200);
    assert.ok(b.body.closing.each.length > 0);
    for (const r of b.body.closing.each) {
      assert.ok(r.needs.length > 0);
      for (let k = 1; k < r.needs.length; k++) assert.ok(r.needs[k - 1].share >= r.needs[k].share);
      for (const n of r.needs) assert.equal(n.extra, r.resources[n.id]);
    }
  });

  test('refusals: a plan of another model (422), an unknown plan (404), plan and planId together (400)', async () => {
    assert.equal((await h.call('POST', '/api/models/mb/balance', { body: { planId } })).status, 422);
    assert.equal((await h.call('POST', '/api/models/ussr/balance', { body: { planId: 9999 } })).status, 404);
    assert.equal((await h.call('POST', '/api/models/ussr/balance', { body: { planId, plan: {} } })).status, 400);
  });
});
