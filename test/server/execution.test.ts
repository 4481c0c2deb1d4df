import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publishModel, startServer, waitForJob, type Harness } from './harness.js';
import { WORKS_MODEL } from './works-model.js';

/** Labour per set: 1.5 + 0.5 × 1 (steel) + 1 = 3, so 100/3 sets a year. */
const SETS = 100 / 3;

describe('plan execution over HTTP', () => {
  let h: Harness;
  let planId: number;
  let token: string;
  before(async () => {
    h = await startServer();
    planId = await publishModel(h, WORKS_MODEL, 'works');
    for (const id of ['steel-mill', 'nut-works']) await h.call('POST', '/api/enterprises', { body: { id } });
    token = (await h.call('POST', '/api/enterprises', { body: { id: 'bolt-works' } })).body.token;
  });
  after(async () => h.close());

  test('a report 40% short raises a critical alert in the same write; fulfilment shows the ratio', async () => {
    const bad = await h.call('POST', '/api/reports', { token, body: { reportId: 'bw-1', enterprise: 'bolt-works', period: '1', outputs: { screw: 1 } } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.issues[0].value, 'screw');
    assert.equal((await h.store.reports.count()), 0);
    const ok = await h.call('POST', '/api/reports', { token, body: { reportId: 'bw-1', enterprise: 'bolt-works', period: '1', outputs: { bolt: 0.6 * SETS }, inputs: { steel: 0.3 * SETS } } });
    assert.equal(ok.status, 201);
    const mine = await h.call('GET', '/api/alerts', { token });
    const bolt = mine.body.find((a: { item: string }) => a.item === 'bolt');
    assert.equal(bolt.level, 'critical');
    assert.ok(Math.abs(bolt.deviation + 0.4) < 1e-9, String(bolt.deviation));
    assert.equal(bolt.reportId, 'bw-1');
    const n = (await h.store.alerts.list()).length;
    assert.equal((await h.call('POST', '/api/reports', { token, body: { reportId: 'bw-1', enterprise: 'bolt-works', period: '1', outputs: { bolt: 0.6 * SETS }, inputs: { steel: 0.3 * SETS } } })).status, 200);
    assert.equal((await h.store.alerts.list()).length, n, 'a repeated report raises nothing new');
    const f = await h.call('GET', '/api/fulfilment?period=1');
    assert.equal(f.status, 200);
    const row = f.body.enterprises.find((e: { enterprise: string; item: string; kind: string }) => e.enterprise === 'bolt-works' && e.item === 'bolt' && e.kind === 'output');
    assert.ok(Math.abs(row.ratio - 0.6) < 1e-9);
    assert.ok(Math.abs(row.planned - SETS) < 1e-6);
  });

  test('supply assignments: the steel mill supplies the bolt works half a tonne per thousand bolts', async () => {
    const sup = await h.call('GET', '/api/enterprises/bolt-works/suppliers?period=1', { token });
    assert.equal(sup.status, 200);
    assert.equal(sup.body.status, 'optimal');
    const steel = sup.body.assignments.filter((a: { product: string }) => a.product === 'steel');
    assert.equal(steel.length, 1);
    assert.equal(steel[0].from, 'steel-mill');
    assert.ok(Math.abs(steel[0].amount - 0.5 * SETS) < 1e-6);
    const cust = await h.call('GET', '/api/enterprises/steel-mill/customers?period=1');
    assert.deepEqual(
      cust.body.assignments.map((a: { to: string }) => a.to),
      ['bolt-works'],
    );
    assert.equal((await h.call('GET', '/api/enterprises/steel-mill/customers', { token })).status, 403);
  });

  test('re-planning from period 2 fixes period 1 to the report and optimises period 2 alone', async () => {
    const started = await h.call('POST', '/api/replan', { body: { fromPeriod: '2' } });
    assert.equal(started.status, 202);
    const job = await waitForJob(h, started.body.jobId);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    const plan = await h.call('GET', `/api/plans/${job.body.result.planId}`);
    assert.equal(plan.body.status, 'optimal');
    const doc = plan.body.result;
    assert.ok(Math.abs(doc.activity['1'].bolt_shop - 0.6 * SETS) < 1e-4, String(doc.activity['1'].bolt_shop));
    // One tier: year 2 alone gets its full 100/3 sets; year 1's 40% shortfall of bolts does not cap it.
    assert.ok(Math.abs(doc.lambda['1'] - SETS) < 1e-6, String(doc.lambda['1']));
    // The future's levels: period 2 alone (the fixed past has none).
    assert.deepEqual(doc.levels, { '1': { '2': doc.lambda['1'] } });
    assert.deepEqual(doc.replan.future, { periods: ['2'], lambda: doc.lambda, levels: doc.levels });
    assert.equal(doc.replan.basePlanId, planId);
    assert.deepEqual(doc.replan.past.periods, ['1']);
    // The targets are 1 bolt and 1 nut: 20 bolts fall short of nothing; the steel left is surplus.
    assert.deepEqual(doc.replan.past.shortfalls, []);
    assert.deepEqual(doc.replan.past.breaches, []);
    assert.equal((await h.call('POST', '/api/replan', { body: { fromPeriod: '1999' } })).status, 422);
  });

  test('re-planning refuses reported trade and stocks the model cannot have, located, before any job', async () => {
    const bad = await h.call('POST', '/api/replan', { body: { fromPeriod: '2', reported: { exports: { '1': { steel: 5 } }, stock: { '2': { nut: 1 } } } } });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.body.error.issues.map((i: { code: string; path: string[] }) => [i.code, i.path.join('/')]),
      [
        ['not-exportable', 'reported/exports/1/steel'],
        ['not-past', 'reported/stock/2'],
      ],
    );
    assert.equal((await h.call('POST', '/api/replan', { body: { fromPeriod: '2', reported: { exports: { '1': { steel: 'x' } } } } })).status, 400);
  });

  test('distribution answers for the published plan; an unknown product is a 422', async () => {
    const d = await h.call('GET', '/api/distribution?product=bolt&period=1&supply=10');
    assert.equal(d.status, 200);
    assert.equal(d.body.planId, planId);
    assert.equal(d.body.supply, 10);
    assert.equal((await h.call('GET', '/api/distribution?product=screw')).status, 422);
    assert.equal((await h.call('GET', '/api/distribution')).status, 400);
  });
});
