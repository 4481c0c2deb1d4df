import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registerEnterprise } from '../../src/service/register-enterprise.js';
import { submitReport } from '../../src/service/submit-report.js';
import { refusal } from './refusal.js';
import { publishedSmall } from './small-service.js';

const halfBread = { reportId: 'r1', enterprise: 'South Bakery', period: 'p1', outputs: { 'bread@south': 45 }, inputs: { 'grain@south': 56.25 } };

describe('registerEnterprise and submitReport', () => {
  test('a registered enterprise reports once (created, then repeated); its alerts are stored with the report', async () => {
    const { store } = await publishedSmall();
    const e = await registerEnterprise(store, { id: 'South Bakery' });
    assert.equal(e.id, 'South Bakery');
    assert.match(e.token, /\S{16,}/);
    const first = await submitReport(store, halfBread);
    assert.equal(first.kind, 'created');
    assert.deepEqual([first.report.reportId, first.report.enterprise, first.report.period], ['r1', 'South Bakery', 'p1']);
    const alerts = await store.alerts.list({ enterprise: 'South Bakery' });
    const bread = alerts.find((a) => a.item === 'bread@south');
    assert.ok(bread !== undefined, JSON.stringify(alerts));
    assert.deepEqual([bread.planned, bread.actual, bread.reportId], [90, 45, 'r1']);
    const again = await submitReport(store, halfBread);
    assert.equal(again.kind, 'repeated');
    assert.equal((await store.reports.list({ enterprise: 'South Bakery' })).length, 1);
    assert.equal((await store.alerts.list({ enterprise: 'South Bakery' })).length, alerts.length);
    const other = await refusal(submitReport(store, { ...halfBread, outputs: { 'bread@south': 46 } }));
    assert.deepEqual([other.kind, other.code], ['conflict', 'conflict']);
    await store.close();
  });

  test('an enterprise not registered, or an item its techniques do not make, is refused and nothing is stored', async () => {
    const { store } = await publishedSmall();
    const unknown = await refusal(submitReport(store, halfBread));
    assert.deepEqual([unknown.kind, unknown.code], ['refused', 'unknown-id']);
    assert.deepEqual(unknown.issues.map((i) => i.path), [['enterprise']]);
    await registerEnterprise(store, { id: 'South Bakery' });
    const wrong = await refusal(submitReport(store, { ...halfBread, outputs: { 'bread@north': 45 } }, ['body']));
    assert.equal(wrong.input?.what, 'the report');
    assert.deepEqual(wrong.input.error.issues.map((i) => i.location.path?.slice(0, 2)), [['body', 'outputs']]);
    assert.deepEqual(await store.reports.list(), []);
    assert.deepEqual(await store.alerts.list(), []);
    const named = await refusal(registerEnterprise(store, { id: 'South Bakeri' }));
    assert.deepEqual([named.kind, named.code], ['refused', 'unknown-enterprise']);
    assert.match(named.message, /did you mean "South Bakery"/);
    assert.deepEqual((await refusal(registerEnterprise(store, { id: 'South Bakery' }))).code, 'exists');
    await store.close();
  });
});
