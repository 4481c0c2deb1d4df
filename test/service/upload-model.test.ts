import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addModelVersion } from '../../src/service/add-model-version.js';
import { modelDetail } from '../../src/service/model-detail.js';
import { uploadModel } from '../../src/service/upload-model.js';
import { openSqliteStore } from '../../src/store/index.js';
import { SMALL_YAML } from '../execution/economies.js';
import { refusal } from './refusal.js';

describe('uploadModel, addModelVersion, modelDetail', () => {
  test('a model is stored as version 1 under its slug, with its summary; a new version keeps the name', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    const m = await uploadModel(store, { format: 'yaml', text: SMALL_YAML });
    assert.equal(m.id, 'two-regions');
    assert.equal(m.version, 1);
    assert.equal(m.name, 'Two regions');
    assert.deepEqual(m.summary, { name: 'Two regions', periods: ['p1', 'p2'], regions: 2, products: 3, resources: 2, techniques: 6, targets: 2, enterprises: ['North Bakery', 'North Farm', 'Railway', 'South Bakery', 'South Farm'] });
    const v2 = await addModelVersion(store, 'two-regions', { format: 'yaml', text: SMALL_YAML.replace('available: 100', 'available: 120') });
    assert.equal(v2.version, 2);
    assert.equal(v2.name, 'Two regions');
    const d = await modelDetail(store, 'two-regions');
    assert.equal(d.version, 2);
    assert.equal(d.economy.resources.find((r) => r.id === 'labour')?.available, 120);
    assert.equal((await modelDetail(store, 'two-regions', 1)).economy.resources.find((r) => r.id === 'labour')?.available, 100);
    await store.close();
  });

  test('an id or a name taken is a conflict (located at id for the name), nothing stored', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    await uploadModel(store, { id: 'small', format: 'yaml', text: SMALL_YAML });
    const given = await refusal(uploadModel(store, { id: 'small', format: 'yaml', text: SMALL_YAML }));
    assert.equal(given.kind, 'conflict');
    assert.equal(given.code, 'exists');
    assert.deepEqual(given.issues, []);
    await uploadModel(store, { format: 'yaml', text: SMALL_YAML });
    const named = await refusal(uploadModel(store, { format: 'yaml', text: SMALL_YAML }));
    assert.equal(named.kind, 'conflict');
    assert.match(named.message, /is stored with the same text as "two-regions" \(version 1\)/);
    assert.deepEqual(named.issues.map((i) => i.path), [['id']]);
    assert.deepEqual((await store.models.list()).map((m) => [m.id, m.version]).sort(), [['small', 1], ['two-regions', 1]]);
    await store.close();
  });

  test('a bad file is refused as the model with its located issues; a version of no model is not found', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    const bad = await refusal(uploadModel(store, { id: 'bad', format: 'yaml', text: SMALL_YAML.replace('amount: 90', 'amount: -90') }));
    assert.equal(bad.kind, 'refused');
    assert.equal(bad.input?.what, 'the model');
    assert.ok(bad.input.error.issues.some((i) => i.location.file === 'bad.yaml' && i.location.line !== undefined));
    assert.deepEqual(await store.models.list(), []);
    const missing = await refusal(addModelVersion(store, 'nothing', { format: 'yaml', text: SMALL_YAML }));
    assert.equal(missing.kind, 'not-found');
    assert.equal(missing.message, 'no model with id "nothing"');
    assert.equal((await refusal(modelDetail(store, 'nothing', 3))).message, 'no version 3 of a model with id "nothing"');
    await store.close();
  });
});
