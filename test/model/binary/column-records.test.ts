import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileEconomy } from '../../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../../src/compile/leontief-system.js';
import { columnarToEconomy } from '../../../src/model/binary/columnar-to-economy.js';
import { writeModelFolder, type ModelFolder } from '../../../src/model/binary/economy-to-parquet.js';
import { loadColumnarEconomy } from '../../../src/model/binary/load-parquet-economy.js';
import { ByteStrings } from '../../../src/model/binary/byte-strings.js';
import { HashedByteIds } from '../../../src/model/binary/hashed-byte-ids.js';
import { fileSource } from '../../../src/model/binary/parquet-source.js';
import { COLUMNS_FROM, readProducts, readTechniques } from '../../../src/model/binary/read-model-tables.js';
import { lazyList, recordColumns } from '../../../src/model/column-records.js';
import { InputError } from '../../../src/model/errors.js';
import { knownIds } from '../../../src/model/known-ids.js';
import { seededRandom } from '../../helpers/random.js';

function withFolder<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-column-records-'));
  return f(join(dir, 'model')).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * A model of n products in two regions (product i in region i % 2, made by technique i in the
 * same region) as format 2's parts: technique j makes 1 of product j and uses a of product
 * (j + 1) % n and of product (j·7) % n, and 0.5 h of labour; a target per product.
 */
function chain(n: number, seed: number, ids: (i: number) => string = (i) => `p${i}`): ModelFolder {
  const random = seededRandom(seed);
  const technique: number[] = [];
  const role: number[] = [];
  const item: number[] = [];
  const value: number[] = [];
  const add = (t: number, r: number, i: number, v: number): void => {
    technique.push(t);
    role.push(r);
    item.push(i);
    value.push(v);
  };
  for (let j = 0; j < n; j++) {
    add(j, 0, j, 1);
    add(j, 1, (j + 1) % n, 0.1 + 0.2 * random());
    if ((j * 7) % n !== (j + 1) % n) add(j, 1, (j * 7) % n, 0.1 * random());
    add(j, 2, 0, 0.5);
  }
  const region = Int32Array.from({ length: n }, (_, i) => i % 2);
  return {
    model: { name: 'chain', resources: [{ id: 'labour', unit: 'hour' }], regions: [{ id: 'north' }, { id: 'south' }] },
    products: { id: Array.from({ length: n }, (_, i) => ids(i)), unit: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 't' : 'EUR')), region },
    techniques: { id: Array.from({ length: n }, (_, j) => `t${j}`), region: Int32Array.from(region) },
    targets: { product: Int32Array.from({ length: n }, (_, i) => i), productRegion: new Int32Array(n).fill(-1), amount: Float64Array.from({ length: n }, () => random()), priority: new Int32Array(n).fill(1), region: new Int32Array(n).fill(-1), period: new Int32Array(n).fill(-1), category: new Int32Array(n).fill(-1), categories: [] },
    coefficients: { technique: Int32Array.from(technique), role: Int32Array.from(role), item: Int32Array.from(item), region: new Int32Array(technique.length).fill(-1), value: Float64Array.from(value) },
  };
}

async function issuesOf(promise: Promise<unknown>): Promise<InputError['issues']> {
  const err = await promise.then(
    () => assert.fail('expected an InputError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof InputError, String(err));
  return err.issues;
}

describe('products and techniques kept as columns (no object per record)', () => {
  test('a list made by lazyList reads as an array: index, length, methods, spread, JSON; writes are refused', () => {
    const list = lazyList(4, (i) => ({ id: `x${i}` }));
    assert.equal(list.length, 4);
    assert.deepStrictEqual(list[2], { id: 'x2' });
    assert.equal(list[4], undefined);
    assert.ok(Array.isArray(list));
    assert.deepStrictEqual(list.map((r) => r.id), ['x0', 'x1', 'x2', 'x3']);
    assert.deepStrictEqual([...list].map((r) => r.id), ['x0', 'x1', 'x2', 'x3']);
    assert.equal(JSON.stringify(list), '[{"id":"x0"},{"id":"x1"},{"id":"x2"},{"id":"x3"}]');
    assert.deepStrictEqual(Object.keys(list), ['0', '1', '2', '3']);
    assert.equal(list.findIndex((r) => r.id === 'x3'), 3);
    assert.throws(() => {
      (list as { id: string }[])[0] = { id: 'y' };
    }, TypeError);
  });

  test('HashedByteIds names every later copy of an id with its first position, in order, and looks ids up by their text', () => {
    const words = ['a', 'bé', 'a', 'c', 'bé', 'a', 'ab'];
    const encoded = words.map((w) => Buffer.from(w, 'utf8'));
    const offsets = new Int32Array(words.length + 1);
    encoded.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
    const ids = new ByteStrings(Buffer.concat(encoded), offsets);
    assert.deepStrictEqual(Array.from({ length: ids.length }, (_, i) => ids.get(i)), words);
    const pairs: [number, number][] = [];
    const index = new HashedByteIds(ids, (i, first) => pairs.push([i, first]));
    assert.deepStrictEqual(pairs, [[2, 0], [4, 1], [5, 0]]);
    assert.equal(index.size, 4);
    assert.deepStrictEqual([index.get('a'), index.get('bé'), index.get('c'), index.get('ab'), index.get('b'), index.get('')], [0, 1, 3, 6, undefined, undefined]);
    assert.deepStrictEqual([...index.keys()], ['a', 'bé', 'c', 'ab']);
  });

  test('tables read as columns give the records, ids and index the records path gives', async () => {
    const parts = chain(40, 1, (i) => (i === 5 ? 'Ünïcode 5' : `p${i}`));
    await withFolder(async (dir) => {
      writeModelFolder(dir, parts);
      const regions = ['north', 'south'];
      const read = async <T>(file: string, f: (source: ReturnType<typeof fileSource>) => Promise<T>): Promise<T> => {
        const source = fileSource(join(dir, file));
        try {
          return await f(source);
        } finally {
          source.close();
        }
      };
      const asColumns = await read('products.parquet', (s) => readProducts(s, 'products.parquet', regions, 0));
      const asRecords = await read('products.parquet', (s) => readProducts(s, 'products.parquet', regions, COLUMNS_FROM));
      assert.notEqual(recordColumns(asColumns), undefined);
      assert.equal(recordColumns(asRecords), undefined);
      assert.deepStrictEqual([...asColumns], [...asRecords]);
      assert.deepStrictEqual(asColumns[5], { id: 'Ünïcode 5', unit: 'EUR', region: 'south' });
      const ids = knownIds(asColumns);
      assert.ok(ids !== undefined);
      assert.deepStrictEqual([...ids.ids], asRecords.map((p) => p.id));
      assert.equal(ids.index.get('Ünïcode 5'), 5);
      assert.equal(ids.index.get('p39'), 39);
      assert.equal(ids.index.get('p40'), undefined);
      assert.equal(ids.index.size, 40);
      assert.deepStrictEqual([...ids.index.keys()], asRecords.map((p) => p.id));
      const techniques = await read('techniques.parquet', (s) => readTechniques(s, 'techniques.parquet', regions, ['labour'], 0));
      assert.deepStrictEqual(techniques[3], { id: 't3', region: 'south' });
      assert.deepStrictEqual(Array.from(recordColumns(techniques)?.region ?? []), Array.from(parts.techniques.region));
    });
  });

  test(`a model of ${COLUMNS_FROM + 10} products reads as columns and compiles to the same system as through records`, async () => {
    const n = COLUMNS_FROM + 10;
    await withFolder(async (dir) => {
      writeModelFolder(dir, chain(n, 2));
      const e = await loadColumnarEconomy(dir);
      assert.notEqual(recordColumns(e.products), undefined);
      assert.notEqual(recordColumns(e.techniques), undefined);
      assert.deepStrictEqual(e.products[n - 1], { id: `p${n - 1}`, unit: 'EUR', region: 'south' });
      const columns = compileEconomy(e);
      const records = compileEconomy(columnarToEconomy(e));
      assert.deepStrictEqual([...columns.items.ids], [...records.items.ids]);
      assert.deepStrictEqual(columns.itemRegion, records.itemRegion);
      assert.deepStrictEqual(columns.techniqueRegion, records.techniqueRegion);
      assert.deepStrictEqual(columns.capacity, records.capacity);
      assert.equal(columns.techniques.index.get('t123'), 123);
      const [a, b] = [leontiefSystem(columns), leontiefSystem(records)];
      assert.deepStrictEqual(a.A.rowPtr, b.A.rowPtr);
      assert.deepStrictEqual(a.A.colIdx, b.A.colIdx);
      assert.deepStrictEqual(a.A.values, b.A.values);
      assert.deepStrictEqual(a.primary.values, b.primary.values);
    });
  });

  test('a duplicate or invalid id among ids kept as bytes is located in its table', async () => {
    const n = COLUMNS_FROM + 2;
    const dupe = await withFolder(async (dir) => {
      writeModelFolder(dir, chain(n, 3, (i) => (i === n - 1 ? 'p7' : `p${i}`)));
      return issuesOf(loadColumnarEconomy(dir));
    });
    assert.equal(dupe[0].code, 'duplicate-id');
    assert.equal(dupe[0].location.row, n);
    assert.match(dupe[0].message, /duplicate product id "p7" \(first at row 8\)/);
    assert.match(String(dupe[0].location.file), /products\.parquet$/);
    const invalid = await withFolder(async (dir) => {
      writeModelFolder(dir, chain(n, 4, (i) => (i === 3 ? 'a@b' : i === 9 ? ' \t' : `p${i}`)));
      return issuesOf(loadColumnarEconomy(dir));
    });
    assert.deepStrictEqual(invalid.map((i) => [i.code, i.location.row, i.value]), [['invalid-id', 4, 'a@b'], ['invalid-id', 10, ' \t']]);
  });
});
