import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/model/errors.js';
import { readBea } from '../../../../src/model/import/bea/import-bea.js';
import { beaName } from '../../../../src/model/import/bea/bea-files.js';
import { readWorkbook, type Sheet } from '../../../../src/model/import/read-workbook.js';
import { tableOutput, type IoTable } from '../../../../src/model/import/index.js';
import { beaIo, beaIoZip, beaSup, DETAIL_MAKE, DETAIL_SUPPLY, SUMMARY_MAKE, SUMMARY_SUPPLY, SUMMARY_USE, writeBea } from './bea-inputs.js';

/** A sheet read independently of the importer: columns by a heading (code or name) in the rows above "Code"'s, rows by their code (or, without one, name). */
function cells(sheet: Sheet): { col: (heading: string) => number; row: (code: string) => number; at: (r: number, c: number) => number; codes: () => string[] } {
  const text = (r: number, c: number): string => String(sheet.rows[r]?.[c] ?? '').trim();
  const h = sheet.rows.findIndex((_, i) => text(i, 0) === 'Code');
  return {
    col: (heading) => {
      for (let r = h - 1; r <= h; r++) {
        const c = sheet.rows[r].findIndex((v) => v === heading);
        if (c >= 0) return c;
      }
      assert.fail(`no column ${heading}`);
    },
    row: (code) => {
      const r = sheet.rows.findIndex((_, i) => i > h && (text(i, 0) === code || (text(i, 0) === '' && text(i, 1) === code)));
      assert.ok(r >= 0, `no row ${code}`);
      return r;
    },
    at: (r, c) => {
      const v = sheet.rows[r][c];
      return typeof v === 'number' ? v : 0;
    },
    codes: () => sheet.rows.map((_, i) => text(i, 0)).filter((c, i) => i > h && c !== '' && !/^T\d{3}$/.test(c)),
  };
}

async function sheetOf(file: string, year: string): Promise<Sheet> {
  const sheets = await readWorkbook(file, file, { sheets: (n) => n === year });
  assert.equal(sheets.length, 1);
  return sheets[0];
}

function close(a: number, b: number, tol = 1e-12): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** Model B by hand from the published cells, V the make table (industries × commodities): z_ik = Σ_j u_ij v_jk / g_j; x the published total commodity output; Y the final uses. */
async function modelBByHand(year: string, t: IoTable, makeFile: string, useFile: string): Promise<void> {
  const make = cells(await sheetOf(makeFile, year));
  const use = cells(await sheetOf(useFile, year));
  const industries = make.codes();
  const products = t.sectors;
  const n = products.length;
  assert.ok(industries.length > 0 && industries.length < n);
  const g = industries.map((j) => products.reduce((s, k) => s + make.at(make.row(j), make.col(k)), 0));
  for (const [i, pi] of products.entries()) {
    for (const [k, pk] of products.entries()) {
      let z = 0;
      industries.forEach((j, jj) => (z += (use.at(use.row(pi), use.col(j)) * make.at(make.row(j), make.col(pk))) / g[jj]));
      assert.ok(close(t.Z[i * n + k], z), `Z[${pi}][${pk}] = ${t.Z[i * n + k]}, by hand ${z}`);
    }
  }
  const x = tableOutput(t);
  const total = t.sectors[0] === '111CA' ? 'Total Commodity Output' : 'T007';
  for (const [i, pi] of products.entries()) {
    assert.ok(close(x[i], use.at(use.row(pi), use.col(total))), `x of ${pi}`);
    t.categories.forEach((c, k) => assert.equal(t.Y[i * t.categories.length + k], use.at(use.row(pi), use.col(c))));
  }
}

describe('import bea: make and use tables (BEA’s make–use framework)', () => {
  test('summary: the latest year, by code; Z is model B of the published cells by hand, x the published commodity output, Y the final uses', async () => {
    const t = await readBea(beaIo);
    assert.deepEqual(t.sectors, ['111CA', '211', '31G', '42', '48TW', 'GSLG', 'Used', 'Other']);
    assert.deepEqual(t.categories, ['F010', 'F02E', 'F030', 'F040', 'F050', 'F10C']);
    assert.deepEqual(t.regions, ['US']);
    assert.equal(t.unit, 'USD million');
    assert.match(t.name, /2022/);
    assert.ok(t.notes?.guessed.some((g) => g.includes('year 2022')));
    await modelBByHand('2022', t, join(beaIo, SUMMARY_MAKE), join(beaIo, SUMMARY_USE));
    // value added: V002 has a negative entry (farms' subsidies), split into its parts
    assert.deepEqual(
      t.extensions[0].stressors.map((s) => s.id),
      ['V001', 'V002', 'V002 (negative part)', 'V003'],
    );
  });

  test('--year chooses the sheet; the zip reads as the folder does', async () => {
    const folder = await readBea(beaIo, { year: '2021' });
    const zip = await readBea(beaIoZip, { year: '2021' });
    assert.match(folder.name, /2021/);
    assert.deepEqual(Array.from(zip.Z), Array.from(folder.Z));
    assert.notDeepEqual(Array.from(folder.Z), Array.from((await readBea(beaIo)).Z));
    await modelBByHand('2021', folder, join(beaIo, SUMMARY_MAKE), join(beaIo, SUMMARY_USE));
  });

  test('detail: codes in the row with "Code", names above it, "..." cells read as 0, totals by T-code', async () => {
    const t = await readBea(join(beaIo, DETAIL_MAKE));
    assert.equal(t.sectors.length, 11);
    assert.ok(t.sectors.includes('S00402'));
    assert.deepEqual(t.categories, ['F01000', 'F02E00', 'F03000', 'F04000', 'F05000', 'F10C00']);
    assert.ok(t.notes?.read.some((r) => /\d+ cells "\.\.\."/.test(r)));
    assert.ok(t.notes?.read.some((r) => r.includes('T008') && r.includes('T007')));
    await modelBByHand('2017', t, join(beaIo, DETAIL_MAKE), join(beaIo, 'IOUse_Before_Redefinitions_PRO_2017_Detail.xlsx'));
  });

  test('model D: industry × industry; models A and C refused: more commodities than industries', async () => {
    const d = await readBea(beaIo, { model: 'D' });
    assert.deepEqual(d.sectors, ['111CA', '211', '31G', '42', '48TW', 'GSLG']);
    for (const model of ['A', 'C'] as const) {
      await assert.rejects(readBea(beaIo, { model }), (err: unknown) => err instanceof InputError && err.issues[0].code === 'sut-not-square' && err.issues[0].location.path?.[0] === '--model');
    }
  });
});

describe('import bea: supply and use tables (BEA’s supply–use framework)', () => {
  for (const [level, file] of [
    ['summary', SUMMARY_SUPPLY],
    ['detail', DETAIL_SUPPLY],
  ] as const) {
    test(`${level}: imports, margins and taxes of the supply table as negative final use, so that each commodity's row adds up to its domestic output`, async () => {
      const t = await readBea(join(beaSup, file));
      const n = t.sectors.length;
      const K = t.categories.length;
      for (const c of ['MCIF', 'MADJ', 'TRADE', 'TRANS', 'MDTY', 'TOP', 'SUB']) assert.ok(t.categories.includes(c), c);
      assert.ok(!t.categories.some((c) => /^T\d{3}$/.test(c)));
      const x = tableOutput(t);
      for (let i = 0; i < n; i++) {
        let row = 0;
        for (let j = 0; j < n; j++) row += t.Z[i * n + j];
        for (let k = 0; k < K; k++) row += t.Y[i * K + k];
        assert.ok(close(row, x[i], 1e-9), `${t.sectors[i]}: ${row} vs ${x[i]}`);
      }
      // trade margins: negative final use of goods, positive of the trade commodity
      const trade = t.categories.indexOf('TRADE');
      assert.ok(t.Y[0 * K + trade] < 0);
      assert.ok(t.notes?.dropped.some((d) => d.includes('T00TOP') && d.includes('VAPRO')));
      assert.deepEqual(
        t.extensions[0].stressors.map((s) => s.id),
        [level === 'summary' ? 'V001' : 'V00100', 'T00OTOP', 'T00OSUB', 'T00OSUB (negative part)', level === 'summary' ? 'V003' : 'V00300'],
      );
    });
  }
});

describe('import bea: located errors', () => {
  const refused = async (p: Promise<unknown>, code: string, where: { file?: RegExp; row?: number; tableColumn?: number; path?: string }): Promise<void> => {
    await assert.rejects(p, (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      const issue = err.issues[0];
      assert.equal(issue.code, code, err.message);
      if (where.file !== undefined) assert.match(issue.location.file ?? '', where.file);
      if (where.row !== undefined) assert.equal(issue.location.row, where.row, err.message);
      if (where.tableColumn !== undefined) assert.equal(issue.location.tableColumn, where.tableColumn, err.message);
      if (where.path !== undefined) assert.equal(issue.location.path?.[0], where.path, err.message);
      return true;
    });
  };

  test('a year the workbook lacks, a level the folder lacks, no use workbook', async () => {
    await refused(readBea(beaIo, { year: '1999' }), 'missing-year', { path: '--year', file: /IOMake/ });
    await refused(readBea(beaIo, { level: 'sector' }), 'file-not-found', { path: '--level' });
    await refused(readBea(join(beaIo, SUMMARY_USE)), 'use-as-path', { path: 'path' });
  });

  test('cells: an unknown code, a non-number, a negative make entry, a published total that does not add up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-bea-'));
    try {
      await refused(readBea(await writeBea(join(dir, 'a'), beaIo, SUMMARY_MAKE, { '2022!C6': '999ZZ' })), 'unknown-code', { file: /IOMake.*\[2022\]/, row: 6, tableColumn: 3 });
      await refused(readBea(await writeBea(join(dir, 'b'), beaIo, SUMMARY_MAKE, { '2022!D9': '12O' })), 'not-a-number', { file: /IOMake.*\[2022\]/, row: 9, tableColumn: 4 });
      await refused(readBea(await writeBea(join(dir, 'c'), beaIo, SUMMARY_MAKE, { '2022!E10': -3 })), 'negative', { row: 10, tableColumn: 5 });
      // the use table's total industry output of the first industry (row 21: 8 commodities, T005, 3 value added, T006 below row 7)
      await refused(readBea(await writeBea(join(dir, 'd'), beaIo, SUMMARY_USE, { '2022!C21': 1 })), 'total-mismatch', { file: /IOUse.*\[2022\]/, row: 21, tableColumn: 3 });
      await refused(readBea(await writeBea(join(dir, 'e'), beaIo, SUMMARY_USE, { '2022!C8': 5000 })), 'unbalanced', { file: /IOUse/ });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('import bea: BEA’s file names', () => {
  test('make, use (producers’ or purchasers’ prices), supply and use of the supply–use framework; level and redefinitions; other files not BEA’s', () => {
    assert.deepEqual(beaName('IOMake_After_Redefinitions_2017_Detail .xlsx'), { role: 'make', framework: 'make-use', level: 'detail', redefinitions: 'after' });
    assert.deepEqual(beaName('IOUse_Before_Redefinitions_PUR_1997-2022_Summary.xlsx'), { role: 'use', framework: 'make-use', prices: 'PUR', level: 'summary', redefinitions: 'before' });
    assert.deepEqual(beaName('Supply_2017_DET.xlsx'), { role: 'supply', framework: 'supply-use', level: 'detail' });
    assert.deepEqual(beaName('Use_Tables_Supply-Use_Framework_1997-2022_Summary.xlsx'), { role: 'use', framework: 'supply-use', level: 'summary' });
    assert.deepEqual(beaName('Supply_Tables_1997-2022_SECT.xlsx')?.level, 'sector');
    assert.equal(beaName('ImportMatrices_Before_Redefinitions_SUM_1997-2022.xlsx'), undefined);
    assert.equal(beaName('IOMake_Before_Redefinitions_1997-2022_Summary.xls'), undefined);
  });
});
