import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { finalUse } from '../../src/balance/final-use.js';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../src/compile/leontief-system.js';
import type { CompiledEconomy, LeontiefSystem } from '../../src/compile/types.js';
import { grossOutput } from '../../src/leontief/gross-output.js';
import { economyToParquet } from '../../src/model/binary/economy-to-parquet.js';
import { parquetBytesToColumnar } from '../../src/model/binary/parquet-to-economy.js';
import { isColumnar } from '../../src/model/is-columnar.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { serializeEconomy } from '../../src/model/serialize-economy.js';
import type { Economy } from '../../src/model/types.js';
import { randomEconomy } from '../balance/random-economy.js';
import { seededRandom } from '../helpers/random.js';
import { dense } from './dense.js';

const viaYaml = (e: Economy): Economy => parseEconomy(serializeEconomy(e, 'yaml'), { file: 'model.yaml' });
const viaColumns = async (e: Economy) => {
  const c = await parquetBytesToColumnar(economyToParquet(e), 'model.parquet');
  assert.ok(isColumnar(c));
  return c;
};

/** The compiled economy without its model (the two representations differ there only). */
const withoutModel = ({ model: _m, ...rest }: CompiledEconomy) => rest;
const systemOf = ({ itemLocation: _l, ...rest }: LeontiefSystem) => rest;

/** Three shapes of model: as generated (no regions), every product in a region of its own, and regions without located products (compiled through records). */
function variants(e: Economy, seed: number): [string, Economy][] {
  const rand = seededRandom(seed + 7);
  const regions = [{ id: 'north' }, { id: 'south' }, { id: 'east' }];
  const pick = () => regions[Math.floor(rand() * regions.length)].id;
  const located: Economy = { ...e, regions, products: e.products.map((p) => ({ ...p, region: pick() })), techniques: e.techniques.map((t) => ({ ...t, region: pick() })) };
  const unlocated: Economy = { ...e, regions, techniques: e.techniques.map((t) => ({ ...t, region: 'north' })), targets: e.targets.map((t) => ({ ...t, region: 'north' })) };
  // Techniques in reverse order: the item each makes no longer ascends with the technique.
  const reversed: Economy = { ...e, techniques: [...e.techniques].reverse() };
  return [
    ['no regions', e],
    ['located products', located],
    ['techniques in reverse order', reversed],
    ['regions, unlocated products', unlocated],
  ];
}

/** A per unit of output, computed from the records directly (one technique per product). */
function denseA(e: Economy, c: CompiledEconomy): number[][] {
  const n = c.items.ids.length;
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const t of e.techniques) {
    const [[made, out]] = Object.entries(t.produces);
    const i = c.items.index.get(t.region !== undefined && e.regions.length > 0 && e.products.find((p) => p.id === made)?.region === undefined ? `${made}@${t.region}` : made) ?? -1;
    for (const [k, v] of Object.entries(t.consumes)) {
      const key = t.region !== undefined && e.regions.length > 0 && e.products.find((p) => p.id === k)?.region === undefined ? `${k}@${t.region}` : k;
      a[c.items.index.get(key) ?? -1][i] += v / out;
    }
  }
  return a;
}

describe('compiling a ColumnarEconomy (the binary format read without records)', () => {
  test('seeded random models: the same compiled economy, Leontief system and gross output as the YAML model', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const base = randomEconomy(30 + seed * 11, seed).c.model as Economy;
      for (const [name, e] of variants(base, seed)) {
        const yaml = viaYaml(e);
        const columns = await viaColumns(e);
        const a = compileEconomy(columns);
        const b = compileEconomy(yaml);
        assert.equal(a.model, columns, `${name}, seed ${seed}`);
        assert.deepStrictEqual(withoutModel(a), withoutModel(b), `${name}, seed ${seed}`);
        const sa = leontiefSystem(a);
        const sb = leontiefSystem(b);
        assert.deepStrictEqual(systemOf(sa), systemOf(sb), `${name}, seed ${seed}`);
        const expected = denseA(yaml, b);
        dense(sa.A).forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - expected[i][j]) <= 1e-15 * Math.max(1, Math.abs(v)), `${name}, seed ${seed}: A[${i}][${j}] ${v} vs ${expected[i][j]}`)));
        const xa = grossOutput(sa, finalUse(a, 0), { tolerance: 1e-13 });
        const xb = grossOutput(sb, finalUse(b, 0), { tolerance: 1e-13 });
        assert.equal(xa.status, 'converged');
        xa.x.forEach((v, i) => assert.ok(Math.abs(v - xb.x[i]) <= 1e-12 * Math.abs(xb.x[i]), `${name}, seed ${seed}: x[${i}] ${v} vs ${xb.x[i]}`));
      }
    }
  });

  test('the coefficient matrices are the file\'s arrays, not copies, where every product is one item', async () => {
    const e = randomEconomy(25, 9).c.model as Economy;
    const columns = await viaColumns(e);
    const c = compileEconomy(columns);
    assert.equal(c.inputs.values, columns.coefficients.consumes.values);
    assert.equal(c.outputs.colIdx, columns.coefficients.produces.colIdx);
  });

  test('where each technique makes one unit of its own item, A is the input matrix itself, and right', async () => {
    const e = randomEconomy(25, 11).c.model as Economy;
    const unit: Economy = {
      ...e,
      techniques: e.techniques.map((t) => {
        const [[made, out]] = Object.entries(t.produces);
        const per = (m: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v / out]));
        return { ...t, produces: { [made]: 1 }, consumes: per(t.consumes), uses: per(t.uses) };
      }),
    };
    const c = compileEconomy(await viaColumns(unit));
    const sys = leontiefSystem(c);
    assert.equal(sys.A.values, c.inputs.values);
    const expected = denseA(viaYaml(unit), c);
    assert.deepStrictEqual(dense(sys.A), expected);
  });
});
