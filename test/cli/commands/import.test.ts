import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fixture } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

/** The expected figures of the five tables of issue 10 (test/fixtures/io-tables/expected.json), by file. */
const issueTables = Object.values(JSON.parse(readFileSync(fixture('io-tables', 'expected.json'), 'utf8')) as Record<string, { file: string; products: string[]; outputMultipliers: number[] }>);

/** `plenty analyze MODEL --multipliers --json`: its items and output multipliers. */
function outputMultipliers(model: string): { items: string[]; output: number[] } {
  const r = plenty('analyze', model, '--multipliers', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { items: string[]; multipliers: { output: number[] } };
  return { items: out.items, output: out.multipliers.output };
}

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-import-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe('plenty import: what it writes loads', () => {
  test(
    'a table without a mapping: flows and primary inputs in "money" (or --unit), and check accepts the model',
    withDir((dir) => {
      const out = join(dir, 'm.yaml');
      const r = plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out);
      assert.equal(r.status, 0, r.stderr);
      assert.match(readFileSync(out, 'utf8'), /unit: money/);
      assert.doesNotMatch(readFileSync(out, 'utf8'), /unit: ""/);
      const c = plenty('check', out);
      assert.equal(c.status, 0, c.stderr);
      const withUnit = plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', join(dir, 'u.json'), '--unit', 'rouble', '--json');
      assert.equal(withUnit.status, 0, withUnit.stderr);
      assert.equal((JSON.parse(withUnit.stdout) as { unit: string }).unit, 'rouble');
      assert.equal(plenty('check', join(dir, 'u.json')).status, 0);
    }),
  );

  test(
    '-o MODEL.parquet writes the binary format: the same model as -o MODEL.yaml',
    withDir((dir) => {
      const source = fixture('pymrio-test-mrio', 'mrio_data');
      for (const ext of ['yaml', 'parquet']) assert.equal(plenty('import', 'pymrio', source, '-o', join(dir, `m.${ext}`)).status, 0);
      assert.equal(readFileSync(join(dir, 'm.parquet')).subarray(0, 4).toString('latin1'), 'PAR1');
      const yaml = plenty('convert', join(dir, 'm.yaml'), '-o', join(dir, 'a.json'));
      const parquet = plenty('convert', join(dir, 'm.parquet'), '-o', join(dir, 'b.json'));
      assert.deepEqual([yaml.status, parquet.status], [0, 0], yaml.stderr + parquet.stderr);
      assert.equal(readFileSync(join(dir, 'b.json'), 'utf8'), readFileSync(join(dir, 'a.json'), 'utf8'));
    }),
  );

  test(
    '--region a@b, an empty --unit, a --region a pymrio folder has not: refused at the option, nothing written',
    withDir((dir) => {
      const out = join(dir, 'm.yaml');
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out, '--region', 'a@b'), /at \["--region"\]: --region becomes an id in the model, and an id is non-empty text without "@" \(value: "a@b"\)/);
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out, '--unit', ' '), /--unit must be non-empty/);
      assertUserError(plenty('import', 'pymrio', fixture('pymrio-test-mrio', 'mrio_data'), '-o', out, '--region', 'x'), /at \["--region"\]: the table has no region "x"; it has 6: reg1, reg2/);
      assert.deepEqual(readdirSync(dir), []);
    }),
  );

  test(
    'import bea: the make–use zip at the detail level and the supply workbook, written, checked and analysed; --level and --year for bea only; a missing year refused at --year',
    withDir((dir) => {
      const out = join(dir, 'bea.yaml');
      const r = plenty('import', 'bea', fixture('bea', 'AllTablesIO.zip'), '--level', 'detail', '-o', out);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /flows in USD million/);
      assert.match(r.stdout, /make table .*IOMake_Before_Redefinitions_2017_Detail\.xlsx \[2017\]: 7 industries × 11 commodities/);
      assert.match(readFileSync(out, 'utf8'), /S00402/);
      assert.equal(plenty('check', out).status, 0);
      const sup = join(dir, 'sup.json');
      const s = plenty('import', 'bea', fixture('bea', 'AllTablesSUP', 'Supply_Tables_1997-2022_Summary.xlsx'), '--year', '2021', '--model', 'D', '-o', sup);
      assert.equal(s.status, 0, s.stderr);
      assert.equal(plenty('analyze', sup, '--multipliers').status, 0);
      assertUserError(plenty('import', 'bea', fixture('bea', 'AllTablesIO'), '--year', '1999', '-o', join(dir, 'x.yaml')), /at \["--year"\]: the workbook has no sheet for 1999 \(sheets: 2021, 2022\)/);
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '--level', 'detail', '-o', join(dir, 'x.yaml')), /--level is for import bea/);
      assert.deepEqual(readdirSync(dir).sort(), ['bea.yaml', 'sup.json']);
    }),
  );

  test(
    'a negative cell of a pymrio Z is refused naming file, row, column and value; nothing written',
    withDir((dir) => {
      const source = fixture('pymrio-test-mrio', 'mrio_data');
      const folder = join(dir, 'mrio');
      mkdirSync(folder);
      const Z = readFileSync(join(source, 'trade_flows_Z.txt'), 'utf8').split('\n');
      const cells = Z[3].split('\t');
      cells[4] = '-57.495387';
      Z[3] = cells.join('\t');
      writeFileSync(join(folder, 'trade_flows_Z.txt'), Z.join('\n'));
      writeFileSync(join(folder, 'finald_demand_Y.txt'), readFileSync(join(source, 'finald_demand_Y.txt')));
      assertUserError(plenty('import', 'pymrio', folder, '-o', join(dir, 'm.yaml')), /trade_flows_Z\.txt row 4, column 5: intermediate flow is negative.*\(value: -57\.495387\)/);
      assert.deepEqual(readdirSync(dir), ['mrio']);
    }),
  );
});

describe('plenty import table: the tables of issue 10, and the options of how a table is read', () => {
  for (const e of issueTables) {
    test(
      `${e.file}: imported without a mapping, what was guessed printed, and analyze gives its output multipliers`,
      withDir((dir) => {
        const out = join(dir, 'm.yaml');
        const r = plenty('import', 'table', fixture('io-tables', e.file), '-o', out);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /Guessed \(override with --mapping or the options\):\n {2}label columns: /);
        assert.match(r.stdout, /final-use columns: /);
        const m = outputMultipliers(out);
        assert.deepEqual(m.items, e.products);
        m.output.forEach((v, k) => assert.ok(Math.abs(v - e.outputMultipliers[k]) <= 1e-9 * e.outputMultipliers[k], `${e.products[k]}: ${v} against ${e.outputMultipliers[k]}`));
      }),
    );
  }

  test(
    '--decimal , and --separator ;: a table with decimal commas reads as the plain one',
    withDir((dir) => {
      const plain = readFileSync(fixture('io-tables', 'three-sector-flows.csv'), 'utf8');
      const commas = join(dir, 'flows.txt');
      writeFileSync(commas, plain.replaceAll(',', ';').replaceAll('.', ','));
      assert.equal(plenty('import', 'table', fixture('io-tables', 'three-sector-flows.csv'), '-o', join(dir, 'a.yaml')).status, 0);
      const r = plenty('import', 'table', commas, '-o', join(dir, 'b.yaml'), '--decimal', ',', '--separator', ';');
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(outputMultipliers(join(dir, 'b.yaml')), outputMultipliers(join(dir, 'a.yaml')));
      assertUserError(plenty('import', 'table', commas, '-o', join(dir, 'c.yaml')), /flows\.txt row 2, column 2: .*\(value: "12,5"\)/);
    }),
  );

  test('--sheet: the sheet of an xlsx workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-import-'));
    try {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Notes').addRow(['Flows of three sectors']);
      const rows = readFileSync(fixture('io-tables', 'three-sector-flows.csv'), 'utf8').trim().split('\n');
      for (const name of ['2019', '2020']) {
        const sheet = wb.addWorksheet(name);
        for (const row of rows) sheet.addRow(row.split(',').map((c) => (c === '' ? null : /^[\d.]+$/.test(c) ? Number(c) * (name === '2020' ? 2 : 1) : c)));
      }
      const book = join(dir, 'flows.xlsx');
      writeFileSync(book, Buffer.from(await wb.xlsx.writeBuffer()));
      const first = plenty('import', 'table', book, '-o', join(dir, 'a.yaml'), '--json');
      assert.equal(first.status, 0, first.stderr);
      assert.match((JSON.parse(first.stdout) as { notes: { read: string[] } }).notes.read[0], /^sheet "2019" of 3/);
      const r = plenty('import', 'table', book, '-o', join(dir, 'b.yaml'), '--sheet', '2020');
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(outputMultipliers(join(dir, 'b.yaml')), outputMultipliers(join(dir, 'a.yaml')));
      assertUserError(plenty('import', 'table', book, '-o', join(dir, 'c.yaml'), '--sheet', '2021'), /no sheet "2021" \(sheets: Notes, 2019, 2020\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(
    'a wrong --decimal, --thousands or --separator, or one given for a pymrio folder: refused at the option, nothing written',
    withDir((dir) => {
      const flows = fixture('io-tables', 'three-sector-flows.csv');
      const out = join(dir, 'm.yaml');
      assertUserError(plenty('import', 'table', flows, '-o', out, '--decimal', ';'), /at \["--decimal"\]: --decimal is "\." or ","/);
      assertUserError(plenty('import', 'table', flows, '-o', out, '--thousands', '_'), /at \["--thousands"\]/);
      assertUserError(plenty('import', 'table', flows, '-o', out, '--separator', '|'), /at \["--separator"\]/);
      assertUserError(plenty('import', 'pymrio', fixture('pymrio-test-mrio', 'mrio_data'), '-o', out, '--sheet', 'x'), /--sheet is for a table/);
      assert.deepEqual(readdirSync(dir), []);
    }),
  );
});

describe('plenty import exiobase3', () => {
  test(
    'a folder of two years’ downloads with --year: the model loads, the notes say what was read and split',
    withDir((dir) => {
      const downloads = join(dir, 'exiobase');
      mkdirSync(downloads);
      cpSync(fixture('exiobase3', '3.8', 'IOT_2011_pxp.zip'), join(downloads, 'IOT_2011_pxp.zip'));
      cpSync(fixture('exiobase3', '3.4', 'IOT_2009_pxp'), join(downloads, 'IOT_2009_pxp'), { recursive: true });
      const out = join(dir, 'm.json');
      const r = plenty('import', 'exiobase3', downloads, '--year', '2011', '-o', out, '--name', 'EXIOBASE 2011', '--json');
      assert.equal(r.status, 0, r.stderr);
      const json = JSON.parse(r.stdout) as { name: string; unit: string; counts: { regions: number; sectors: number; resources: number }; notes: { read: string[]; dropped: string[] } };
      assert.equal(json.name, 'EXIOBASE 2011');
      assert.equal(json.unit, 'M.EUR');
      assert.deepEqual([json.counts.regions, json.counts.sectors, json.counts.resources], [6, 8, 7]);
      assert.match(json.notes.read[0], /version 3\.8\.2, pxp \(product by product\), 2011/);
      assert.ok(json.notes.read.some((d) => /^satellite\/Operating surplus: Remaining net operating surplus: 10 negative entries .* moved to "Operating surplus: Remaining net operating surplus \(negative part\)"/.test(d)));
      assert.equal(plenty('check', out).status, 0);
      const text = plenty('import', 'exiobase3', downloads, '--year', '2009', '-o', join(dir, 'm.yaml'));
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /Read:\n {2}EXIOBASE 3 download .*IOT_2009_pxp/);
      const one = plenty('import', 'exiobase3', downloads, '--year', '2011', '--region', 'DE', '-o', join(dir, 'de.json'), '--json');
      assert.equal(one.status, 0, one.stderr);
      assert.equal((JSON.parse(one.stdout) as { counts: { regions: number } }).counts.regions, 1);
      assert.equal(plenty('check', join(dir, 'de.json')).status, 0);
    }),
  );

  test(
    'no --year for a folder of two, a --year that is no year, a --region not in it, --year for a table, --encoding latin1: refused, nothing written',
    withDir((dir) => {
      const downloads = join(dir, 'exiobase');
      mkdirSync(downloads);
      cpSync(fixture('exiobase3', '3.8', 'IOT_2011_pxp.zip'), join(downloads, 'IOT_2011_pxp.zip'));
      cpSync(fixture('exiobase3', '3.4', 'IOT_2009_pxp.zip'), join(downloads, 'IOT_2009_pxp.zip'));
      const out = join(dir, 'm.yaml');
      assertUserError(plenty('import', 'exiobase3', downloads, '-o', out), /at \["--year"\]: holds 2 downloads \(IOT_2009_pxp\.zip, IOT_2011_pxp\.zip\): give --year/);
      assertUserError(plenty('import', 'exiobase3', downloads, '-o', out, '--year', '11'), /--year is a year of four digits/);
      assertUserError(plenty('import', 'exiobase3', downloads, '-o', out, '--year', '2011', '--region', 'XX'), /XX/);
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out, '--year', '2011'), /--year is for import .*exiobase3/);
      assertUserError(plenty('import', 'exiobase3', downloads, '-o', out, '--year', '2011', '--encoding', 'latin1'), /an EXIOBASE download is UTF-8/);
      assert.deepEqual(readdirSync(dir), ['exiobase']);
    }),
  );
});
