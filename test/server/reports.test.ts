import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type Harness } from './harness.js';

describe('reports are idempotent by report id', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await startServer();
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
    assert.equal(h.store.reports.count(), 1);
    const changed = await h.call('POST', '/api/reports', { body: { ...report, outputs: { flour: 121 } }, token });
    assert.equal(changed.status, 409);
    assert.equal(changed.body.error.code, 'conflict');
    assert.equal(h.store.reports.count(), 1);
    assert.deepEqual(h.store.reports.get('mill', 'mill-1931-q1')?.body, { ...report, inputs: { grain: 150 } });
  });

  test('an enterprise reports for itself only; unknown enterprises and bad numbers are refused with nothing stored', async () => {
    const n = h.store.reports.count();
    assert.equal((await h.call('POST', '/api/reports', { body: { ...report, reportId: 'b-1', enterprise: 'bakery' }, token })).status, 403);
    assert.equal((await h.call('POST', '/api/reports', { body: { ...report, reportId: 'x-1', enterprise: 'nobody' } })).status, 422);
    const neg = await h.call('POST', '/api/reports', { body: { ...report, reportId: 'm-2', outputs: { flour: -1 } }, token });
    assert.equal(neg.status, 400);
    assert.deepEqual(neg.body.error.issues[0].path, ['body', 'outputs', 'flour']);
    assert.equal(neg.body.error.issues[0].value, -1);
    assert.equal(h.store.reports.count(), n);
    const planner = await h.call('POST', '/api/reports', { body: { ...report, reportId: 'b-2', enterprise: 'bakery', outputs: { bread: 10 } } });
    assert.equal(planner.status, 201);
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
