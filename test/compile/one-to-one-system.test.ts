import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../src/compile/leontief-system.js';
import { grossOutput } from '../../src/leontief/gross-output.js';
import { economyToParquet } from '../../src/model/binary/economy-to-parquet.js';
import { parquetBytesToColumnar } from '../../src/model/binary/parquet-to-economy.js';
import type { Economy } from '../../src/model/types.js';
import { isWasmCsr } from '../../src/sparse/index.js';
import { WASM_MIN_NNZ } from '../../src/sparse/product/to-wasm-csr.js';
import { seededRandom } from '../helpers/random.js';

/**
 * A square economy of n products, technique t making `output` units of product t from `inputs`
 * others (its neighbours and some from anywhere), column sums of A at most 0.6: productive.
 */
function squareEconomy(n: number, inputs: number, output: number, seed: number): Economy {
  const rand = seededRandom(seed);
  const id = (i: number): string => `p${i}`;
  const techniques = Array.from({ length: n }, (_, t) => {
    const consumes: Record<string, number> = {};
    for (let e = 1; consumes[id((t + inputs) % n)] === undefined && Object.keys(consumes).length < inputs; e++) {
      const i = e <= inputs / 2 ? (t + e) % n : Math.floor(rand() * n);
      if (i !== t) consumes[id(i)] = ((0.6 * output) / inputs) * (0.1 + 0.9 * rand());
    }
    return { id: `make-${id(t)}`, produces: { [id(t)]: output }, consumes, uses: { labour: 0.5 * output } };
  });
  return {
    name: 'square',
    periods: ['2026'],
    regions: [],
    trade: [],
    directUse: [],
    products: Array.from({ length: n }, (_, i) => ({ id: id(i), unit: 't' })),
    resources: [{ id: 'labour', unit: 'person-year' }],
    techniques,
    targets: [],
  };
}

const demand = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));

describe('a Leontief system large enough for the WebAssembly kernels is compiled into their memory', () => {
  test('from a binary model file: A is the matrix read into the solvers\' memory, and solves as the records\' A does', async () => {
    const n = 1500;
    const e = squareEconomy(n, 40, 1, 7);
    const columnar = await parquetBytesToColumnar(economyToParquet(e), 'model.parquet');
    const sys = leontiefSystem(compileEconomy(columnar));
    assert.ok(sys.A.rowPtr[n] >= WASM_MIN_NNZ, `${sys.A.rowPtr[n]} entries`);
    assert.ok(isWasmCsr(sys.A), 'A in the solvers\' memory');
    const records = leontiefSystem(compileEconomy(e));
    assert.ok(isWasmCsr(records.A), 'records (unit outputs): the input matrix built in the solvers\' memory, shared as A');
    assert.deepStrictEqual(Array.from(sys.A.values), Array.from(records.A.values));
    const fromFile = grossOutput(sys, demand(n));
    const fromRecords = grossOutput(records, demand(n));
    assert.equal(fromFile.status, 'converged');
    assert.deepStrictEqual(fromFile.x, fromRecords.x, 'the same operations in the same order');
  });

  test('outputs other than 1: A divided per unit of output is written into the solvers\' memory', () => {
    const n = 1500;
    const sys = leontiefSystem(compileEconomy(squareEconomy(n, 40, 2, 8)));
    assert.ok(isWasmCsr(sys.A));
    const unit = leontiefSystem(compileEconomy(squareEconomy(n, 40, 1, 8)));
    // The same economy per unit of output: the same A up to the rounding of the division.
    for (let p = 0; p < unit.A.values.length; p++) assert.ok(Math.abs(sys.A.values[p] - unit.A.values[p]) <= 1e-15 * unit.A.values[p]);
    assert.deepStrictEqual(Array.from(sys.A.colIdx), Array.from(unit.A.colIdx));
    assert.equal(grossOutput(sys, demand(n)).status, 'converged');
  });

  test('small systems stay in ordinary memory', () => {
    const sys = leontiefSystem(compileEconomy(squareEconomy(200, 10, 2, 9)));
    assert.ok(sys.A.rowPtr[200] < WASM_MIN_NNZ);
    assert.ok(!isWasmCsr(sys.A));
  });
});
