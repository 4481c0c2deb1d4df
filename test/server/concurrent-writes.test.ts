import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { delayedStore } from '../helpers/delayed-store.js';
import { exampleText } from './harness.js';

const TOKEN = 'planner-token-for-concurrency';

// Route handlers await the store, so requests interleave between their reads and writes (over a
// store across a network: here one that answers a turn of the event loop later); a check and the
// write it guards are therefore made in one transaction.
describe('concurrent writes over HTTP', () => {
  let store: SqliteStore;
  let app: FastifyInstance;
  const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${TOKEN}` }, payload: body as object });
  before(async () => {
    store = openSqliteStore({ dir: ':memory:' });
    await store.tokens.add(TOKEN, 'planner', null);
    app = await buildServer({ store: delayedStore(store) });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test('uploads of one new model id at once: one is stored (201), the others are 409', async () => {
    const text = exampleText('kantorovich', 'machine-tools.yaml');
    const answers = await Promise.all([1, 2, 3, 4].map(() => post('/api/models', { format: 'yaml', text, id: 'tools' })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409, 409]);
    assert.equal(await store.models.count(), 1, 'one version stored');
  });

  test('uploads of one model without an id at once: its name gives one id, stored once', async () => {
    const text = exampleText('kantorovich', 'machine-tools.yaml');
    const before = await store.models.count();
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/models', { format: 'yaml', text })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409]);
    assert.equal(await store.models.count(), before + 1);
  });

  test('regionalised models stored under one new id at once: one is stored, the others are 409', async () => {
    await post('/api/models', { format: 'yaml', text: exampleText('miller-blair', 'economy.yaml'), id: 'miller-blair' });
    const body = { method: 'slq', regional: { sector_1: 10, sector_2: 40 }, national: { sector_1: 100, sector_2: 100 }, store: { id: 'region' } };
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/models/miller-blair/regionalise', body)));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409, 409]);
    assert.equal((await store.models.get('region'))?.version, 1);
    assert.equal((await store.models.get('region', 2)), undefined);
  });

  test('registrations of one enterprise at once: one is stored (201) with its token, the others are 409', async () => {
    const model = 'name: Works\nproducts:\n  - { id: bolt, unit: t }\nresources:\n  - { id: labour, unit: h, available: 10 }\ntechniques:\n  - { id: shop, produces: { bolt: 1 }, uses: { labour: 1 }, enterprise: bolt-works }\n';
    assert.equal((await post('/api/models', { format: 'yaml', text: model, id: 'works' })).statusCode, 201);
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/enterprises', { id: 'bolt-works' })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409]);
    assert.equal(await store.tokens.count('enterprise'), 1, 'one token: the refused registrations left none');
  });
});
