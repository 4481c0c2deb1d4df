import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, type Harness } from './harness.js';

/** POST /api/models/:id/regionalise: requests refused before any work, answered 400 with the field located in the body. */
describe('POST /api/models/:id/regionalise: invalid requests', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    const a = await h.call('POST', '/api/models', { body: { id: 'miller-blair', format: 'yaml', text: exampleText('miller-blair', 'economy.yaml') } });
    assert.equal(a.status, 201);
  });
  after(async () => h.close());

  const refused = async (body: Record<string, unknown>): Promise<unknown> => {
    const r = await h.call('POST', '/api/models/miller-blair/regionalise', { body });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    return r.body;
  };

  test('delta without FLQ, the data both or neither way, national with csv, a sector in one record only; nothing stored', async () => {
    const at = (body: unknown) => (body as { error: { code: string; message: string; issues: unknown[] } }).error;
    const delta = at(await refused({ method: 'slq', delta: 0.3, regional: { sector_1: 1, sector_2: 1 }, store: { id: 'never' } }));
    assert.equal(delta.code, 'invalid-request');
    assert.equal(delta.message, '`delta` is the FLQ’s: send it with method flq');
    assert.deepEqual(delta.issues, [{ path: ['body', 'delta'], message: 'flq only', value: 0.3 }]);
    assert.deepEqual(at(await refused({ method: 'slq' })).issues, [{ path: ['body', 'csv'], message: 'send csv or regional' }]);
    assert.deepEqual(at(await refused({ method: 'slq', csv: 'sector,regional\nsector_1,1\n', regional: { sector_1: 1 } })).issues, [{ path: ['body', 'csv'], message: 'send csv or regional' }]);
    assert.deepEqual(at(await refused({ method: 'slq', csv: 'sector,regional\nsector_1,1\n', national: { sector_1: 1 } })).issues, [{ path: ['body', 'national'], message: 'with regional only' }]);
    const one = at(await refused({ method: 'slq', regional: { sector_1: 1, sector_2: 1 }, national: { sector_1: 1 } }));
    assert.equal(one.message, '"sector_2" is in one of regional and national only');
    assert.deepEqual(one.issues, [{ path: ['body', 'national', 'sector_2'], message: 'in one of regional and national only', value: 'sector_2' }]);
    const models = await h.call('GET', '/api/models');
    assert.equal(models.status, 200);
    assert.ok(!JSON.stringify(models.body).includes('never'));
  });
});
