import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OPERATIONS } from '../../src/server/openapi.js';
import { startServer, waitForJob, type Harness } from './harness.js';

/** One product made from labour; one period. */
const MODEL = `
name: One shop
periods: ['1']
products:
  - { id: bolt, unit: thousand, storable: false }
resources:
  - { id: labour, unit: person-year, available: 10 }
techniques:
  - { id: bolt_shop, produces: { bolt: 1 }, uses: { labour: 2 } }
targets:
  - { product: bolt, amount: 1 }
`;

/** A request whose content type says JSON and whose body is empty (zero bytes), with the planner's token. */
async function emptyJson(h: Harness, method: string, path: string): Promise<{ status: number; body: { error?: { code: string; message: string; issues: { path?: unknown[]; message: string }[] }; planId?: number; publishedAt?: string } | null }> {
  const res = await fetch(h.url + path, { method, headers: { authorization: `Bearer ${h.planner}`, 'content-type': 'application/json' }, body: '' });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as never) };
}

describe('an empty JSON body: no body for a route that takes none, a located 400 for one that takes a body', () => {
  let h: Harness;
  let planId: number;
  let scenarioId: number;
  before(async () => {
    h = await startServer();
    assert.equal((await h.call('POST', '/api/models', { body: { format: 'yaml', text: MODEL, id: 'shop' } })).status, 201);
    scenarioId = (await h.call('POST', '/api/scenarios', { body: { modelId: 'shop', name: 'base' } })).body.id as number;
    const job = await waitForJob(h, (await h.call('POST', `/api/scenarios/${scenarioId}/solve`, { body: {} })).body.jobId as number);
    planId = job.body.result.planId as number;
  });
  after(async () => h.close());

  test('POST /plans/:id/publish with content-type application/json and no bytes publishes the plan', async () => {
    const r = await emptyJson(h, 'POST', `/api/plans/${planId}/publish`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body?.planId, planId);
    assert.equal(typeof r.body?.publishedAt, 'string');
    const pub = await h.call('GET', '/api/published');
    assert.equal(pub.status, 200);
    assert.equal(pub.body.planId, planId);
  });

  test('every other route that takes no body reads an empty one as none (no 400)', async () => {
    const noBody = OPERATIONS.filter((o) => o.method !== 'get' && o.body === undefined);
    assert.ok(noBody.length >= 2, 'publish and cancel take no body');
    for (const op of noBody) {
      const path = op.path.replace(':id', op.path.startsWith('/api/jobs') ? '999999' : String(planId));
      const r = await emptyJson(h, op.method.toUpperCase(), path);
      assert.notEqual(r.status, 400, `${op.method} ${op.path}: ${JSON.stringify(r.body)}`);
      assert.ok(r.status < 500, `${op.method} ${op.path}: ${r.status}`);
    }
  });

  test('every route that takes a body refuses an empty one with a 400 located at the body', async () => {
    const withBody = OPERATIONS.filter((o) => o.body !== undefined);
    assert.ok(withBody.length >= 6);
    for (const op of withBody) {
      const path = op.path.replace(':id', op.path.startsWith('/api/scenarios') ? String(scenarioId) : 'shop');
      const r = await emptyJson(h, op.method.toUpperCase(), path);
      assert.equal(r.status, 400, `${op.method} ${op.path}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body?.error?.code, 'invalid-request', `${op.method} ${op.path}`);
      assert.deepEqual(r.body.error.issues.map((i) => i.path), [['body']], `${op.method} ${op.path}`);
      assert.match(r.body.error.issues[0].message, /empty/);
    }
  });

  test('an empty body is not JSON text: whitespace alone or a broken document is still a 400 invalid-json, with or without a body schema', async () => {
    for (const [method, path] of [
      ['POST', `/api/plans/${planId}/publish`],
      ['POST', '/api/enterprises'],
    ] as const) {
      for (const raw of [' ', '{']) {
        const r = await h.call(method, path, { raw });
        assert.equal(r.status, 400, `${path} ${JSON.stringify(raw)}`);
        assert.equal(r.body.error.code, 'invalid-json');
      }
    }
  });
});
