import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/model/errors.js';
import { importers, tableOutput } from '../../../../src/model/import/index.js';
import { readOecdIcio } from '../../../../src/model/import/oecd/read-oecd-icio.js';
import { fixture } from '../../../helpers/paths.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';

const oecd = (name: string) => fixture('oecd', name);

describe('OECD ICIO: every edition as pymrio parse_oecd reads it (x, D_cba, D_pba, D_imp, D_exp to 1e-9)', () => {
  const cases = [
    { edition: '2016', path: oecd('ICIO2016_2003.csv'), year: undefined },
    { edition: '2018', path: oecd('ICIO2018_2015.zip'), year: undefined },
    { edition: '2021', path: oecd('ICIO2021_2018.csv'), year: undefined },
    { edition: '2023', path: oecd('ICIO2023_2019-2020.zip'), year: 2020 },
  ];
  for (const c of cases) {
    test(`${c.edition} edition`, async () => {
      const table = await readOecdIcio(c.path, c.year === undefined ? {} : { year: c.year });
      assertAccountsMatchPymrio(table, fixture('pymrio-accounts', `oecd_${c.edition}.json`));
      assert.equal(table.unit, 'USD million');
      assert.ok(!table.regions.some((r) => /^(CN|MX)\d$/.test(r)), table.regions.join(' '));
    });
  }
});

describe('OECD ICIO: layouts', () => {
  test('2023: industry codes holding "_", CN1/CN2 and MX1/MX2 added into CHN and MEX, DPABR', async () => {
    const t = await readOecdIcio(oecd('ICIO2023_2019-2020.zip'), { year: 2019 });
    assert.deepEqual(t.sectors, ['A01_02', 'B05_06', 'C10T12', 'C17_18', 'J62_63']);
    assert.deepEqual(t.regions, ['AUS', 'CHN', 'MEX', 'USA', 'ROW']);
    assert.deepEqual(t.categories, ['HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'DPABR']);
    assert.equal(t.name, 'OECD ICIO, 2019');
    assert.ok(t.notes?.read.some((l) => l.includes('CN1, CN2, MX1, MX2') && l.includes('CHN and MEX')));
    // negative inventory changes are kept in final demand
    assert.ok(Array.from(t.Y).some((v) => v < 0));
  });

  test('a download of several years needs --year, and says which years it holds', async () => {
    await assert.rejects(readOecdIcio(oecd('ICIO2023_2019-2020.zip')), (e: unknown) => e instanceof InputError && /several years \(2019, 2020\)/.test(e.message));
    await assert.rejects(readOecdIcio(oecd('ICIO2023_2019-2020.zip'), { year: 2017 }), (e: unknown) => e instanceof InputError && /no ICIO tables .* for 2017 \(years: 2019, 2020\)/.test(e.message));
  });

  test('one CSV under a name of its own (saved or renamed) is read by its labels, and said so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-oecd-'));
    try {
      await copyFile(oecd('ICIO2021_2018.csv'), join(dir, 'icio-download.csv'));
      const t = await readOecdIcio(join(dir, 'icio-download.csv'));
      const published = await readOecdIcio(oecd('ICIO2021_2018.csv'));
      assert.deepEqual([t.regions, t.sectors, Array.from(t.Z), Array.from(t.Y)], [published.regions, published.sectors, Array.from(published.Z), Array.from(published.Y)]);
      assert.ok(t.notes?.guessed.some((l) => l.includes('read as an ICIO table by its labels')));
      // Beside an OECD-named file, a CSV of another name is not read.
      await copyFile(oecd('ICIO2016_2003.csv'), join(dir, 'ICIO2016_2003.csv'));
      assert.equal((await readOecdIcio(dir)).regions.length, (await readOecdIcio(oecd('ICIO2016_2003.csv'))).regions.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a folder with a year both full and _SML reads the full table and says it left the other', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-oecd-'));
    try {
      await copyFile(oecd('ICIO2021_2018.csv'), join(dir, '2018.csv'));
      await copyFile(oecd('ICIO2021_2018.csv'), join(dir, '2018_SML.csv'));
      await copyFile(oecd('ICIO2016_2003.csv'), join(dir, 'ICIO2016_2003.csv'));
      const t = await readOecdIcio(dir, { year: 2018 });
      assert.ok(t.notes?.read[0].includes('2018.csv'));
      assert.ok(t.notes?.dropped.some((l) => l.includes('2018_SML.csv')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('2016: final demand written category first, DISC left out of Y but kept in x', async () => {
    const text = [
      '"","AUS_C01","AUS_C15","NZL_C01","NZL_C15","HFCE_AUS","HFCE_NZL","INV_AUS","INV_NZL","DISC"',
      '"AUS_C01",10,5,1,1,50,10,-2,0,3',
      '"AUS_C15",4,20,2,1,60,12,1,0,0',
      '"NZL_C01",1,1,8,4,5,40,0,2,-1',
      '"NZL_C15",2,1,3,15,6,50,0,-1,0',
      '"VA+TAXSUB",61,73,46,55,0,0,0,0,0',
      '"OUT",78,100,60,76,0,0,0,0,0',
    ].join('\n');
    const dir = await mkdtemp(join(tmpdir(), 'plenty-oecd-'));
    try {
      await writeFile(join(dir, 'ICIO2016_2000.csv'), text);
      const t = await readOecdIcio(join(dir, 'ICIO2016_2000.csv'));
      assert.deepEqual(t.categories, ['HFCE', 'INV']);
      // AUS_C01: Y row [50, -2 | 10, 0] (AUS then NZL), DISC 3 is not in Y
      assert.deepEqual(Array.from(t.Y.slice(0, 4)), [50, -2, 10, 0]);
      assert.deepEqual(Array.from(tableOutput(t)), [78, 100, 60, 76]);
      assert.ok(t.notes?.dropped.some((l) => /DISC .*2 non-zero entries summing to 2, kept in x/.test(l)));
      assert.ok(t.notes?.read.some((l) => l.startsWith('checked: the output row equals the row sums of Z, Y and DISC')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an output column that differs from the row sums is reported and the row sums are used', async () => {
    const text = (await readFile(oecd('ICIO2021_2018.csv'), 'utf8')).split('\n');
    const cells = text[1].split(',');
    const stated = Number(cells[cells.length - 1]);
    cells[cells.length - 1] = String(stated * 1.01);
    text[1] = cells.join(',');
    const dir = await mkdtemp(join(tmpdir(), 'plenty-oecd-'));
    try {
      await writeFile(join(dir, 'ICIO2021_2018.csv'), text.join('\n'));
      const t = await readOecdIcio(join(dir, 'ICIO2021_2018.csv'));
      assert.ok(t.notes?.read.some((l) => /the output column differs from the row sums of Z and Y beyond 1e-6 \(relative\) for 1 of 16 products \(ARG_D01T02\)/.test(l)), t.notes?.read.join('\n'));
      assert.ok(t.notes?.dropped.some((l) => l.includes('ARG_D01T02')));
      assert.ok(Math.abs((t.x?.[0] ?? 0) - stated) < 1e-9 * stated);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('importers.oecd splits taxes less subsidies (negative somewhere) so that the model loads, as every importer does; published TLS = TLS − "TLS (negative part)"', async () => {
    const signed = await readOecdIcio(oecd('ICIO2021_2018.csv'));
    const split = await importers.oecd(oecd('ICIO2021_2018.csv'), {});
    const before = signed.extensions[0];
    const after = split.extensions[0];
    assert.deepEqual(
      after.stressors.map((s) => s.id),
      ['TLS', 'TLS (negative part)', 'VA'],
    );
    const n = signed.regions.length * signed.sectors.length;
    for (let j = 0; j < n; j++) {
      assert.equal(after.F[j] - after.F[n + j], before.F[j]);
      assert.ok(after.F[j] >= 0 && after.F[n + j] >= 0);
      assert.equal(after.F[2 * n + j], before.F[n + j]);
    }
    assert.ok(split.notes?.guessed.some((l) => l.includes('factor_inputs/TLS in')));
  });
});
