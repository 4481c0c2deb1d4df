import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/model/errors.js';
import { parseSymmetricTable, readSymmetricTable, type IoTable } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';
import { maxRelativeDifference, seededRandom } from './read-reference.js';
import { millerBlairCsv } from './tables.js';

interface EurostatExpected {
  sectors: string[];
  published: Record<string, Record<string, number> | number[]>;
  computed_full_precision: { L: number[][] };
}
interface CockshottExpected {
  expected: { labour_values: number[]; net_output: number[]; value_of_net_output_equals_total_labour: number };
}
const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as {
  eurostat_manual_2008_germany_1995: EurostatExpected;
  cockshott_iron_coal_corn_bread: CockshottExpected;
  miller_blair_2009_ch2_two_sector: { Z: number[][]; f: number[]; x_published: number[]; A_published: number[][] };
};

/** A = Z diag(1/x), row-major. */
function coefficients(t: IoTable): Float64Array {
  const n = t.sectors.length * t.regions.length;
  const x = t.x ?? new Float64Array(n);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = x[j] === 0 ? 0 : t.Z[i * n + j] / x[j];
  return A;
}

/** Largest |((I − A) L − I)_ij|. */
function inverseResidual(A: Float64Array, L: number[][]): number {
  const n = L.length;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = L[i][j];
      for (let k = 0; k < n; k++) s -= A[i * n + k] * L[k][j];
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return worst;
}


describe('Eurostat manual, Germany 1995 (Beutel table 15.4)', async () => {
  const file = fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv');
  const e = expected.eurostat_manual_2008_germany_1995;

  test('without a mapping: products, final demand, output row P1, primary inputs and their subtotals, totals checked and not read', async () => {
    const t = await readSymmetricTable(file, { unit: 'EUR million' });
    assert.deepEqual(t.sectors, e.sectors);
    assert.deepEqual(t.categories, ['final_consumption_households', 'final_consumption_government', 'gross_capital_formation', 'inventory_change', 'exports']);
    assert.deepEqual(Array.from(t.x ?? []), [43910, 1079446, 245606, 540063, 692487, 508918]);
    assert.equal(t.Z[0], 1131);
    assert.equal(t.Z[1 * 6 + 2], 64167);
    assert.equal(t.Y[0 * 5 + 3], -6, 'inventory change of agriculture');
    assert.equal(t.unit, 'EUR million');
    const stressors = t.extensions[0].stressors.map((s) => s.id);
    assert.equal(t.extensions[0].name, 'factor_inputs');
    for (const r of ['imports', 'compensation_employees', 'os_mixed_income_net', 'employment_wage_salary', 'gva', 'employment_domestic_total']) assert.ok(stressors.includes(r), r);
    for (const r of ['total', 'intermediate_consumption', 'output']) assert.ok(!stressors.includes(r), `${r} is a total`);
    // Other taxes less subsidies on production are negative in agriculture and other services: two accounts, the row is their difference.
    const F = t.extensions[0].F;
    const row = (id: string): number[] => Array.from(F.subarray(stressors.indexOf(id) * 6, stressors.indexOf(id) * 6 + 6));
    assert.deepEqual(row('net_tax_production'), [0, 1457, 963, 2748, 5946, 0]);
    assert.deepEqual(row('net_tax_production (negative part)'), [2012, 0, 0, 0, 0, 8602]);
    // The published total column differs from the row sum of industry (1079400 against 1079446): within the tolerance, and said so.
    assert.ok(t.notes?.guessed.some((g) => g.includes('stated 1079400, sum 1079446')), t.notes?.guessed.join('\n'));
  });

  test('with a mapping file: A = Z / P1 matches the published inverse and coefficients', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-mapping-'));
    try {
      const mapping = join(dir, 'mapping.yaml');
      await writeFile(
        mapping,
        [
          'label_column: iotables_row',
          'output_row: output',
          'unit: EUR million',
          'primary_inputs: [compensation_employees, gva, employment_domestic_total]',
          'primary_units: { employment_domestic_total: 1000 persons }',
        ].join('\n'),
      );
      const t = await readSymmetricTable(file, { mapping });
      assert.deepEqual(t.sectors, e.sectors);
      const A = coefficients(t);
      assert.equal(A[1 * 6 + 1], 304584 / 1079446);
      // L of expected.json is the inverse of I − A to full precision.
      assert.ok(inverseResidual(A, e.computed_full_precision.L) <= 1e-12, `residual ${inverseResidual(A, e.computed_full_precision.L)}`);
      const sel = e.published['I_minus_A_selected (Table 15.9)'] as Record<string, number>;
      const idx = (k: string): number => ({ agri: 0, industry: 1, construction: 2 })[k] ?? -1;
      for (const [key, v] of Object.entries(sel)) {
        const [i, j] = key.split(',').map(idx);
        assert.ok(Math.abs((i === j ? 1 : 0) - A[i * 6 + j] - v) <= 5e-5, key);
      }
      const ext = t.extensions[0];
      assert.deepEqual(ext.stressors, [
        { id: 'compensation_employees', unit: 'EUR million' },
        { id: 'gva', unit: 'EUR million' },
        { id: 'employment_domestic_total', unit: '1000 persons' },
      ]);
      const gva = e.published.gva_coefficients as number[];
      for (let j = 0; j < 6; j++) assert.ok(Math.abs(ext.F[6 + j] / (t.x?.[j] ?? 1) - gva[j]) <= 5e-5, `gva coefficient ${j}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Cockshott iron, coal, corn, bread (rows are inputs, last row gross output)', async () => {
  const t = await readSymmetricTable(fixture('cockshott-5yearplan', 'flows.csv'));
  const ex = expected.cockshott_iron_coal_corn_bread.expected;

  test('layout: four products, labour as primary input, final demand = output − row sums', () => {
    assert.deepEqual(t.sectors, ['iron', 'coal', 'corn', 'bread']);
    assert.deepEqual(Array.from(t.x ?? []), [10, 6, 10, 1]);
    assert.deepEqual(t.categories, ['final_demand']);
    assert.ok(maxRelativeDifference(t.Y, ex.net_output) <= 1e-12);
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), ['labour']);
    assert.deepEqual(Array.from(t.extensions[0].F), [0.3, 1, 2, 0.1]);
  });

  test('labour values v = l (I − A)^-1 of the published example satisfy v (I − A) = l', () => {
    const A = coefficients(t);
    const v = ex.labour_values;
    const x = t.x ?? new Float64Array(4);
    for (let j = 0; j < 4; j++) {
      let s = v[j];
      for (let i = 0; i < 4; i++) s -= v[i] * A[i * 4 + j];
      const l = t.extensions[0].F[j] / x[j];
      assert.ok(Math.abs(s - l) <= 1e-9, `product ${j}: ${s} vs ${l}`);
    }
    let vy = 0;
    for (let i = 0; i < 4; i++) vy += v[i] * t.Y[i];
    assert.ok(Math.abs(vy - ex.value_of_net_output_equals_total_labour) <= 1e-9);
  });
});

describe('Miller and Blair, two sectors, as a CSV with CRLF', () => {
  const mb = expected.miller_blair_2009_ch2_two_sector;
  test('A, x, final demand and value added', () => {
    const t = parseSymmetricTable(millerBlairCsv, 'miller-blair.csv', { emptyIsZero: false });
    assert.deepEqual(t.sectors, ['agriculture', 'manufacturing']);
    assert.deepEqual(t.categories, ['final demand']);
    assert.deepEqual(Array.from(t.Y), mb.f);
    assert.deepEqual(Array.from(t.x ?? []), mb.x_published);
    assert.deepEqual(Array.from(t.Z), mb.Z.flat());
    assert.ok(maxRelativeDifference(coefficients(t), mb.A_published.flat()) <= 1e-12);
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), ['value added']);
  });

  test('metamorphic: permuting products permutes A; rescaling the unit leaves A unchanged', () => {
    const rnd = seededRandom(20240917);
    const n = 5;
    const names = Array.from({ length: n }, (_, i) => `good ${i}`);
    const Z = Array.from({ length: n }, () => Array.from({ length: n }, () => Math.round(rnd() * 1000) / 10));
    const f = Array.from({ length: n }, () => Math.round(rnd() * 5000) / 10);
    const csv = (order: number[], scale: number): string => {
      const lines = [['label', ...order.map((k) => names[k]), 'households', 'total'].join(',')];
      for (const i of order) {
        const row = order.map((j) => Z[i][j] * scale);
        const fi = f[i] * scale;
        lines.push([names[i], ...row, fi, row.reduce((a, b) => a + b, fi)].join(','));
      }
      return lines.join('\n');
    };
    const base = coefficientsOf(parseSymmetricTable(csv([0, 1, 2, 3, 4], 1), 'base.csv'));
    const perm = [3, 0, 4, 1, 2];
    const permuted = coefficientsOf(parseSymmetricTable(csv(perm, 1), 'perm.csv'));
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) assert.ok(Math.abs(permuted[a * n + b] - base[perm[a] * n + perm[b]]) <= 1e-15 * Math.abs(base[perm[a] * n + perm[b]]) + 1e-300, `A[${a}][${b}]: ${permuted[a * n + b]} vs ${base[perm[a] * n + perm[b]]}`);
    const scaled = coefficientsOf(parseSymmetricTable(csv([0, 1, 2, 3, 4], 1000), 'scaled.csv'));
    assert.ok(maxRelativeDifference(scaled, base, 1e-300) <= 1e-12);
  });
});

/** A with x = rowsum Z + rowsum Y (the table states no output). */
function coefficientsOf(t: IoTable): Float64Array {
  const n = t.sectors.length;
  const k = t.categories.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) x[i] += t.Z[i * n + j];
    for (let c = 0; c < k; c++) x[i] += t.Y[i * k + c];
  }
  return coefficients({ ...t, x });
}

describe('bad tables give an InputError with file, row, column and value', () => {
  const cases: { name: string; text: string; code: string; row: number; tableColumn: number; value: unknown; options?: Record<string, unknown> }[] = [
    { name: 'ragged row', text: millerBlairCsv.replace('200,100,1700,2000', '200,100,1700'), code: 'ragged-row', row: 3, tableColumn: 5, value: 4 },
    { name: 'non-numeric cell', text: millerBlairCsv.replace('150,500', '150,abc'), code: 'not-a-number', row: 2, tableColumn: 3, value: 'abc' },
    { name: 'decimal comma', text: millerBlairCsv.replace('150,500', '"150,5",500'), code: 'not-a-number', row: 2, tableColumn: 2, value: '150,5' },
    { name: 'NaN', text: millerBlairCsv.replace('350', 'NaN'), code: 'not-a-number', row: 2, tableColumn: 4, value: 'NaN' },
    { name: 'mismatched labels', text: millerBlairCsv.replace('\nmanufacturing,', '\nmanufactures,'), code: 'label-mismatch', row: 3, tableColumn: 1, value: 'manufactures' },
    { name: 'negative output', text: millerBlairCsv.replace('total output,1000', 'total output,-1000'), code: 'negative', row: 5, tableColumn: 2, value: '-1000' },
    { name: 'negative intermediate flow', text: millerBlairCsv.replace('200,100', '200,-100'), code: 'negative', row: 3, tableColumn: 3, value: '-100' },
    { name: 'duplicated row label', text: millerBlairCsv.replace('value added', 'agriculture'), code: 'duplicate-label', row: 4, tableColumn: 1, value: 'agriculture' },
    { name: 'empty cell in a block', text: millerBlairCsv.replace('150,500', '150,'), code: 'empty-cell', row: 2, tableColumn: 3, value: '' },
    { name: 'a number beyond 1e30', text: millerBlairCsv.replace('150,500', '150,5e30'), code: 'too-large', row: 2, tableColumn: 3, value: '5e30' },
    { name: 'a product label with "@"', text: millerBlairCsv.replaceAll('manufacturing', 'manu@facturing'), code: 'invalid-id', row: 3, tableColumn: 1, value: 'manu@facturing' },
    { name: 'a primary-input label with "@"', text: millerBlairCsv.replace('value added', 'value added@vienna'), code: 'invalid-id', row: 4, tableColumn: 1, value: 'value added@vienna' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.throws(
        () => parseSymmetricTable(c.text, 'bad.csv', c.options ?? {}),
        (err: unknown) => {
          assert.ok(err instanceof InputError);
          const issue = err.issues[0];
          assert.equal(issue.code, c.code, err.message);
          assert.deepEqual(
            { file: issue.location.file, row: issue.location.row, tableColumn: issue.location.tableColumn, value: issue.value },
            { file: 'bad.csv', row: c.row, tableColumn: c.tableColumn, value: c.value },
            err.message,
          );
          assert.match(err.message, /^bad\.csv row \d+, column \d+: /);
          return true;
        },
      );
    });
  }

  test('a missing file names the file', async () => {
    await assert.rejects(readSymmetricTable(fixture('no-such-table.csv')), (err: unknown) => err instanceof InputError && err.issues[0].code === 'missing-file' && err.issues[0].location.file === fixture('no-such-table.csv'));
  });

  test('a column without a partner under a title row is placed in the header row', () => {
    const text = ['Flows 2020 in million', 'code,a,b,c,final demand', 'p,1,2,3,4', 'q,5,6,7,8', 'value added,9,10,11,', 'total output,15,18,21,'].join('\n');
    assert.throws(
      () => parseSymmetricTable(text, 'bad.csv'),
      (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].code, 'ambiguous-layout', err.message);
        assert.deepEqual({ row: err.issues[0].location.row, tableColumn: err.issues[0].location.tableColumn, value: err.issues[0].value }, { row: 2, tableColumn: 4, value: 'c' });
        return true;
      },
    );
  });

  test('a mapping whose products are an empty list is refused at that key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-mapping-'));
    try {
      const mapping = join(dir, 'm.json');
      await writeFile(mapping, JSON.stringify({ products: [] }));
      await assert.rejects(readSymmetricTable(fixture('cockshott-5yearplan', 'flows.csv'), { mapping }), (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        assert.equal(err.issues[0].location.file, mapping);
        assert.deepEqual(err.issues[0].location.path, ['products']);
        return true;
      });
      assert.throws(() => parseSymmetricTable(millerBlairCsv, 'mb.csv', { products: [] }), (err: unknown) => err instanceof InputError && err.issues[0].code === 'bad-mapping');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a product the mapping names and the table lacks is placed in the mapping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-mapping-'));
    try {
      const mapping = join(dir, 'm.json');
      await writeFile(mapping, JSON.stringify({ products: ['iron', 'steel'] }));
      await assert.rejects(readSymmetricTable(fixture('cockshott-5yearplan', 'flows.csv'), { mapping }), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].code, 'label-mismatch', err.message);
        assert.equal(err.issues[0].location.file, mapping);
        assert.deepEqual(err.issues[0].location.path, ['products', 1]);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an unknown key in a mapping names its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-mapping-'));
    try {
      const mapping = join(dir, 'm.json');
      await writeFile(mapping, JSON.stringify({ products: ['agriculture'], outputs: 'x' }));
      await assert.rejects(readSymmetricTable(fixture('cockshott-5yearplan', 'flows.csv'), { mapping }), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.deepEqual(err.issues[0].location, { file: mapping, line: 1, column: 39, path: ['outputs'] });
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
