import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parquetToEconomy } from '../../../src/model/binary/index.js';
import { InputError } from '../../../src/model/errors.js';
import { importedModelBytes, importedModelText } from '../../../src/model/import/index.js';
import { parseEconomy } from '../../../src/model/parse-economy.js';
import type { Economy } from '../../../src/model/types.js';

/** A two-product economy as an importer makes one. */
function economy(unit = 'money'): Economy {
  return {
    name: 'small table',
    periods: ['1'],
    regions: [],
    products: [
      { id: 'grain', unit },
      { id: 'steel', unit: 'money' },
    ],
    resources: [{ id: 'labour', unit: 'hours' }],
    techniques: [
      { id: 'grain', produces: { grain: 1 }, consumes: { steel: 0.1 }, uses: { labour: 2 } },
      { id: 'steel', produces: { steel: 1 }, consumes: { grain: 0.05 }, uses: { labour: 1 } },
    ],
    targets: [{ product: 'grain', amount: 100, priority: 1 }],
    trade: [],
    directUse: [],
  };
}

describe('an imported model is checked as the loader reads it, text or binary', () => {
  test('the binary bytes load as the same model as the JSON text', async () => {
    const text = importedModelText(economy(), 'json', 'table.csv');
    const bytes = await importedModelBytes(economy(), 'table.csv');
    assert.deepEqual(await parquetToEconomy(bytes, 'm.parquet'), parseEconomy(text, { file: 'm.json' }));
  });

  test('a model the loader refuses is an InputError at the table read, in both forms', async () => {
    const refused = (err: unknown): boolean => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /the model imported from it would not load/);
      assert.ok(err.issues.every((i) => i.location.file === 'table.csv'));
      assert.ok(err.issues.some((i) => i.location.path?.join('.') === 'products.0.unit'), err.message);
      return true;
    };
    assert.throws(() => importedModelText(economy(''), 'yaml', 'table.csv'), refused);
    await assert.rejects(importedModelBytes(economy(''), 'table.csv'), refused);
  });

  test('a model too big even for the binary file’s text part is an InputError at the table, not a crash', async () => {
    const big = economy();
    Object.defineProperty(big.products[0], 'name', { enumerable: true, get: () => { throw new RangeError('Invalid string length'); } });
    await assert.rejects(importedModelBytes(big, 'T.csv'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.issues[0].code, 'too-large');
      assert.equal(err.issues[0].location.file, 'T.csv');
      assert.match(err.message, /too big for one binary file \(2 products, 1 resources, 1 targets/);
      return true;
    });
  });

  test('a model too big for a text is an InputError pointing to the binary format, not a crash', () => {
    const big = economy();
    // What V8 throws for a string above its length limit, without making one.
    Object.defineProperty(big.products[0], 'name', { enumerable: true, get: () => { throw new RangeError('Invalid string length'); } });
    assert.throws(() => importedModelText(big, 'json', 'Z.txt'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.issues[0].code, 'too-large');
      assert.equal(err.issues[0].location.file, 'Z.txt');
      assert.match(err.message, /too big for a JSON file.*-o MODEL\.parquet/);
      return true;
    });
  });
});
