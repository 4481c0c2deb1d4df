import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/model/errors.js';
import { readFigaro } from '../../../../src/model/import/figaro/read-figaro.js';
import { tableOutput, type IoTable } from '../../../../src/model/import/index.js';
import { fixture } from '../../../helpers/paths.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';

const figaro = (...p: string[]) => fixture('figaro', ...p);
const MATRIX = figaro('matrix_eu-ic-io_ind-by-ind_24ed_2022.csv');
const FLAT = figaro('flatfile_eu-ic-io_ind-by-ind_24ed_2022.zip');

async function withDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'plenty-figaro-'));
  try {
    return await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const refusal = (pattern: RegExp) => (e: unknown) => e instanceof InputError && pattern.test(e.message);

describe('FIGARO', () => {
  test('matrix format: regions (FIGW1 one of them), industry codes holding "_", final uses, W2 rows as factor_inputs', async () => {
    const t = await readFigaro(MATRIX);
    assert.deepEqual(t.regions, ['AT', 'DE', 'FIGW1', 'FR']);
    assert.deepEqual(t.sectors, ['A01', 'C10T12', 'C31_32', 'G46']);
    assert.deepEqual(t.categories, ['P3_S13', 'P3_S14', 'P3_S15', 'P51G', 'P5M']);
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), ['D21X31', 'OP_RES', 'OP_NRES', 'D1', 'D29X39', 'B2A3G']);
    assert.equal(t.unit, 'EUR million');
    assert.equal(t.name, 'FIGARO 24ed ind-by-ind 2022');
    assert.ok(Array.from(t.Y).some((v) => v < 0), 'negative P5M kept');
  });

  test('flat format (zipped, streamed) gives the same table as the matrix format', async () => {
    const a = await readFigaro(MATRIX);
    const b = await readFigaro(FLAT);
    const arrays = (t: IoTable) => [t.Z, t.Y, t.extensions[0].F, t.extensions[0].FY ?? new Float64Array()].map((v) => Array.from(v));
    assert.deepEqual(arrays(b), arrays(a));
    assert.deepEqual([b.regions, b.sectors, b.categories], [a.regions, a.sectors, a.categories]);
  });

  test('identities: x = row sums of Z and Y = column sums of Z and the primary inputs', async () => {
    const t = await readFigaro(MATRIX);
    const n = t.regions.length * t.sectors.length;
    const x = tableOutput(t);
    const f = t.extensions[0];
    for (let j = 0; j < n; j++) {
      let col = 0;
      for (let i = 0; i < n; i++) col += t.Z[i * n + j];
      for (let s = 0; s < f.stressors.length; s++) col += f.F[s * n + j];
      assert.ok(Math.abs(col - x[j]) <= 1e-9 * x[j], `product ${j}: ${col} vs ${x[j]}`);
    }
    assert.ok(t.notes?.read.some((l) => l.startsWith('checked: x (the row sums of Z and Y) equals the column sums')));
  });

  test('x, D_cba, D_pba, D_imp, D_exp equal pymrio calc_all on the tables read apart (pandas; pymrio has no FIGARO parser) to 1e-9', async () => {
    assertAccountsMatchPymrio(await readFigaro(MATRIX), fixture('pymrio-accounts', 'figaro_ind_2022.json'));
    assertAccountsMatchPymrio(await readFigaro(FLAT), fixture('pymrio-accounts', 'figaro_ind_2022.json'));
    assertAccountsMatchPymrio(await readFigaro(figaro('matrix_eu-ic-io_prod-by-prod_24ed_2021.csv')), fixture('pymrio-accounts', 'figaro_prod_2021.json'));
  });

  test('product by product: CPA codes', async () => {
    const t = await readFigaro(figaro('matrix_eu-ic-io_prod-by-prod_24ed_2021.csv'));
    assert.deepEqual(t.sectors, ['CPA_A01', 'CPA_C10T12', 'CPA_F', 'CPA_J62_63']);
    assert.ok(t.notes?.read.some((l) => l.startsWith('product by product')));
  });

  test('a folder of several years needs --year; a table in both formats is read from the matrix, the flat one said to be left', async () => {
    await assert.rejects(readFigaro(figaro()), refusal(/several years \(2021, 2022\): name one with --year/));
    await withDir(async (dir) => {
      await copyFile(MATRIX, join(dir, 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv'));
      await copyFile(FLAT, join(dir, 'flatfile_eu-ic-io_ind-by-ind_24ed_2022.zip'));
      const t = await readFigaro(dir, { year: 2022 });
      assert.ok(t.notes?.read[0].includes('matrix_eu-ic-io'));
      assert.ok(t.notes?.dropped.some((l) => l.includes('flatfile_eu-ic-io_ind-by-ind_24ed_2022.csv') && l.includes('flat format')));
    });
  });

  test('a supply and use pair (flat) is refused with a message pointing to import sut', async () => {
    await assert.rejects(readFigaro(figaro('sut')), refusal(/supply and use tables .*plenty import sut --supply S --use U --model A\|B\|C\|D/));
    await assert.rejects(readFigaro(figaro('sut', 'flatfile_eu-ic-use_24ed_2022.csv')), refusal(/plenty import sut/));
  });

  test('a use table in the matrix format (product rows, industry columns) is refused the same way, at its row', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'use.csv');
      await writeFile(path, 'rowLabels,AT_A01,AT_P3_S14\nAT_CPA_A01,1,2\nW2_D1,3,0\n');
      await assert.rejects(readFigaro(path), (e: unknown) => e instanceof InputError && /plenty import sut/.test(e.message) && e.issues[0].location.row === 2);
    });
  });

  test('flat files: a cell given twice, a value that is no number, a missing column: located', async () => {
    const head = 'icioiRow,icioiCol,refArea,rowIi,counterpartArea,colIi,obsValue';
    const rows = ['AT_A01,AT_A01,AT,A01,AT,A01,1', 'AT_A01,AT_P3_S14,AT,A01,AT,P3_S14,5', 'W2_D1,AT_A01,W2,D1,AT,A01,5'];
    await withDir(async (dir) => {
      const path = join(dir, 'flatfile_eu-ic-io_ind-by-ind_24ed_2022.csv');
      await writeFile(path, [head, ...rows].join('\n'));
      const t = await readFigaro(path);
      assert.deepEqual(Array.from(tableOutput(t)), [6]);
      await writeFile(path, [head, ...rows, rows[0]].join('\n'));
      await assert.rejects(readFigaro(path), (e: unknown) => e instanceof InputError && e.issues[0].code === 'duplicate-entry' && e.issues[0].location.row === 5);
      await writeFile(path, [head, rows[0].replace(',1', ',1,5'), ...rows.slice(1)].join('\n'));
      await assert.rejects(readFigaro(path), (e: unknown) => e instanceof InputError && e.issues[0].code === 'ragged-row' && e.issues[0].location.row === 2);
      await writeFile(path, [head, rows[0].replace(/,1$/, ',1..0'), ...rows.slice(1)].join('\n'));
      await assert.rejects(readFigaro(path), (e: unknown) => e instanceof InputError && e.issues[0].code === 'not-a-number' && e.issues[0].location.tableColumn === 7);
      await writeFile(path, [head.replace('obsValue', 'value'), ...rows].join('\n'));
      await assert.rejects(readFigaro(path), refusal(/no column obsValue/));
    });
  });
});
