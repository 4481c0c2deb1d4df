import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, type Issue } from '../../../../src/model/errors.js';
import { eora26PymrioLabels, importModel, readEora26, tableOutput, type IoTable } from '../../../../src/model/import/index.js';
import { parseEconomy } from '../../../../src/model/parse-economy.js';
import { fixture } from '../../../helpers/paths.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';
import { COMMITTED_EORA26, EORA26_SECTORS, eora26Files, type Eora26Spec } from './eora26-fixture.js';
import { zipBytes } from './zip-bytes.js';

const committed = fixture('eora26');

async function issues(p: Promise<unknown>): Promise<readonly Issue[]> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
    return err.issues;
  }
  assert.fail('expected an InputError');
}

/** A scratch folder for the duration of `f`. */
async function inScratch<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'plenty-eora26-'));
  try {
    return await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return dir;
}

/** The files of `spec` with `edit` applied to the text of one of them. */
function edited(spec: Eora26Spec, name: string, edit: (text: string) => string): Map<string, string> {
  const files = eora26Files(spec);
  const text = files.get(name);
  assert.ok(text !== undefined, name);
  files.set(name, edit(text));
  return files;
}

/** Every number of two tables equal (same shapes, labels and extensions). */
function assertSameTable(a: IoTable, b: IoTable): void {
  assert.deepEqual(a.regions, b.regions);
  assert.deepEqual(a.sectors, b.sectors);
  assert.deepEqual(a.categories, b.categories);
  assert.deepEqual(Array.from(a.Z), Array.from(b.Z));
  assert.deepEqual(Array.from(a.Y), Array.from(b.Y));
  assert.deepEqual(
    a.extensions.map((e) => [e.name, e.stressors, Array.from(e.F), e.FY === undefined ? null : Array.from(e.FY)]),
    b.extensions.map((e) => [e.name, e.stressors, Array.from(e.F), e.FY === undefined ? null : Array.from(e.FY)]),
  );
}

describe('Eora26: the committed fixture', () => {
  test('is what the seeded generator writes (regenerate with write-eora26-fixture.js)', () => {
    for (const [name, text] of eora26Files(COMMITTED_EORA26)) assert.equal(readFileSync(join(committed, name), 'utf8'), text, name);
  });

  test('every account equals pymrio’s parse_eora26 + calc_all to 1e-9 (x, D_cba, D_pba, D_imp, D_exp of VA and Q)', async () => {
    const table = await readEora26(committed, { negatives: 'keep' });
    const labels = await eora26PymrioLabels(committed);
    assertAccountsMatchPymrio(table, fixture('pymrio-accounts', 'eora26.json'), { stressorLabel: (s) => labels.get(s.id) ?? [s.id] });
  });

  test('3 regions × 26 sectors and 6 categories; ROW dropped and said so, with the unit and year guessed', async () => {
    const t = await readEora26(committed);
    assert.deepEqual(t.regions, ['AUS', 'BRA', 'SUD']);
    assert.deepEqual(t.sectors, [...EORA26_SECTORS]);
    assert.equal(t.categories.length, 6);
    assert.equal(t.unit, 'thousand USD');
    assert.equal(t.name, 'Eora26 2010 bp');
    const notes = t.notes;
    assert.ok(notes !== undefined);
    assert.match(notes.dropped.join('\n'), /region ROW .*1 row\(s\) and column\(s\) of T \(TOTAL\).*6 final-demand column\(s\)/);
    assert.match(notes.dropped.join('\n'), /amounts dropped with them \(sums of the cells left out, in thousand USD\): T \d/);
    assert.match(notes.guessed.join('\n'), /year 2010, the only one/);
    assert.match(notes.guessed.join('\n'), /basic prices \(bp\), the only ones/);
    assert.match(notes.guessed.join('\n'), /thousand USD.*FAQ/);
    assert.match(notes.read.join('\n'), /T: 78 × 78 intermediate flows, 3 regions \(AUS, BRA, SUD\) × 26 sectors/);
    assert.equal((await readEora26(committed, { unit: 'USD million' })).unit, 'USD million');
  });

  test('units of Q from its labels; ids name the source; negative VA and Q entries split so that published = part − negative part', async () => {
    const signed = await readEora26(committed, { negatives: 'keep' });
    const split = await readEora26(committed);
    const n = split.regions.length * split.sectors.length;
    for (const name of ['VA', 'Q']) {
      const s = signed.extensions.find((e) => e.name === name);
      const p = split.extensions.find((e) => e.name === name);
      assert.ok(s !== undefined && p !== undefined);
      const at = new Map(p.stressors.map((st, k) => [st.id, k]));
      s.stressors.forEach((st, k) => {
        const pos = at.get(st.id) ?? -1;
        const neg = at.get(`${st.id} (negative part)`);
        for (let j = 0; j < n; j++) {
          const v: number = p.F[pos * n + j] - (neg === undefined ? 0 : p.F[neg * n + j]);
          assert.equal(v, s.F[k * n + j], `${name} ${st.id} column ${j}`);
          assert.ok(p.F[pos * n + j] >= 0 && (neg === undefined || p.F[neg * n + j] >= 0));
        }
      });
      for (const v of p.FY ?? []) assert.ok(v >= 0);
    }
    const va = split.extensions[0];
    assert.deepEqual(
      va.stressors.map((st) => st.id),
      ['Compensation of employees D.1', 'Taxes on production D.29', 'Subsidies on production D.39', 'Subsidies on production D.39 (negative part)', 'Net operating surplus B.2n', 'Net mixed income B.3n', 'Consumption of fixed capital K.1'],
    );
    assert.ok(va.stressors.every((st) => st.unit === 'thousand USD'));
    const q = split.extensions[1];
    assert.deepEqual(
      q.stressors.map((st) => [st.id, st.unit]),
      [
        ['Energy Usage/Natural Gas', 'TJ'],
        ['Energy Usage/Coal', 'TJ'],
        ['I-GHG-CO2 emissions/1A1 Energy industries', 'Gg'],
        ['I-GHG-CH4 emissions/4A Enteric Fermentation', 'Gg'],
        ['Total cropland area/Total', '1000 ha'],
        ['Net CO2 emissions from land use change/LULUCF', 'Gg'],
        ['Net CO2 emissions from land use change/LULUCF (negative part)', 'Gg'],
      ],
    );
    assert.match(split.notes?.read.join('\n') ?? '', /VA: 1 row\(s\) with negative entries split/);
  });

  test('gross output is rowsum T + rowsum FD of what is kept; the sector without output stays, with x = 0', async () => {
    const t = await readEora26(committed);
    const x = tableOutput(t);
    const zero = t.sectors.indexOf('Re-export & Re-import');
    assert.equal(x[zero], 0);
    assert.ok(x.every((v, i) => i === zero || v > 0));
    const ref = JSON.parse(readFileSync(fixture('pymrio-accounts', 'eora26.json'), 'utf8')) as { x: number[] };
    const total = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total(x) - total(ref.x)) <= 1e-12 * total(ref.x));
  });

  test('the model it writes loads: negative inventory changes become plan imports, subsidies a resource of their own', async () => {
    const { economy, text } = await importModel('eora26', committed, { format: 'json' });
    const back = parseEconomy(text, { file: 'model.json' });
    assert.equal(back.products.length, 78);
    assert.ok(Object.keys(economy.plan?.imports ?? {}).length > 0);
    assert.ok(back.resources.some((r) => r.id === 'VA/Subsidies on production D.39 (negative part)'));
    assert.ok(back.resources.some((r) => r.id === 'Q/Energy Usage/Natural Gas' && r.unit === 'TJ'));
  });
});

describe('Eora26: the packagings of a download read the same', () => {
  test('the year’s zip, the zip with its labels in indices.zip beside it, and a folder of years (with --year)', async () => {
    const folder = await readEora26(committed);
    await inScratch(async (dir) => {
      const files = eora26Files(COMMITTED_EORA26);
      const zip = join(dir, 'Eora26_2010_bp.zip');
      await writeFile(zip, zipBytes(files));
      assertSameTable(await readEora26(zip), folder);

      // Recent releases: the labels in indices.zip beside the years' zips.
      const years = join(dir, 'years');
      await mkdir(years);
      const tables = (spec: Eora26Spec): Map<string, string> => new Map([...eora26Files(spec)].filter(([name]) => !name.startsWith('labels_')));
      const labels = new Map([...files].filter(([name]) => name.startsWith('labels_')));
      await writeFile(join(years, 'Eora26_2010_bp.zip'), zipBytes(tables(COMMITTED_EORA26)));
      await writeFile(join(years, 'Eora26_2011_bp.zip'), zipBytes(tables({ ...COMMITTED_EORA26, year: '2011', seed: 2011 })));
      await writeFile(join(years, 'indices.zip'), zipBytes(labels));
      assertSameTable(await readEora26(years, { year: '2010' }), folder);
      assertSameTable(await readEora26(join(years, 'Eora26_2010_bp.zip')), folder);
      const several = await issues(readEora26(years));
      assert.equal(several[0].code, 'missing-option');
      assert.deepEqual(several[0].location.path, ['--year']);
      assert.match(several[0].message, /several years \(2010, 2011\); name one with --year/);
      const absent = await issues(readEora26(years, { year: '1999' }));
      assert.equal(absent[0].code, 'unknown-year');
      assert.equal(absent[0].value, '1999');

      // A zip of year folders (as pymrio's downloader's folder, zipped).
      const nested = new Map<string, string>();
      for (const [name, text] of files) nested.set(`eora/2010/${name}`, text);
      const all = join(dir, 'all.zip');
      await writeFile(all, zipBytes(nested));
      assertSameTable(await readEora26(all), folder);
    });
  });

  test('basic and purchasers’ prices side by side: bp unless --prices pp', async () => {
    await inScratch(async (dir) => {
      await writeFiles(dir, eora26Files(COMMITTED_EORA26));
      await writeFiles(dir, new Map([...eora26Files({ ...COMMITTED_EORA26, prices: 'pp', seed: 7 })].filter(([name]) => !name.startsWith('labels_'))));
      const bp = await readEora26(dir);
      assert.match(bp.notes?.guessed.join('\n') ?? '', /basic prices \(bp\), though purchasers' prices \(pp\) are there too/);
      assertSameTable(bp, await readEora26(committed));
      const pp = await readEora26(dir, { prices: 'pp' });
      assert.equal(pp.name, 'Eora26 2010 pp');
      assert.notDeepEqual(Array.from(pp.Z), Array.from(bp.Z));
    });
  });

  test('CRLF line ends read the same', async () => {
    await inScratch(async (dir) => {
      await writeFiles(dir, eora26Files({ ...COMMITTED_EORA26, eol: '\r\n' }));
      assertSameTable(await readEora26(dir), await readEora26(committed));
    });
  });

  test('a sector named "Statistical Discrepancies" is dropped in every region, and said so', async () => {
    await inScratch(async (dir) => {
      await writeFiles(dir, edited(COMMITTED_EORA26, 'labels_T.txt', (t) => t.replaceAll('\tOthers\n', '\tStatistical Discrepancies\n')));
      const t = await readEora26(dir);
      assert.equal(t.sectors.length, 25);
      assert.ok(!t.sectors.includes('Others'));
      assert.match(t.notes?.dropped.join('\n') ?? '', /sector "Statistical Discrepancies" of BRA \(statistical discrepancies, not a flow\)/);
    });
  });
});

describe('Eora26: damaged downloads are located errors', () => {
  const spec = COMMITTED_EORA26;
  const T = 'Eora26_2010_bp_T.txt';
  const cases: readonly { name: string; files: () => Map<string, string>; code: string; file: string; row?: number; column?: number; value?: unknown; message?: RegExp }[] = [
    { name: 'a missing label file', files: () => new Map([...eora26Files(spec)].filter(([k]) => k !== 'labels_VA.txt')), code: 'file-not-found', file: 'labels_VA.txt', value: 'labels_VA.txt', message: /no labels_VA\.txt beside the tables/ },
    { name: 'a missing table', files: () => new Map([...eora26Files(spec)].filter(([k]) => k !== 'Eora26_2010_bp_QY.txt')), code: 'file-not-found', file: '', value: 'Eora26_2010_bp_QY.txt' },
    { name: 'a ragged row', files: () => edited(spec, T, (t) => t.replace(/\t[^\t\n]+\n/, '\n')), code: 'ragged-row', file: T, row: 1, column: 79, value: 78 },
    { name: 'a row too many', files: () => edited(spec, T, (t) => t + t.slice(0, t.indexOf('\n') + 1)), code: 'extra-row', file: T, row: 80, column: 1 },
    { name: 'rows missing', files: () => edited(spec, T, (t) => t.slice(0, t.indexOf('\n') + 1)), code: 'missing-rows', file: T, row: 2, column: 1, value: 1, message: /1 rows of numbers where 79 are expected \(labels_T\.txt lists 79 products/ },
    { name: 'a cell that is not a number', files: () => edited(spec, T, (t) => t.replace(/^[^\t]+\t[^\t]+/, (m) => `${m.split('\t')[0]}\tn/a`)), code: 'not-a-number', file: T, row: 1, column: 2, value: 'n/a' },
    { name: 'a decimal comma', files: () => edited(spec, 'Eora26_2010_bp_FD.txt', (t) => t.replace('.', ',')), code: 'not-a-number', file: 'Eora26_2010_bp_FD.txt', row: 1, column: 1 },
    { name: 'a negative intermediate flow', files: () => edited(spec, T, (t) => `-1${t.slice(t.indexOf('\t'))}`), code: 'negative', file: T, row: 1, column: 1, value: -1 },
    { name: 'an unknown country code in labels_FD.txt', files: () => edited(spec, 'labels_FD.txt', (t) => t.replace('\tBRA\t', '\tBRZ\t')), code: 'unknown-region', file: 'labels_FD.txt', row: 7, column: 2, value: 'BRZ', message: /did you mean "BRA"/ },
    { name: 'a region whose sectors differ', files: () => edited(spec, 'labels_T.txt', (t) => t.replace('BRA\tIndustries\tFishing', 'BRA\tIndustries\tFish')), code: 'bad-grid', file: 'labels_T.txt', row: 28, column: 4, value: 'Fish' },
    { name: 'a label line cut short', files: () => edited(spec, 'labels_T.txt', (t) => t.replace('Australia\tAUS\tIndustries\tFishing', 'Australia\tAUS')), code: 'ragged-row', file: 'labels_T.txt', row: 2, column: 3 },
    { name: 'two satellite rows with the same labels', files: () => edited(spec, 'labels_Q.txt', (t) => t.replace('Coal', 'Natural Gas')), code: 'duplicate-label', file: 'labels_Q.txt', row: 2, column: 1 },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      await inScratch(async (dir) => {
        await writeFiles(dir, c.files());
        const found = await issues(readEora26(dir));
        assert.equal(found.length, 1);
        const [issue] = found;
        assert.equal(issue.code, c.code, issue.message);
        assert.equal(issue.location.file, join(dir, c.file));
        assert.equal(issue.location.row, c.row);
        assert.equal(issue.location.tableColumn, c.column);
        if (c.value !== undefined) assert.deepEqual(issue.value, c.value);
        if (c.message !== undefined) assert.match(issue.message, c.message);
      });
    });
  }

  test('a truncated zip', async () => {
    await inScratch(async (dir) => {
      const zip = join(dir, 'Eora26_2010_bp.zip');
      const bytes = zipBytes(eora26Files(spec));
      await writeFile(zip, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const [issue] = await issues(readEora26(zip));
      assert.equal(issue.code, 'invalid-archive');
      assert.equal(issue.location.file, zip);
    });
  });

  test('nothing of Eora26 in the folder', async () => {
    await inScratch(async (dir) => {
      await writeFile(join(dir, 'readme.txt'), 'hello\n');
      const [issue] = await issues(readEora26(dir));
      assert.equal(issue.code, 'file-not-found');
      assert.match(issue.message, /no Eora26 tables here/);
    });
  });
});
