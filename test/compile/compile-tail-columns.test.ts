import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import type { CompiledEconomy } from '../../src/compile/types.js';
import { economyToParquet } from '../../src/model/binary/economy-to-parquet.js';
import { parquetBytesToColumnar } from '../../src/model/binary/parquet-to-economy.js';
import { isColumnar } from '../../src/model/is-columnar.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { serializeEconomy } from '../../src/model/serialize-economy.js';
import type { ColumnarEconomy, Economy } from '../../src/model/types.js';
import { randomEconomy } from '../balance/random-economy.js';

const withoutModel = ({ model: _m, ...rest }: CompiledEconomy) => rest;

/** A random economy in two regions and two periods whose targets name categories, periods and regions. */
function economy(seed: number): Economy {
  const e = randomEconomy(12, seed).c.model as Economy;
  const regions = [{ id: 'north' }, { id: 'south' }];
  return {
    ...e,
    periods: ['2030', '2031'],
    regions,
    products: e.products.map((p, i) => ({ ...p, region: regions[i % 2].id })),
    techniques: e.techniques.map((t, j) => ({ ...t, region: regions[j % 2].id })),
    targets: e.targets.map((t, i) => ({
      ...t,
      ...(i % 3 === 0 ? { category: i % 2 === 0 ? 'exports' : 'households' } : {}),
      ...(i % 4 === 1 ? { period: '2031' } : {}),
      ...(i % 5 === 2 ? { region: 'south' } : {}),
    })),
  };
}

describe('compiling a ColumnarEconomy\'s targets from their arrays', () => {
  test('targets with categories, periods and regions compile as through records, whatever the order of the categories in the file', async () => {
    for (const seed of [1, 2, 3]) {
      const e = economy(seed);
      const c = await parquetBytesToColumnar(economyToParquet(e), 'model.parquet');
      assert.ok(isColumnar(c));
      const expected = withoutModel(compileEconomy(parseEconomy(serializeEconomy(e, 'yaml'), { file: 'model.yaml' })));
      assert.deepStrictEqual(withoutModel(compileEconomy(c)), expected);
      // The same targets with the file's categories listed in the other order.
      const names = [...c.targets.categories].reverse();
      const k = names.length - 1;
      const flipped: ColumnarEconomy = { ...c, targets: { ...c.targets, categories: names, category: c.targets.category.map((x) => (x < 0 ? x : k - x)) } };
      const compiled = compileEconomy(flipped);
      assert.deepStrictEqual(compiled.categories.ids, expected.categories.ids);
      assert.deepStrictEqual(compiled.targets, expected.targets);
      assert.ok(expected.targets.category.some((x) => x >= 0) && expected.targets.period.some((x) => x === 1));
    }
  });

  test('a period index out of range (targets built in code) takes the general loop and means no period, as before', async () => {
    const c = await parquetBytesToColumnar(economyToParquet(economy(4)), 'model.parquet');
    assert.ok(isColumnar(c));
    const bad: ColumnarEconomy = { ...c, targets: { ...c.targets, period: c.targets.period.map((x, i) => (i === 0 ? 5 : x)) } };
    // The general loop maps an unknown period index to none, as before.
    assert.equal(compileEconomy(bad).targets.period[0], -1);
  });
});
