import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/model/errors.js';
import { importModel, readEora26, readPymrioFolder, singleRegionTable, tableOutput, type IoTable } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';

/** Two regions × two sectors, one category, one stressor with a final-demand part: every flow distinct. */
const twoByTwo: IoTable = {
  name: 't',
  unit: 'EUR',
  regions: ['a', 'b'],
  sectors: ['s1', 's2'],
  // rows a/s1, a/s2, b/s1, b/s2; columns the same
  Z: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
  categories: ['hh'],
  // columns a/hh, b/hh
  Y: Float64Array.from([20, 21, 22, 23, -30, 25, 26, 27]),
  extensions: [{ name: 'em', stressors: [{ id: 'co2', unit: 't' }], F: Float64Array.from([30, 31, 32, 33]), FY: Float64Array.from([40, 41]) }],
  population: Float64Array.from([100, 200]),
};

describe('--region of a multi-regional table: the region’s own table cut out', () => {
  test('flows among its products, its final demand, exports as a category, imports by region of origin (negatives split)', () => {
    const a = singleRegionTable(twoByTwo, 'a', 't.csv');
    assert.deepEqual([a.regions, a.sectors, a.categories], [['a'], ['s1', 's2'], ['hh', 'exports']]);
    assert.deepEqual([...a.Z], [1, 2, 5, 6]);
    // a/s1: own hh 20, exports 3 + 4 + 21; a/s2: own hh 22, exports 7 + 8 + 23
    assert.deepEqual([...a.Y], [20, 28, 22, 38]);
    const em = a.extensions[0];
    assert.deepEqual([em.name, [...em.F], [...(em.FY ?? [])]], ['em', [30, 31], [40, 0]]);
    const imp = a.extensions[1];
    assert.equal(imp.name, 'imports');
    assert.deepEqual(imp.stressors, [{ id: 'b', unit: 'EUR' }, { id: 'b (negative part)', unit: 'EUR' }]);
    // a/s1 buys 9 + 13 of b's products, a/s2 10 + 14; a's households −30 (an inventory decrease) + 26
    assert.deepEqual([...imp.F], [22, 24, 0, 0]);
    assert.deepEqual([...(imp.FY ?? [])], [0, 0, 4, 0]);
    assert.deepEqual([...(a.population ?? [])], [100]);
    assert.match(a.notes?.read.at(-2) ?? '', /--region a: its own table cut out of the 2 regions' \(2 sectors\)/);

    const b = singleRegionTable(twoByTwo, 'b', 't.csv');
    assert.deepEqual([...b.Z], [11, 12, 15, 16]);
    assert.deepEqual(b.extensions[1].stressors.map((s) => s.id), ['a']);
  });

  test('gross output is kept, and value added and stressors keep the region’s columns (pymrio’s test MRIO, Eora26)', async () => {
    for (const t of [await readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data')), await readEora26(fixture('eora26'))]) {
      const S = t.sectors.length;
      const x = tableOutput(t);
      for (const [r, region] of t.regions.entries()) {
        const one = singleRegionTable(t, region, 'in');
        const x1 = tableOutput(one);
        for (let j = 0; j < S; j++) assert.ok(Math.abs(x1[j] - x[r * S + j]) <= 1e-9 * Math.max(1, Math.abs(x[r * S + j])), `${t.name} ${region} ${t.sectors[j]}: ${x1[j]} vs ${x[r * S + j]}`);
        // What the region buys from the others, intermediate and final, is all in the imports extension.
        const n = t.regions.length * S;
        let bought = 0;
        for (let i = 0; i < n; i++) {
          if (Math.floor(i / S) === r) continue;
          for (let j = r * S; j < (r + 1) * S; j++) bought += t.Z[i * n + j];
          for (let c = 0; c < t.categories.length; c++) bought += t.Y[i * t.regions.length * t.categories.length + r * t.categories.length + c];
        }
        const imp = one.extensions.at(-1);
        assert.equal(imp?.name, 'imports');
        const signed = (v: Float64Array | undefined, m: number) => (v ?? new Float64Array()).reduce((s, u, k) => s + (imp?.stressors[Math.floor(k / m)].id.endsWith(' (negative part)') ? -u : u), 0);
        const got = signed(imp?.F, S) + signed(imp?.FY, t.categories.length + 1);
        assert.ok(Math.abs(got - bought) <= 1e-9 * Math.abs(bought), `${region}: imports ${got} vs ${bought}`);
      }
    }
  });

  test('importModel with region: the model written loads, one region and its products by sector', async () => {
    for (const [kind, path, region] of [
      ['eora26', fixture('eora26'), 'BRA'],
      ['pymrio', fixture('pymrio-test-mrio', 'mrio_data'), 'reg3'],
    ] as const) {
      const m = await importModel(kind, path, { region });
      assert.deepEqual(m.economy.regions?.map((r) => r.id), [region]);
      assert.equal(m.economy.products.length, m.table.sectors.length);
      assert.ok(m.economy.resources.some((r) => r.id.startsWith('imports/')), kind);
      assert.match(m.text, /exports/);
    }
  });

  test('a region the table has not is an InputError at --region, with the nearest', async () => {
    await assert.rejects(importModel('eora26', fixture('eora26'), { region: 'BRZ' }), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.issues[0].code, 'unknown-region');
      assert.deepEqual(err.issues[0].location.path, ['--region']);
      assert.match(err.message, /the table has no region "BRZ" \(did you mean "BRA"\?\); it has 3: AUS, BRA, SUD/);
      return true;
    });
  });
});
