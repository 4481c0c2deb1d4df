import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type Harness } from './harness.js';

/** A mill and a bakery; the model is stored, no plan is published. */
const MODEL = `
name: Mill and bakery
periods: ['1931', '1932']
products:
  - { id: grain, unit: t }
  - { id: flour, unit: t }
  - { id: bread, unit: t }
resources:
  - { id: labour, unit: person-year, available: 100 }
techniques:
  - { id: farming, produces: { grain: 1 }, uses: { labour: 0.1 } }
  - { id: milling, produces: { flour: 1 }, consumes: { grain: 1.25 }, uses: { labour: 0.01 }, enterprise: mill }
  - { id: baking, produces: { bread: 1 }, consumes: { flour: 0.8 }, uses: { labour: 0.02 }, enterprise: bakery }
targets:
  - { product: bread, amount: 100 }
`;

describe('reports are idempotent by report id', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await startServer();
    assert.equal((await h.call('POST', '/api/models', { body: { format: 'yaml', text: MODEL, id: 'mill-and-bakery' } })).status, 201);
    token = (await h.call('POST', '/api/enterprises', { body: { id: 'mill', name: 'Flour mill' } })).body.token;
    await h.call('POST', '/api/enterprises', { body: { id: 'bakery' } });
  });
  after(async () => h.close());

  const report = { reportId: 'mill-1931-q1', enterprise: 'mill', period: '1931', outputs: { flour: 120 }, inputs: { grain: 150 } };

  test('first submission 201, a retry 200 with the same report and nothing counted twice, the same id with another body 409', async () => {
    const first = await h.call('POST', '/api/reports', { body: report, token });
    assert.equal(first.status, 201);
    const retry = await h.call('POST', '/api/reports', { body: { inputs: { grain: 150 }, outputs: { flour: 120 }, period: '1931', enterprise: 'mill', reportId: 'mill-1931-q1' }, token });
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, first.body);
    assert.equal((await h.store.reports.count()), 1);
    const changed = await h.call('POST', '/api/reports', { body: { ...report, outputs: { flour: 121 } }, token });
    assert.equal(changed.status, 409);
    assert.equal(changed.body.error.code, 'conflict');
    assert.equal((await h.store.reports.count()), 1);
    assert.deepEqual((await h.store.reports.get('mill', 'mill-1931-q1'))?.body, { ...report, inputs: { grain: 150 } });
  });

  test('an enterprise reports for itself only; unknown enterprises and bad numbers are refused with nothing stored', async () => {
    const n = (await h.store.reports.count());
    assert.equal((await h.call('POST', '/api/reports', { body: { ...report, reportId: 'b-1', enterprise: 'bakery' }, token })).status, 403);
    assert.equal((await h.call('POST', '/api/reports', { body: { ...report, reportId: 'x-1', enterprise: 'nobody' } })).status, 422);
    const neg = await h.call('POST', '/api/reports', { body: { ...report, reportId: 'm-2', outputs: { flour: -1 } }, token });
    assert.equal(neg.status, 400);
    assert.deepEqual(neg.body.error.issues[0].path, ['body', 'outputs', 'flour']);
    assert.equal(neg.body.error.issues[0].value, -1);
    assert.equal((await h.store.reports.count()), n);
    const planner = await h.call('POST', '/api/reports', { body: { ...report, reportId: 'b-2', enterprise: 'bakery', outputs: { bread: 10 }, inputs: {} } });
    assert.equal(planner.status, 201);
    // Without a published plan a report is checked against the stored model that names its enterprise.
    const notMine = await h.call('POST', '/api/reports', { body: { ...report, reportId: 'm-3', outputs: { bread: 10 } }, token });
    assert.equal(notMine.status, 422);
    assert.deepEqual(notMine.body.error.issues[0].path, ['body', 'outputs', 'bread']);
    const noPeriod = await h.call('POST', '/api/reports', { body: { ...report, reportId: 'm-4', period: '1999' }, token });
    assert.equal(noPeriod.status, 422);
    assert.equal((await h.store.reports.count()), n + 1);
  });

  test('listing: planners see all, an enterprise its own', async () => {
    const all = await h.call('GET', '/api/reports');
    assert.deepEqual(all.body.map((r: { reportId: string }) => r.reportId).sort(), ['b-2', 'mill-1931-q1']);
    const own = await h.call('GET', '/api/reports', { token });
    assert.deepEqual(
      own.body.map((r: { reportId: string }) => r.reportId),
      ['mill-1931-q1'],
    );
    assert.equal((await h.call('GET', '/api/reports?enterprise=bakery', { token })).status, 403);
    const byPeriod = await h.call('GET', '/api/reports?period=1932');
    assert.deepEqual(byPeriod.body, []);
  });
});
