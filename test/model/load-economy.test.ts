import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/model/errors.js';
import { loadEconomy } from '../../src/model/load-economy.js';
import { loadPlan } from '../../src/model/load-plan.js';

const model = 'name: tiny\nproducts: [{ id: a, unit: t }]\ntechniques: [{ id: t, produces: { a: 2 } }]\n';

describe('loadEconomy and loadPlan', () => {
  test('read YAML and JSON files by extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-model-'));
    try {
      await writeFile(join(dir, 'm.yaml'), model);
      await writeFile(join(dir, 'm.json'), JSON.stringify({ name: 'tiny', products: [{ id: 'a', unit: 't' }], techniques: [{ id: 't', produces: { a: 2 } }] }));
      const e = await loadEconomy(join(dir, 'm.yaml'));
      assert.deepEqual(await loadEconomy(join(dir, 'm.json')), e);
      assert.deepEqual(e.techniques[0].produces, { a: 2 });
      await writeFile(join(dir, 'plan.yaml'), 'activity: { t: 3 }\n');
      assert.deepEqual(await loadPlan(join(dir, 'plan.yaml'), e), { activity: { t: 3 } });
      await writeFile(join(dir, 'bad.yaml'), 'products: [{ id: a }]\n');
      await assert.rejects(loadEconomy(join(dir, 'bad.yaml')), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].location.file, join(dir, 'bad.yaml'));
        assert.equal(err.issues[0].code, 'missing');
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a missing file is an InputError naming it', async () => {
    const path = join(tmpdir(), 'plenty-no-such-dir', 'missing.yaml');
    await assert.rejects(loadEconomy(path), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.issues[0].code, 'file-not-found');
      assert.equal(err.issues[0].location.file, path);
      assert.ok(err.message.startsWith(path));
      return true;
    });
  });
});
