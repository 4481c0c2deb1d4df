import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publishModel, startServer, type Harness } from './harness.js';

/** Two enterprises: one makes bolts, the other nuts; a set is a bolt and a nut. */
const MODEL = `
name: Nuts and bolts works
products:
  - { id: bolt, unit: thousand }
  - { id: nut, unit: thousand }
resources:
  - { id: labour, unit: person-year, available: 100 }
techniques:
  - { id: bolt_shop, produces: { bolt: 1 }, uses: { labour: 2 }, enterprise: bolt-works }
  - { id: nut_shop, produces: { nut: 1 }, uses: { labour: 1 }, enterprise: nut-works }
targets:
  - { product: bolt, amount: 1 }
  - { product: nut, amount: 1 }
`;

describe('roles and enterprise tokens', () => {
  let h: Harness;
  let bolts: string;
  let nuts: string;
  let planId: number;
  before(async () => {
    h = await startServer();
    planId = await publishModel(h, MODEL, 'works');
    const b = await h.call('POST', '/api/enterprises', { body: { id: 'bolt-works', name: 'Bolt works' } });
    const n = await h.call('POST', '/api/enterprises', { body: { id: 'nut-works' } });
    assert.equal(b.status, 201);
    bolts = b.body.token;
    nuts = n.body.token;
  });
  after(async () => h.close());

  test('enterprise tokens are stored hashed only', async () => {
    const rows = h.store.sqlite.db.prepare('SELECT hash FROM tokens').all() as { hash: string }[];
    for (const r of rows) {
      assert.match(r.hash, /^[0-9a-f]{64}$/);
      assert.notEqual(r.hash, bolts);
    }
    assert.equal((await h.store.tokens.find(bolts))?.enterprise, 'bolt-works');
  });

  test('an enterprise reads its own part of the published plan; its numbers follow from the model', async () => {
    const a = await h.call('GET', '/api/enterprises/bolt-works/plan', { token: bolts });
    assert.equal(a.status, 200);
    assert.equal(a.body.planId, planId);
    assert.equal(a.body.techniques.length, 1);
    const t = a.body.techniques[0];
    assert.equal(t.technique, 'bolt_shop');
    // 100 labour, 3 per set: 33 1/3 sets; the bolt shop's labour is 2 per bolt.
    assert.ok(Math.abs(t.activity - 100 / 3) < 1e-6, String(t.activity));
    assert.ok(Math.abs(t.resources.labour - 2 * t.activity) < 1e-9);
    assert.ok(Math.abs(t.outputs.bolt - t.activity) < 1e-9);
    const planner = await h.call('GET', '/api/enterprises/nut-works/plan');
    assert.equal(planner.status, 200);
  });

  test('an enterprise cannot read another’s plan nor do a planner’s work (403); no or unknown token is 401', async () => {
    assert.equal((await h.call('GET', '/api/enterprises/nut-works/plan', { token: bolts })).status, 403);
    assert.equal((await h.call('POST', `/api/plans/${planId}/publish`, { token: nuts })).status, 403);
    assert.equal((await h.call('GET', '/api/models', { token: nuts })).status, 403);
    assert.equal((await h.call('POST', '/api/enterprises', { token: nuts, body: { id: 'x' } })).status, 403);
    const none = await h.call('GET', '/api/enterprises/bolt-works/plan', { token: null });
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 'unauthenticated');
    assert.equal((await h.call('GET', '/api/published', { token: 'made-up' })).status, 401);
    assert.equal((await h.call('GET', '/api/health', { token: null })).status, 200);
  });

  test('alerts and reports: an enterprise sees only its own', async () => {
    (await h.store.alerts.add({ enterprise: 'bolt-works', period: '1', item: 'bolt', kind: 'under-delivery', level: 'warning', planned: 10, actual: 9, deviation: -0.1, message: 'bolts 10% short', reportId: null }));
    (await h.store.alerts.add({ enterprise: 'nut-works', period: '1', item: 'nut', kind: 'under-delivery', level: 'critical', planned: 10, actual: 5, deviation: -0.5, message: 'nuts 50% short', reportId: null }));
    const own = await h.call('GET', '/api/alerts', { token: bolts });
    assert.deepEqual(
      own.body.map((a: { enterprise: string }) => a.enterprise),
      ['bolt-works'],
    );
    assert.equal((await h.call('GET', '/api/alerts?enterprise=nut-works', { token: bolts })).status, 403);
    const critical = await h.call('GET', '/api/alerts?level=critical');
    assert.deepEqual(
      critical.body.map((a: { item: string }) => a.item),
      ['nut'],
    );
  });
});
