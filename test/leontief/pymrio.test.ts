import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mrioAccounts, type ExtensionAccounts, type MrioAccounts } from '../../src/leontief/index.js';
import { readPymrioFolder, type IoTable } from '../../src/model/import/index.js';
import { csrToDense } from '../../src/sparse/index.js';
import { fixture } from '../helpers/paths.js';
import { assertClose, maxAbs } from './assert-close.js';
import { expected } from './fixtures.js';
import { readLabelled } from './read-table.js';

// pymrio's test MRIO (6 regions × 8 sectors) and the accounts pymrio's calc_all computed for it.
const RTOL = 1e-9;
/** Absolute floor for entries that are zero or vanishingly small: relative to the largest entry. */
const FLOOR = 1e-13;
const ref = (...parts: string[]): string => fixture('pymrio-test-mrio', 'reference', ...parts);

function checkAgainst(actual: ArrayLike<number>, file: string, headerRows: number, labelCols: number, rtol = RTOL): void {
  const m = readLabelled(file, headerRows, labelCols);
  assertClose(actual, m.data, rtol, FLOOR * maxAbs(m.data), file.slice(file.indexOf('reference')));
}

function extension(acc: MrioAccounts, name: string): ExtensionAccounts {
  const e = acc.extensions.find((x) => x.name === name);
  assert.ok(e !== undefined, `extension ${name}`);
  return e;
}

describe('pymrio test MRIO: every account of calc_all', async () => {
  const table = await readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data'));
  const acc = mrioAccounts(table, undefined, { tolerance: 1e-14 });

  test('solves converged; labels in pymrio order', () => {
    assert.equal(acc.status, 'converged');
    assert.ok(acc.relativeResidual <= 1e-13);
    const A = readLabelled(ref('A.csv'), 3, 2);
    assert.deepEqual(
      acc.products.map((p) => [p.region, p.sector]),
      A.rowLabels,
    );
    assert.deepEqual(A.colLabels[0], acc.products.map((p) => p.region));
    assert.deepEqual(A.colLabels[1], acc.products.map((p) => p.sector));
  });

  test('x (and its published sum), A, B, L, G', () => {
    checkAgainst(acc.x, ref('x.csv'), 1, 2);
    const sumX = acc.x.reduce((s, v) => s + v, 0);
    const published = (expected().pymrio_test_mrio as { expected: { sum_x: number } }).expected.sum_x;
    assertClose([sumX], [published], 1e-12, 0, 'sum of x');
    checkAgainst(csrToDense(acc.A), ref('A.csv'), 3, 2);
    checkAgainst(csrToDense(acc.B), ref('B.csv'), 3, 2);
    assert.ok(acc.L !== undefined && acc.G !== undefined);
    checkAgainst(acc.L, ref('L.csv'), 3, 2);
    checkAgainst(acc.G, ref('G.csv'), 3, 2);
  });

  for (const [name, labelCols] of [['emissions', 2], ['factor_inputs', 1]] as const) {
    test(`${name}: S, M, M_down, D_cba, D_pba, D_imp, D_exp, their _reg and _cap`, () => {
      const e = extension(acc, name);
      const dir = (f: string): string => ref(name, `${f}.csv`);
      assert.equal(e.status, 'converged');
      const S = readLabelled(dir('S'), 3, labelCols);
      assert.deepEqual(e.stressors.map((s) => s.id), S.rowLabels.map((r) => r[0]));
      checkAgainst(e.F, dir('F'), 3, labelCols);
      checkAgainst(e.S, dir('S'), 3, labelCols);
      checkAgainst(e.M, dir('M'), 3, labelCols);
      checkAgainst(e.M_down, dir('M_down'), 3, labelCols);
      for (const d of ['D_cba', 'D_pba', 'D_imp', 'D_exp'] as const) {
        checkAgainst(e[d], dir(d), 3, labelCols);
        checkAgainst(e[`${d}_reg`], dir(`${d}_reg`), 1, labelCols);
        const cap = e[`${d}_cap`];
        assert.ok(cap !== undefined, `${d}_cap`);
        checkAgainst(cap, dir(`${d}_cap`), 1, labelCols);
      }
      if (name === 'emissions') {
        assert.ok(e.F_Y !== undefined && e.S_Y !== undefined);
        checkAgainst(e.F_Y, dir('F_Y'), 3, labelCols);
        checkAgainst(e.S_Y, dir('S_Y'), 3, labelCols);
      }
    });
  }

  test('published D_imp_reg of the value added (pymrio integration test)', () => {
    const published = (expected().pymrio_test_mrio as { expected: Record<string, number[]> }).expected['factor_inputs.D_imp_reg'];
    assertClose(extension(acc, 'factor_inputs').D_imp_reg, published, 1e-9, 0, 'D_imp_reg');
  });

  test('one extension by name; an unknown name is an input error', () => {
    const only = mrioAccounts(table, 'emissions', { tolerance: 1e-14 });
    assert.deepEqual(only.extensions.map((e) => e.name), ['emissions']);
    assert.throws(() => mrioAccounts(table, 'water'), { name: 'InputError', message: /water/ });
  });

  test('without dense inverses the accounts are the same', () => {
    const lean = mrioAccounts(table, 'emissions', { tolerance: 1e-14, denseInverses: false });
    assert.equal(lean.L, undefined);
    assert.equal(lean.G, undefined);
    checkAgainst(extension(lean, 'emissions').M, ref('emissions', 'M.csv'), 3, 2);
  });
});

interface Frame {
  index: (string | string[])[];
  columns: (string | string[])[];
  data: number[][];
}

describe("pymrio's small 2-region, 3-sector MRIO (test_math fixture)", () => {
  const fx = (JSON.parse(readFileSync(fixture('pymrio-test-mrio', 'test_math_fixtures.json'), 'utf8')) as Record<string, Record<string, Frame>>)
    .small_mrio_2reg_3sec;
  const flat = (f: Frame): Float64Array => Float64Array.from(f.data.flat());
  const table: IoTable = {
    name: 'td_small_MRIO',
    unit: '',
    regions: ['reg1', 'reg2'],
    sectors: ['sector1', 'sector2', 'sector3'],
    categories: ['final demand'],
    Z: flat(fx.Z),
    Y: flat(fx.Y),
    extensions: [{ name: 'ext', stressors: [{ id: 'ext_type_1', unit: '' }, { id: 'ext_type_2', unit: '' }], F: flat(fx.F), FY: flat(fx.F_Y) }],
  };
  const acc = mrioAccounts(table, undefined, { tolerance: 1e-14 });
  const e = acc.extensions[0];

  test('x, A, B, L, G', () => {
    assert.equal(acc.status, 'converged');
    assertClose(acc.x, flat(fx.x), 1e-12, 0, 'x');
    assertClose(csrToDense(acc.A), flat(fx.A), 1e-9, 1e-15, 'A');
    assert.ok(acc.L !== undefined && acc.G !== undefined);
    assertClose(acc.L, flat(fx.L), 1e-9, 1e-15, 'L');
    // pymrio's test carries B and G rounded to 8 decimals.
    assertClose(csrToDense(acc.B), flat(fx.B), 0, 5e-9, 'B');
    assertClose(acc.G, flat(fx.G), 0, 5e-9, 'G');
  });

  test('S, S_Y, M, M_down, D_cba, D_pba, D_imp, D_exp', () => {
    assert.ok(e.S_Y !== undefined);
    assertClose(e.S, flat(fx.S), 1e-9, 1e-15, 'S');
    assertClose(e.S_Y, flat(fx.S_Y), 1e-9, 1e-15, 'S_Y');
    assertClose(e.M, flat(fx.M), 1e-9, 1e-15, 'M');
    // Rounded to 8 decimals as well.
    assertClose(e.M_down, flat(fx.M_down), 0, 5e-9, 'M_down');
    for (const d of ['D_cba', 'D_pba', 'D_imp', 'D_exp'] as const) assertClose(e[d], flat(fx[d]), 1e-9, 1e-13, d);
    assert.equal(e.D_cba_cap, undefined, 'no population, no per-capita accounts');
  });
});
