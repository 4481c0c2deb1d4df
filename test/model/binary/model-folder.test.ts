import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { economyToFolder } from '../../../src/model/binary/economy-to-folder.js';
import { writeModelFolder, type ModelFolder } from '../../../src/model/binary/economy-to-parquet.js';
import { columnarToEconomy } from '../../../src/model/binary/columnar-to-economy.js';
import { loadColumnarEconomy, loadParquetEconomy } from '../../../src/model/binary/load-parquet-economy.js';
import { parquetBytesToColumnar } from '../../../src/model/binary/parquet-to-economy.js';
import { InputError } from '../../../src/model/errors.js';
import { loadEconomy } from '../../../src/model/load-economy.js';
import { parseEconomy } from '../../../src/model/parse-economy.js';
import { serializeEconomy } from '../../../src/model/serialize-economy.js';
import type { Economy } from '../../../src/model/types.js';
import { randomEconomy } from '../../balance/random-economy.js';

const viaYaml = (e: Economy): Economy => parseEconomy(serializeEconomy(e, 'yaml'), { file: 'model.yaml' });

function withFolder<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-model-folder-'));
  return f(join(dir, 'model')).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** A two-product model as format 2's parts, for the damaged-file cases to change one thing each. */
function tiny(): ModelFolder {
  return {
    model: { name: 'tiny', resources: [{ id: 'labour', unit: 'hour' }], regions: [{ id: 'north' }] },
    products: { id: ['a', 'b'], unit: ['t', 't'], region: Int32Array.from([-1, -1]), more: [null, '{"name":"Bee"}'] },
    techniques: { id: ['ta', 'tb'], region: Int32Array.from([-1, -1]), more: [null, null] },
    targets: { product: Int32Array.from([0, 1]), productRegion: Int32Array.from([-1, -1]), amount: Float64Array.from([1, 2]), priority: Int32Array.from([1, 2]), region: Int32Array.from([-1, 0]), period: Int32Array.from([-1, -1]), category: Int32Array.from([0, -1]), categories: ['households'] },
    coefficients: {
      technique: Int32Array.from([0, 0, 1, 1, 0]),
      role: Int32Array.from([0, 1, 0, 1, 2]),
      item: Int32Array.from([0, 1, 1, 0, 0]),
      region: Int32Array.from([-1, -1, -1, -1, -1]),
      value: Float64Array.from([1, 0.2, 1, 0.3, 0.5]),
    },
  };
}

/** The first issue of reading the folder `parts` makes (after `damage`, if any). */
async function firstIssue(parts: ModelFolder, damage: (dir: string) => void = () => undefined): Promise<{ issue: InputError['issues'][number]; dir: string }> {
  return withFolder(async (dir) => {
    writeModelFolder(dir, parts);
    damage(dir);
    const err = await loadColumnarEconomy(dir).then(
      () => assert.fail('expected an InputError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof InputError, String(err));
    return { issue: err.issues[0], dir };
  });
}

describe('the binary format, version 2 (a folder of tables)', () => {
  test('the 1930 example and seeded random models round-trip exactly, read as the folder or as its model.parquet', async () => {
    const models = [await loadEconomy('examples/ussr-1930/economy.yaml'), ...[1, 2, 3].map((s) => randomEconomy(20 + s * 5, s).c.model as Economy)];
    for (const e of models) {
      await withFolder(async (dir) => {
        economyToFolder(e, dir);
        assert.deepStrictEqual(await loadParquetEconomy(dir), viaYaml(e), e.name);
        assert.deepStrictEqual(columnarToEconomy(await loadColumnarEconomy(join(dir, 'model.parquet'))), viaYaml(e), e.name);
      });
    }
  });

  test('the hand-written parts read as meant', async () => {
    await withFolder(async (dir) => {
      writeModelFolder(dir, tiny());
      const e = await loadParquetEconomy(dir);
      assert.deepStrictEqual(e.products, [{ id: 'a', unit: 't' }, { id: 'b', unit: 't', name: 'Bee' }]);
      assert.deepStrictEqual(e.targets, [{ product: 'a', amount: 1, priority: 1, category: 'households' }, { product: 'b', amount: 2, priority: 2, region: 'north' }]);
      assert.deepStrictEqual(e.techniques[1], { id: 'tb', produces: { b: 1 }, consumes: { a: 0.3 }, uses: {} });
    });
  });

  test('tables of several row groups, the last one shorter, read whole and nothing more', async () => {
    const e = randomEconomy(7, 5).c.model as Economy;
    await withFolder(async (dir) => {
      const { economyParts } = await import('../../../src/model/binary/economy-to-parquet.js');
      const { targetColumns } = await import('../../../src/model/binary/parquet-to-columnar.js');
      const { model, coefficients } = economyParts(e);
      const rest: Record<string, unknown> = { ...model };
      delete rest.products;
      delete rest.techniques;
      delete rest.targets;
      writeModelFolder(
        dir,
        {
          model: rest,
          products: { id: e.products.map((p) => p.id), unit: e.products.map((p) => p.unit), region: new Int32Array(7).fill(-1) },
          techniques: { id: e.techniques.map((t) => t.id), region: new Int32Array(7).fill(-1) },
          targets: targetColumns(e),
          coefficients,
        },
        3,
      );
      assert.deepStrictEqual(await loadParquetEconomy(dir), viaYaml(e));
    });
  });

  test('ids and units beyond ASCII read back as written', async () => {
    const e: Economy = {
      name: 'utf-8',
      periods: ['1'],
      regions: [],
      products: [{ id: 'Ölmühle', unit: 't CO₂' }, { id: 'steel', unit: 'т' }],
      resources: [{ id: 'трудъ', unit: 'h' }],
      techniques: [
        { id: 'mühle', produces: { Ölmühle: 1 }, consumes: { steel: 0.5 }, uses: { трудъ: 2 } },
        { id: 'plant', produces: { steel: 1 }, consumes: {}, uses: {} },
      ],
      targets: [{ product: 'Ölmühle', amount: 3, priority: 1 }],
      trade: [],
      directUse: [],
    };
    await withFolder(async (dir) => {
      economyToFolder(e, dir);
      assert.deepStrictEqual(await loadParquetEconomy(dir), viaYaml(e));
    });
  });

  test('damaged folders are located errors: the table file, its row and column', async () => {
    const missing = await firstIssue(tiny(), (dir) => unlinkSync(join(dir, 'products.parquet')));
    assert.deepEqual([missing.issue.code, missing.issue.location.file], ['file-not-found', join(missing.dir, 'products.parquet')]);

    const twice = tiny();
    const dup = await firstIssue({ ...twice, products: { ...twice.products, id: ['a', 'a'] } });
    assert.deepEqual([dup.issue.code, dup.issue.location], ['duplicate-id', { file: join(dup.dir, 'products.parquet'), row: 2, path: ['id'] }]);

    const t = tiny();
    const target = await firstIssue({ ...t, targets: { ...t.targets, product: Int32Array.from([0, 7]) } });
    assert.deepEqual([target.issue.code, target.issue.location, target.issue.value], ['unknown-id', { file: join(target.dir, 'targets.parquet'), row: 2, path: ['product'] }, 7]);

    const n = tiny();
    const amount = await firstIssue({ ...n, targets: { ...n.targets, amount: Float64Array.from([1, Number.NaN]) } });
    assert.deepEqual([amount.issue.code, amount.issue.location.row, amount.issue.location.path], ['not-finite', 2, ['amount']]);

    const m = tiny();
    const more = await firstIssue({ ...m, products: { ...m.products, more: [null, '{"storable":"yes"}'] } });
    assert.deepEqual([more.issue.code, more.issue.location], ['invalid', { file: join(more.dir, 'products.parquet'), row: 2, path: ['more'] }]);

    const r = tiny();
    const region = await firstIssue({ ...r, techniques: { ...r.techniques, region: Int32Array.from([-1, 3]) } });
    assert.deepEqual([region.issue.code, region.issue.location], ['unknown-id', { file: join(region.dir, 'techniques.parquet'), row: 2, path: ['region'] }]);

    const c = tiny();
    const row = await firstIssue({ ...c, coefficients: { ...c.coefficients, item: Int32Array.from([0, 1, 1, 5, 0]) } });
    assert.deepEqual([row.issue.code, row.issue.location], ['unknown-id', { file: join(row.dir, 'model.parquet'), row: 4, path: ['item'] }]);

    const inMeta = await firstIssue({ ...tiny(), model: { ...tiny().model, products: [{ id: 'x', unit: 't' }] } });
    assert.equal(inMeta.issue.code, 'damaged-metadata');
  });

  test('a technique whose other fields are a capacity alone reads as the schema reads it, and a bad capacity is still refused', async () => {
    const t = tiny();
    // The first as the fast path takes it, the second (with a name) through the schema.
    const parts = { ...t, techniques: { ...t.techniques, region: Int32Array.from([0, -1]), more: ['{"capacity":2.5}', '{"name":"Bee works","capacity":-0}'] } };
    await withFolder(async (dir) => {
      writeModelFolder(dir, parts);
      const e = await loadColumnarEconomy(dir);
      assert.deepEqual(e.techniques[0], { id: 'ta', capacity: 2.5, region: 'north' });
      assert.deepEqual(Object.keys(e.techniques[0]), ['id', 'capacity', 'region']);
      assert.deepEqual(e.techniques[1], { id: 'tb', name: 'Bee works', capacity: 0 });
      assert.ok(Object.is(e.techniques[1].capacity, 0));
    });
    for (const bad of ['{"capacity":-1}', '{"capacity":"5"}', '{"capacity":1e31}', '{"capacity":5,"lag":0}']) {
      const { issue } = await firstIssue({ ...t, techniques: { ...t.techniques, more: [bad, null] } });
      assert.deepEqual([issue.code, issue.location.row, issue.location.path], ['invalid', 1, ['more']], bad);
    }
  });

  test('model.parquet of version 2 alone (without its folder) says to give the folder', async () => {
    await withFolder(async (dir) => {
      writeModelFolder(dir, tiny());
      const bytes = new Uint8Array(readFileSync(join(dir, 'model.parquet')));
      const err = await parquetBytesToColumnar(bytes, 'model.parquet').catch((e: unknown) => e);
      assert.ok(err instanceof InputError);
      assert.equal(err.issues[0].code, 'unsupported-format');
      assert.match(err.issues[0].message, /folder/);
    });
  });
});
