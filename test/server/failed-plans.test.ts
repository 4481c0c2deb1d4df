import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, waitForJob, type Harness } from './harness.js';

/**
 * A plan that did not solve to optimality is stored and served as `plenty plan --json` writes one:
 * status, message, stages and diagnosis, no numbers of the failed solve; it cannot be compared or
 * published, and its record has no objective value.
 */
describe('plans that did not solve', () => {
  let h: Harness;
  let infeasible: number;
  let optimal: number;
  const solve = async (scenario: string, body: unknown): Promise<number> => {
    const started = await h.call('POST', `/api/scenarios/${scenario}/solve`, { body });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const job = await waitForJob(h, started.body.jobId);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    return job.body.result.planId as number;
  };
  before(async () => {
    h = await startServer();
    const up = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('kantorovich', 'machine-tools.yaml'), id: 'machine-tools' } });
    assert.equal(up.status, 201);
    // 10,000 complete sets at least cost: far beyond three milling machines' days.
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: up.body.id, name: 'too many', overrides: [{ kind: 'target', product: 'part1', amount: 10000 }] } });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    infeasible = await solve(s.body.id, { objective: { kind: 'mincost', resource: 'milling' } });
    const base = await h.call('POST', '/api/scenarios', { body: { modelId: up.body.id, name: 'as it stands' } });
    optimal = await solve(base.body.id, {});
  });
  after(async () => h.close());

  test('the stored plan has its status and diagnosis and no λ, activity, fulfilment, valuations or objective value', async () => {
    const p = await h.call('GET', `/api/plans/${infeasible}`);
    assert.equal(p.status, 200);
    assert.equal(p.body.status, 'infeasible');
    assert.equal(p.body.objective, null, 'no objective value in the record');
    const doc = p.body.result as Record<string, unknown>;
    assert.equal(doc.status, 'infeasible');
    for (const key of ['lambda', 'objectiveValue', 'activity', 'targets', 'valuations', 'bottlenecks', 'residuals', 'resources']) assert.equal(key in doc, false, key);
    assert.ok(doc.diagnosis !== null && typeof doc.diagnosis === 'object', 'the diagnosis says what to reduce');
  });

  test('comparing with it or publishing it is a 409 not-optimal; two optimal plans compare', async () => {
    for (const [a, b] of [
      [optimal, infeasible],
      [infeasible, optimal],
    ]) {
      const c = await h.call('GET', `/api/plans/${a}/compare/${b}`);
      assert.equal(c.status, 409, JSON.stringify(c.body));
      assert.equal(c.body.error.code, 'not-optimal');
      assert.match(c.body.error.message, new RegExp(`plan ${infeasible} has status infeasible`));
    }
    assert.equal((await h.call('GET', `/api/plans/${optimal}/compare/${optimal}`)).status, 200);
    assert.equal((await h.call('POST', `/api/plans/${infeasible}/publish`)).status, 409);
  });
});
