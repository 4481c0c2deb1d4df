import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { compileEconomy } from '../../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../../src/compile/leontief-system.js';
import { planActivities } from '../../../src/compile/plan-activities.js';
import { grossOutput } from '../../../src/leontief/gross-output.js';
import { economyToParquet } from '../../../src/model/binary/economy-to-parquet.js';
import { parquetToEconomy } from '../../../src/model/binary/parquet-to-economy.js';
import { InputError } from '../../../src/model/errors.js';
import { loadEconomy } from '../../../src/model/load-economy.js';
import { parseEconomy } from '../../../src/model/parse-economy.js';
import { serializeEconomy } from '../../../src/model/serialize-economy.js';
import type { Economy } from '../../../src/model/types.js';
import { randomEconomy } from '../../balance/random-economy.js';

const FILE = 'model.parquet';

/** Every field the model file can hold, and coefficients with and without `@region`. */
const every: Economy = {
  name: 'Every field',
  description: 'numbers that survive only in full: 0.1 + 0.2, 5e-324, 1e30',
  periods: ['1930', '1931'],
  regions: [{ id: 'north', name: 'North', population: 1234567.891 }, { id: 'south' }],
  products: [
    { id: 'grain', unit: 't', name: 'Grain', storable: false },
    { id: 'steel', unit: 'thousand t', region: 'north', initialStock: 0.1 + 0.2 },
    { id: '__proto__', unit: 'odd' },
  ],
  resources: [
    { id: 'labour', unit: 'person-year', available: 1e30 },
    { id: 'land', unit: 'ha', available: { 1930: 5e-324, 1931: 7 }, region: 'south' },
    { id: 'hard', unit: 'rouble' },
  ],
  techniques: [
    { id: 'farm', name: 'Farm', produces: { grain: 1, steel: 0.3333333333333333 }, consumes: { 'grain@south': 1e-300, steel: 0 }, uses: { labour: 123456789.12345679 }, capacity: 9.999999999999999e22, region: 'north', enterprise: 'Kolkhoz #1' },
    { id: 'mill', produces: { steel: 2 }, consumes: {}, uses: {}, build: { land: 0.5 }, lag: 2 },
  ],
  targets: [
    { product: 'grain', amount: 2e6, priority: 1, region: 'north', period: '1931', category: 'households' },
    { product: 'steel', amount: 0, priority: 3 },
  ],
  trade: [{ product: 'steel', exportPrice: 2, importPrice: 3, maxExport: 10, maxImport: 1 }],
  directUse: [{ resource: 'labour', amount: 4, region: 'north', category: 'households' }],
  currency: 'hard',
  plan: { name: 'p', period: '1930', activity: { farm: 1 }, imports: { steel: 1 }, exports: { grain: 0.5 }, fromStock: { steel: 0.1 }, toStock: { steel: 0.2 }, built: { land: 1 } },
};

/** What reading a model back from YAML gives, the reference the binary format must equal. */
const viaYaml = (e: Economy): Economy => parseEconomy(serializeEconomy(e, 'yaml'), { file: 'model.yaml' });
const viaParquet = async (e: Economy): Promise<Economy> => parquetToEconomy(economyToParquet(e), FILE);

function grossOutputOf(e: Economy): Float64Array {
  const c = compileEconomy(e);
  const activity = e.plan !== undefined ? planActivities(c, e.plan).activity : undefined;
  const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const y = Float64Array.from(c.items.ids, (_, i) => 1 + (i % 7));
  const go = grossOutput(sys, y);
  assert.equal(go.status, 'converged');
  return go.x;
}

describe('the binary model format (Parquet)', () => {
  test('every field of the model file round-trips exactly', async () => {
    assert.deepStrictEqual(await viaParquet(every), viaYaml(every));
  });

  test('the 1930 example: the same economy, compiled economy and gross output as from YAML', async () => {
    const yaml = await loadEconomy('examples/ussr-1930/economy.yaml');
    const back = await viaParquet(yaml);
    assert.deepStrictEqual(back, yaml);
    assert.deepStrictEqual(compileEconomy(back), compileEconomy(yaml));
    assert.deepStrictEqual(grossOutputOf(back), grossOutputOf(yaml));
  });

  test('seeded random economies: the same compiled economy and gross output as from YAML', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const e = randomEconomy(40 + seed * 7, seed).c.model;
      const yaml = viaYaml(e as Economy);
      const back = await viaParquet(e as Economy);
      assert.deepStrictEqual(back, yaml, `seed ${seed}`);
      assert.deepStrictEqual(compileEconomy(back), compileEconomy(yaml), `seed ${seed}`);
      assert.deepStrictEqual(grossOutputOf(back), grossOutputOf(yaml), `seed ${seed}`);
    }
  });
});

/** The first issue of what reading `bytes` throws. */
async function firstIssue(bytes: Uint8Array): Promise<InputError['issues'][number]> {
  const err = await parquetToEconomy(bytes, FILE).then(
    () => assert.fail('expected an InputError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof InputError, String(err));
  return err.issues[0];
}

type Column = { name: string; data: Int32Array | Float64Array; type: 'INT32' | 'DOUBLE' };

/** The coefficients of `every` as the format's columns, in the order the writer writes them. */
function everyColumns(): Column[] {
  return [
    { name: 'technique', data: Int32Array.from([0, 0, 0, 0, 0, 1]), type: 'INT32' },
    { name: 'role', data: Int32Array.from([0, 0, 1, 1, 2, 0]), type: 'INT32' },
    { name: 'item', data: Int32Array.from([0, 1, 0, 1, 0, 1]), type: 'INT32' },
    { name: 'region', data: Int32Array.from([-1, -1, 1, -1, -1, -1]), type: 'INT32' },
    { name: 'value', data: Float64Array.from([1, 0.3333333333333333, 1e-300, 0, 123456789.12345679, 2]), type: 'DOUBLE' },
  ];
}

/** A Parquet file of the model `every` with its coefficient columns as `edit` leaves them. */
function withColumns(edit: (columns: Column[]) => Column[] = (c) => c, kvMetadata = parquetMetadata(economyToParquet(every)).key_value_metadata ?? []): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: edit(everyColumns()).map((c) => ({ ...c, nullable: false })), kvMetadata }));
}

/** Sets row `row` of column `name` to `value`. */
const setCell = (name: string, row: number, value: number) => (columns: Column[]) => {
  const c = columns.find((x) => x.name === name);
  assert.ok(c !== undefined);
  c.data[row] = value;
  return columns;
};

describe('the binary model format: bad files are located errors', () => {
  test('the hand-written columns are the writer\'s (the cases below change one thing each)', async () => {
    assert.deepStrictEqual(await parquetToEconomy(withColumns(), FILE), await viaParquet(every));
  });

  test('not Parquet, truncated, not a model', async () => {
    const yaml = new TextEncoder().encode(serializeEconomy(every, 'yaml'));
    assert.deepEqual(await firstIssue(yaml), { code: 'not-parquet', message: `not a Parquet file (it does not begin with PAR1)`, location: { file: FILE } });
    const good = economyToParquet(every);
    const cut = await firstIssue(good.subarray(0, good.length - 100));
    assert.equal(cut.code, 'truncated-parquet');
    assert.equal(cut.location.file, FILE);
    const bare = await firstIssue(withColumns(undefined, []));
    assert.equal(bare.code, 'not-a-model');
    assert.match(bare.message, /plenty convert/);
  });

  test('a missing column and a column of the wrong type name the column', async () => {
    const missing = await firstIssue(withColumns((c) => c.filter((x) => x.name !== 'value')));
    assert.deepEqual([missing.code, missing.location], ['missing-column', { file: FILE, path: ['value'] }]);
    const wrong = await firstIssue(withColumns((c) => c.map((x) => (x.name === 'item' ? { ...x, data: Float64Array.from(x.data), type: 'DOUBLE' } : x))));
    assert.deepEqual([wrong.code, wrong.location, wrong.value], ['wrong-column-type', { file: FILE, path: ['item'] }, 'DOUBLE']);
  });

  test('a non-finite, too large or negative value names its row', async () => {
    for (const [v, code] of [[Number.NaN, 'not-finite'], [Infinity, 'not-finite'], [1.5e30, 'not-finite'], [-2, 'negative']] as const) {
      const issue = await firstIssue(withColumns(setCell('value', 3, v)));
      assert.deepEqual([issue.code, issue.location, issue.value], [code, { file: FILE, row: 4, path: ['value'] }, v]);
    }
  });

  test('an index that names nothing names its row, column and value', async () => {
    for (const [column, v] of [['technique', 2], ['role', 3], ['item', 3], ['region', 2], ['technique', -5]] as const) {
      const issue = await firstIssue(withColumns(setCell(column, 4, v)));
      assert.deepEqual([issue.code, issue.location, issue.value], ['unknown-id', { file: FILE, row: 5, path: [column] }, v]);
    }
    // row 5 is a use: an item beyond the 3 resources, and a region, which a use cannot have
    const region = await firstIssue(withColumns(setCell('region', 4, 0)));
    assert.deepEqual([region.code, region.location], ['unknown-id', { file: FILE, row: 5, path: ['region'] }]);
  });

  test('a key of a product in another region than its own names its row; a technique without output is named', async () => {
    const region = await firstIssue(withColumns(setCell('region', 3, 1)));
    assert.deepEqual([region.code, region.location, region.value], ['region-mismatch', { file: FILE, row: 4, path: ['region'] }, 1]);
    assert.match(region.message, /product "steel" is located in region "north", not "south"/);
    const nothing = await firstIssue(withColumns(setCell('value', 5, 0)));
    assert.deepEqual([nothing.code, nothing.location], ['produces-nothing', { file: FILE, path: ['techniques', 1, 'produces'] }]);
  });

  test('a coefficient given twice names the second row', async () => {
    const issue = await firstIssue(withColumns(setCell('item', 1, 0)));
    assert.deepEqual([issue.code, issue.location], ['duplicate-coefficient', { file: FILE, row: 2, path: ['item'] }]);
  });

  test('the model in the metadata is validated as a model file is', async () => {
    const kv = [{ key: 'plenty.format', value: '1' }, { key: 'plenty.model', value: JSON.stringify({ products: [{ id: 'grain' }] }) }];
    const err = await parquetToEconomy(withColumns((c) => c.map((x) => ({ ...x, data: x.data.subarray(0, 0) })), kv), FILE).catch((e: unknown) => e);
    assert.ok(err instanceof InputError);
    assert.ok(err.issues.some((i) => i.location.file === FILE && i.location.path?.join('.') === 'products.0.unit'), err.message);
    const notJson = await firstIssue(withColumns(undefined, [{ key: 'plenty.format', value: '1' }, { key: 'plenty.model', value: '{' }]));
    assert.equal(notJson.code, 'damaged-metadata');
    const later = await firstIssue(withColumns(undefined, [{ key: 'plenty.format', value: '2' }, { key: 'plenty.model', value: '{}' }]));
    assert.equal(later.code, 'unsupported-format');
  });
});
