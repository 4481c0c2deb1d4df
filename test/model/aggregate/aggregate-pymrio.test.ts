import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mrioAccounts } from '../../../src/leontief/index.js';
import { aggregateEconomy, ioTableToEconomy, readConcordance, readPymrioFolder, type Economy } from '../../../src/model/index.js';
import { fixture } from '../../helpers/paths.js';
import { readReferenceMatrix } from '../import/read-reference.js';
import { tableOfEconomy } from './table-of-economy.js';

/** pymrio's test MRIO as `plenty import pymrio` makes it a model. */
async function testMrio(): Promise<{ economy: Economy; categories: readonly string[] }> {
  const table = await readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data'));
  return { economy: ioTableToEconomy(table), categories: table.categories };
}

/** Entry by entry, |a − b| ≤ rtol |b| + floor · max |b| (the rule of pymrio-accounts.ts). */
function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, rtol = 1e-9, floor = 1e-12): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let largest = 0;
  for (let i = 0; i < expected.length; i++) largest = Math.max(largest, Math.abs(expected[i]));
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= rtol * Math.abs(expected[i]) + floor * largest)) assert.fail(`${what}[${i}]: ${actual[i]} differs from pymrio's ${expected[i]} by ${err}`);
  }
}

/** What make_aggregated.py wrote: pymrio's accounts of the aggregate, and its A, L, Z, Y, F and F_Y. */
interface PymrioAggregate {
  readonly products: string[][];
  readonly categories: string[][];
  readonly x: number[];
  readonly A: number[];
  readonly L: number[];
  readonly Z: number[];
  readonly Y: number[];
  readonly extensions: Readonly<Record<string, { F: number[]; F_Y: number[] | null; D_cba: number[]; D_pba: number[] }>>;
}

/** A CSR matrix as a dense row-major array. */
function dense(A: { rows: number; cols: number; rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array }): Float64Array {
  const out = new Float64Array(A.rows * A.cols);
  for (let i = 0; i < A.rows; i++) for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) out[i * A.cols + A.colIdx[p]] = A.values[p];
  return out;
}

/** `values` (rows in `labels` order) reordered to the order of `want`. */
function byLabels(labels: readonly (readonly string[])[], values: readonly (readonly number[])[], want: readonly string[]): number[][] {
  const at = new Map(labels.map((l, k) => [l.join('\u0000'), k]));
  return want.map((key) => {
    const k = at.get(key);
    assert.ok(k !== undefined, `pymrio has no row ${key}`);
    return [...values[k]];
  });
}

describe('aggregation equals pymrio’s aggregate of its test MRIO', () => {
  test('regions reg1–3 → a, reg4–6 → b: A, L, Y, Z and x equal reference/aggregated_regions_2x8 to 1e-9', async () => {
    const { economy, categories } = await testMrio();
    const agg = aggregateEconomy(economy, { regions: await readConcordance(fixture('aggregate', 'regions-ab.csv')) });
    const table = tableOfEconomy(agg, categories);
    assert.deepEqual(table.regions, ['a', 'b']);
    assert.equal(table.sectors.length, 8);
    const acc = mrioAccounts(table, undefined, { denseInverses: true, tolerance: 1e-14 });
    const ref = (name: string) => readReferenceMatrix(fixture('pymrio-test-mrio', 'reference', 'aggregated_regions_2x8', `${name}.csv`), 2);
    const rows = acc.products.map((p) => `${p.region}\u0000${p.sector}`);
    const A = ref('A');
    // Reference columns are in pymrio's order, which is ours (a, b × the 8 sectors): checked on the labels row by row.
    assert.deepEqual(A.labels.map((l) => l.join('\u0000')), rows);
    assertClose(dense(acc.A), byLabels(A.labels, A.values, rows).flat(), 'A');
    const L = ref('L');
    assertClose(acc.L ?? [], byLabels(L.labels, L.values, rows).flat(), 'L');
    const Z = ref('Z');
    assertClose(table.Z, byLabels(Z.labels, Z.values, rows).flat(), 'Z');
    const Y = ref('Y');
    assertClose(table.Y, byLabels(Y.labels, Y.values, rows).flat(), 'Y');
    const x = ref('x');
    assertClose(acc.x, byLabels(x.labels, x.values, rows).flat(), 'x');
    const emissions = table.extensions.find((e) => e.name === 'emissions');
    for (const [file, ours] of [
      ['emissions_F.csv', emissions?.F],
      ['emissions_F_Y.csv', emissions?.FY],
    ] as const) {
      assertClose(ours ?? [], readReferenceMatrix(fixture('pymrio-test-mrio', 'reference', 'aggregated_regions_2x8', file), 2).values.flat(), file);
    }
    // pymrio sums the original footprints (D_cba_reg is a flow to it); recomputed on the aggregate they differ
    // by region (aggregation bias) and agree in total, final demand's own emissions included.
    const Dreg = readReferenceMatrix(fixture('pymrio-test-mrio', 'reference', 'aggregated_regions_2x8', 'emissions_D_cba_reg.csv'), 2);
    const ours = acc.extensions.find((e) => e.name === 'emissions')?.D_cba_reg ?? new Float64Array(0);
    assertClose([ours[0] + ours[1], ours[2] + ours[3]], Dreg.values.map((row) => row[0] + row[1]), 'emissions D_cba_reg summed over the regions');
  });

  for (const [name, regions, sectors] of [
    ['aggregated_ab_sector3', 'regions-ab.csv', 'sectors-3.csv'],
    ['aggregated_split', 'regions-split.csv', 'sectors-split.csv'],
  ] as const) {
    test(`${regions} and ${sectors}: x, A, L, Z, Y, F, F_Y and D_pba equal pymrio’s to 1e-9, D_cba in total`, async () => {
      const { economy, categories } = await testMrio();
      const agg = aggregateEconomy(economy, { regions: await readConcordance(fixture('aggregate', regions)), sectors: await readConcordance(fixture('aggregate', sectors)) });
      const table = tableOfEconomy(agg, categories);
      const file = fixture('pymrio-accounts', `${name}.json`);
      const ref = JSON.parse(readFileSync(file, 'utf8')) as PymrioAggregate;
      const acc = mrioAccounts(table, undefined, { denseInverses: true, tolerance: 1e-14 });
      assert.deepEqual(ref.products, acc.products.map((p) => [p.region, p.sector]), 'products in pymrio’s order');
      assert.deepEqual(ref.categories, table.regions.flatMap((r) => table.categories.map((c) => [r, c])));
      assertClose(acc.x, ref.x, 'x');
      assertClose(dense(acc.A), ref.A, 'A');
      assertClose(acc.L ?? [], ref.L, 'L');
      assertClose(table.Z, ref.Z, 'Z');
      for (const [ext, r] of Object.entries(ref.extensions)) {
        const ours = table.extensions.find((e) => e.name === ext);
        const accounts = acc.extensions.find((e) => e.name === ext);
        assert.ok(ours !== undefined && accounts !== undefined, ext);
        assertClose(ours.F, r.F, `${ext}.F`);
        if (r.F_Y !== null) assertClose(ours.FY ?? [], r.F_Y, `${ext}.F_Y`);
        // Production-based accounts are flows (F) and agree entry by entry; pymrio's D_cba sums the
        // original footprints, which the recomputed aggregate matches in total per stressor.
        assertClose(accounts.D_pba, r.D_pba, `${ext}.D_pba`);
        const n = acc.n;
        const totals = (v: ArrayLike<number>): number[] => ours.stressors.map((_, k) => Array.from({ length: n }, (_, j) => v[k * n + j]).reduce((a, b) => a + b, 0));
        assertClose(totals(accounts.D_cba), totals(r.D_cba), `${ext}.D_cba totals`);
      }
      assertClose(table.Y, ref.Y, 'Y');
    });
  }
});
