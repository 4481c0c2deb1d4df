import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../../../../src/model/errors.js';
import { readWorkbook, tableOutput, type IoTable } from '../../../../src/model/import/index.js';
import { readWiod } from '../../../../src/model/import/wiod/read-wiod.js';
import { fixture } from '../../../helpers/paths.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';

const wiod = (...p: string[]) => fixture('wiod', ...p);

/** pymrio names WIOD's primary inputs by their descriptions. */
const DESCRIPTION: Record<string, string> = {
  TXSP: 'taxes less subsidies on products',
  EXP_adj: 'Cif/ fob adjustments on exports',
  PURR: 'Direct purchases abroad by residents',
  PURNR: 'Purchases on the domestic territory by non-residents',
  VA: 'Value added at basic prices',
  IntTTM: 'International Transport Margins',
};

/** Every product's column: Z, then every extension's F, sums to x (within 1e-9). */
function assertColumnsBalance(t: IoTable, extensions: readonly string[]): void {
  const n = t.regions.length * t.sectors.length;
  const x = tableOutput(t);
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += t.Z[i * n + j];
    for (const e of t.extensions.filter((x2) => extensions.includes(x2.name))) for (let s = 0; s < e.stressors.length; s++) col += e.F[s * n + j];
    assert.ok(Math.abs(col - x[j]) <= 1e-9 * Math.abs(x[j]), `product ${j}: ${col} vs ${x[j]}`);
  }
}

describe('WIOD', () => {
  test('2013 release (world table and socio-economic accounts) as pymrio parse_wiod reads it: x, D_cba, D_pba, D_imp, D_exp to 1e-9', async () => {
    const t = await readWiod(wiod('release2013'));
    assert.deepEqual(t.regions, ['AUS', 'ROU', 'USA', 'RoW']);
    assertAccountsMatchPymrio(t, fixture('pymrio-accounts', 'wiod_2013.json'), {
      extension: (name) => (name === 'SEA' ? 'sea' : name),
      stressorLabel: (s, ext) => [ext === 'factor_inputs' ? (DESCRIPTION[s.id] ?? s.id) : s.id],
    });
    assert.ok(t.notes?.read.some((l) => l.includes('ROM')));
  });

  test('2016 release, world table: 56-industry codes as given, final uses, rows below, output checked both ways', async () => {
    const t = await readWiod(wiod('release2016'));
    assert.deepEqual(t.regions, ['AUS', 'DEU', 'ROW']);
    assert.deepEqual(t.sectors, ['A01', 'C10-C12', 'M69_M70', 'T']);
    assert.deepEqual(t.categories, ['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN']);
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), ['TXSP', 'EXP_adj', 'PURR', 'PURNR', 'VA', 'IntTTM']);
    assertColumnsBalance(t, ['factor_inputs']);
    assert.equal(t.name, 'WIOD WIOT2014_Nov16_ROW');
    assert.ok(t.notes?.read.some((l) => l.startsWith('checked: the output column equals the row sums')));
    assert.ok(Array.from(t.Y).some((v) => v < 0), 'negative inventory changes kept');
  });

  test('2016 release (world table with SEA, national table): x, D_cba, D_pba, D_imp, D_exp equal pymrio calc_all on the workbooks read apart (pandas) to 1e-9', async () => {
    assertAccountsMatchPymrio(await readWiod(wiod('release2016')), fixture('pymrio-accounts', 'wiod2016_world.json'));
    assertAccountsMatchPymrio(await readWiod(wiod('release2016', 'AUS_NIOT_nov16.xlsx'), { year: 2014 }), fixture('pymrio-accounts', 'wiod2016_aus_2014.json'));
  });

  test('2016 release: the socio-economic accounts as the extension sea (persons, hours), ROW 0, monetary variables dropped', async () => {
    const t = await readWiod(wiod('release2016'));
    const sea = t.extensions.find((e) => e.name === 'sea');
    assert.ok(sea !== undefined);
    assert.deepEqual(sea.stressors, [
      { id: 'EMP', unit: 'thousand persons' },
      { id: 'EMPE', unit: 'thousand persons' },
      { id: 'H_EMPE', unit: 'million hours' },
    ]);
    const [data] = (await readWorkbook(wiod('release2016', 'WIOD_SEA_Nov16.xlsx'), 'sea')).filter((s) => s.name === 'DATA' || s.rows[0]?.[1] === 'variable');
    const row = data.rows.find((r) => r[0] === 'DEU' && r[1] === 'H_EMPE' && r[3] === 'C10-C12');
    const n = t.regions.length * t.sectors.length;
    assert.equal(sea.F[2 * n + 1 * 4 + 1], row?.[5]);
    for (let j = 8; j < 12; j++) assert.equal(sea.F[j], 0, 'ROW has no accounts');
    assert.ok(t.notes?.dropped.some((l) => l.includes('COMP, GO_PI')));
    assert.ok(t.notes?.guessed.some((l) => l.includes('ROW')));
  });

  test('2016 release, national table: --year, domestic flows, imported inputs as an extension, --sea', async () => {
    const path = wiod('release2016', 'AUS_NIOT_nov16.xlsx');
    await assert.rejects(readWiod(path), (e: unknown) => e instanceof InputError && /years 2013, 2014: name one with --year/.test(e.message));
    const t = await readWiod(path, { year: 2014, sea: wiod('release2016', 'WIOD_SEA_Nov16.xlsx') });
    assert.deepEqual(t.regions, ['AUS']);
    assert.deepEqual(t.categories, ['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN', 'EXP']);
    assert.deepEqual(
      t.extensions.map((e) => e.name),
      ['imports', 'factor_inputs', 'sea'],
    );
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), t.sectors);
    assertColumnsBalance(t, ['imports', 'factor_inputs']);
    assert.equal(t.name, 'WIOD AUS_NIOT_nov16 2014');
    // --region renames the country; its socio-economic accounts are still found by its code.
    const renamed = await readWiod(path, { year: 2014, sea: wiod('release2016', 'WIOD_SEA_Nov16.xlsx'), region: 'australia' });
    assert.deepEqual(renamed.regions, ['australia']);
    const sea = (u: typeof t) => u.extensions.find((e) => e.name === 'sea')?.F ?? new Float64Array();
    assert.ok(sea(t).some((v) => v > 0));
    assert.deepEqual([...sea(renamed)], [...sea(t)]);
    assert.ok(!(renamed.notes?.guessed ?? []).some((l) => l.includes('no socio-economic accounts')));
  });

  test('legacy .xls workbooks in the download (the 2013 environmental accounts), loose or zipped, are listed as not read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-wiod-'));
    try {
      for (const f of ['wiot09_row_sep12.xlsx', 'WIOD_SEA_July14.xlsx']) await copyFile(wiod('release2013', f), join(dir, f));
      await mkdir(join(dir, 'AIR_may12'));
      await writeFile(join(dir, 'AIR_may12', 'AUS_AIR_May12.xls'), 'not read');
      await copyFile(fixture('oecd', 'ICIO2018_2015.zip'), join(dir, 'lan_may12.zip'));
      const published = await readWiod(wiod('release2013'));
      const t = await readWiod(dir);
      assert.deepEqual(Array.from(t.Z), Array.from(published.Z));
      assert.equal(published.notes?.dropped.some((l) => l.includes('.xls workbook')), false);
      assert.ok(t.notes?.dropped.some((l) => /^1 legacy \.xls workbook not read \(.*AUS_AIR_May12\.xls\)/.test(l)), t.notes?.dropped.join('\n'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a national table row of an industry whose origin is neither Domestic nor Imports is an error at that cell', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-wiod-'));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(wiod('release2016', 'AUS_NIOT_nov16.xlsx'));
      wb.worksheets[0].getRow(4).getCell(4).value = 'Domestc';
      await wb.xlsx.writeFile(join(dir, 'AUS_NIOT_nov16.xlsx'));
      await assert.rejects(readWiod(join(dir, 'AUS_NIOT_nov16.xlsx'), { year: 2013 }), (e: unknown) => e instanceof InputError && /industry C10-C12 has origin "Domestc"/.test(e.message) && e.issues[0].location.row === 4 && e.issues[0].location.tableColumn === 4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--region with a world table is refused (it names its regions)', async () => {
    await assert.rejects(readWiod(wiod('release2016'), { region: 'australia' }), (e: unknown) => e instanceof InputError && /world table names its regions: --region is for a national table/.test(e.message) && e.issues[0].location.path?.[0] === '--region');
  });

  test('a world table as .xlsb is refused with the way out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-wiod-'));
    try {
      await copyFile(wiod('release2016', 'WIOT2014_Nov16_ROW.xlsx'), join(dir, 'WIOT2014_Nov16_ROW.xlsb'));
      await assert.rejects(readWiod(dir), (e: unknown) => e instanceof InputError && /\.xlsb.*save it as \.xlsx/.test(e.message));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
