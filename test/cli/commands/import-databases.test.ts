import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-import-db-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe('plenty import oecd|figaro|wiod', () => {
  test(
    'a zip of two ICIO years with --year: the model loads, the notes say what was merged and split',
    withDir((dir) => {
      const out = join(dir, 'icio.json');
      const r = plenty('import', 'oecd', fixture('oecd', 'ICIO2023_2019-2020.zip'), '--year', '2020', '-o', out, '--json');
      assert.equal(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as { unit: string; counts: { regions: number; products: number }; notes: { read: string[]; guessed: string[] } };
      assert.equal(doc.unit, 'USD million');
      assert.deepEqual([doc.counts.regions, doc.counts.products], [5, 25]);
      assert.ok(doc.notes.read.some((l) => l.includes('CN1, CN2, MX1, MX2')));
      assert.ok(doc.notes.guessed.some((l) => l.includes('now TLS and TLS (negative part)')));
      assert.equal(plenty('check', out).status, 0);
    }),
  );

  test(
    '--year that is no year, --year for a table, --sea for oecd, --encoding for wiod, a WIOD national table with --sea and --region',
    withDir((dir) => {
      const out = join(dir, 'm.yaml');
      assertUserError(plenty('import', 'oecd', fixture('oecd', 'ICIO2021_2018.csv'), '-o', out, '--year', '20x0'), /--year is a year of four digits/);
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out, '--year', '2020'), /at \["--year"\]: --year is for import eora26, gloria, bea, oecd, figaro, wiod/);
      assertUserError(plenty('import', 'oecd', fixture('oecd', 'ICIO2021_2018.csv'), '-o', out, '--sea', 'x.xlsx'), /--sea is for wiod/);
      // Workbooks state their own encoding: --encoding was ignored without a word.
      assertUserError(plenty('import', 'wiod', fixture('wiod', 'release2016', 'AUS_NIOT_nov16.xlsx'), '-o', out, '--encoding', 'latin1'), /at \["--encoding"\]: WIOD publishes xlsx workbooks/);
      assertUserError(plenty('import', 'figaro', fixture('figaro', 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv'), '-o', out, '--mapping', 'm.yaml'), /--mapping is for a table: a database download states its layout/);
      assert.deepEqual(readdirSync(dir), []);
      const sea = fixture('wiod', 'release2016', 'WIOD_SEA_Nov16.xlsx');
      const r = plenty('import', 'wiod', fixture('wiod', 'release2016', 'AUS_NIOT_nov16.xlsx'), '--year', '2013', '--sea', sea, '--region', 'australia', '-o', out);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /national table of AUS for 2013/);
      assert.match(readFileSync(out, 'utf8'), /\baustralia\b/);
      assert.match(r.stdout, /socio-economic accounts for 2013 as the extension sea: EMP/);
      assert.equal(plenty('check', out).status, 0);
    }),
  );

  test(
    '--region of a multi-regional download: that region’s own table (exports, imports by origin), which loads; a region not there is refused at --region',
    withDir((dir) => {
      const out = join(dir, 'mex.yaml');
      const r = plenty('import', 'oecd', fixture('oecd', 'ICIO2021_2018.csv'), '--region', 'MEX', '-o', out, '--json');
      assert.equal(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as { counts: { regions: number; products: number } };
      assert.deepEqual([doc.counts.regions, doc.counts.products], [1, 4]);
      assert.match(readFileSync(out, 'utf8'), /imports\/CHN/);
      assert.equal(plenty('check', out).status, 0);
      assertUserError(plenty('import', 'figaro', fixture('figaro', 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv'), '--region', 'ES', '-o', join(dir, 'es.yaml')), /at \["--region"\]: the table has no region "ES"/);
      assert.equal(existsSync(join(dir, 'es.yaml')), false);
    }),
  );
});

describe('plenty import KIND PATH -o MODEL/: a model folder', () => {
  test(
    'GLORIA as a model folder: read sparse, written as the binary format’s folder; analyze reads it; a folder that exists is refused and left as it was',
    withDir((dir) => {
      const out = join(dir, 'gloria');
      const r = plenty('import', 'gloria', fixture('gloria', 'mock'), '-o', `${out}/`, '--json');
      assert.equal(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as { output: string; counts: { regions: number; products: number; resources: number; targets: number }; notes: { read: string[] } };
      assert.deepEqual([doc.counts.regions, doc.counts.products, doc.counts.resources, doc.counts.targets], [3, 9, 11, 54]);
      assert.ok(doc.notes.read.some((l) => /9 supply and 81 use entries/.test(l)), JSON.stringify(doc.notes.read));
      assert.deepEqual(readdirSync(out).sort(), ['model.parquet', 'products.parquet', 'targets.parquet', 'techniques.parquet']);
      assert.deepEqual(readdirSync(dir), ['gloria']);
      const a = plenty('analyze', `${out}/`, '--json');
      assert.equal(a.status, 0, a.stderr);
      // The same model as the YAML import.
      const yaml = join(dir, 'gloria.yaml');
      assert.equal(plenty('import', 'gloria', fixture('gloria', 'mock'), '-o', yaml).status, 0);
      assert.equal(plenty('analyze', yaml, '--json').stdout, a.stdout.replaceAll(`${out}/`, yaml));
      assertUserError(plenty('import', 'gloria', fixture('gloria', 'mock'), '-o', `${out}/`), /at \["-o"\]/);
      assert.deepEqual(readdirSync(out).sort(), ['model.parquet', 'products.parquet', 'targets.parquet', 'techniques.parquet']);
    }),
  );
  test(
    'any importer writes a folder (a national table): it loads; a table refused leaves no folder behind',
    withDir((dir) => {
      const out = join(dir, 'ussr');
      const r = plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', `${out}/`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /a model folder/);
      assert.equal(plenty('check', `${out}/`).status, 0);
      assertUserError(plenty('import', 'gloria', join(dir, 'nowhere'), '-o', join(dir, 'g/')), /no such file or folder/);
      assert.deepEqual(readdirSync(dir), ['ussr']);
    }),
  );
});

