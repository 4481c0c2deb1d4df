import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/model/errors.js';
import ExcelJS from 'exceljs';
import { readGloria, readGloriaSparse } from '../../../../src/model/import/gloria/import-gloria.js';
import { fixture } from '../../../helpers/paths.js';
import { economyToFolder, loadParquetEconomy } from '../../../../src/model/binary/index.js';
import { importModel, importModelFolder } from '../../../../src/model/import/import-model.js';
import { singleRegionTable } from '../../../../src/model/import/single-region-table.js';
import { serializeEconomy } from '../../../../src/model/serialize-economy.js';
import { ioTableToEconomy } from '../../../../src/model/import/io-table-to-economy.js';
import type { Economy } from '../../../../src/model/types.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';
import { gloriaMock, writeGloria, writeGloriaZips } from './gloria-inputs.js';

describe('import gloria: the mock of pymrio’s tests', () => {
  test('every account equals pymrio’s parse_gloria (construct B) to 1e-9', async () => {
    const t = await readGloria(gloriaMock);
    assert.deepEqual(t.regions, ['AUS', 'AUT', 'AZE']);
    // The mock's numbers span 17 orders of magnitude (4e-10 to 6e6) and D_imp's entries are
    // differences of large terms: one entry (652.2) differs by 1.2e-6 (1.9e-9 relative, 2.5e-10 of
    // D_imp's largest entry). Each entry agrees to 1e-9 relative or to 1e-9 of its account's largest.
    assertAccountsMatchPymrio(t, fixture('pymrio-accounts', 'gloria.json'), {
      floor: 1e-9,
      stressorLabel: (s, ext) => (ext === 'VA' ? [s.id.slice(0, s.id.indexOf('/')), s.id.slice(s.id.indexOf('/') + 1)] : [s.id, s.compartment ?? '']),
    });
  });
  test('GLORIA’s supply is diagonal: the four models give the same table', async () => {
    const b = await readGloria(gloriaMock);
    for (const model of ['A', 'C', 'D'] as const) {
      const t = await readGloria(gloriaMock, { model });
      t.Z.forEach((v, k) => assert.ok(Math.abs(v - b.Z[k]) <= 1e-9 * Math.max(1, Math.abs(b.Z[k])), `model ${model}, Z[${k}]`));
    }
  });
  test('the ReadMe’s sheets are found by their names (exceljs names them Sheet1… when the workbook’s relations are absolute paths)', async () => {
    const t = await readGloria(gloriaMock);
    assert.deepEqual(t.sectors, ['Forestry and logging', 'Fishing', 'Crustaceans and molluscs']);
    assert.ok(t.notes?.read[0].includes('3 regions'));
  });
  test('GLORIA’s full database (164 regions × 120 sectors) is not made dense: refused after the ReadMe, before T is read, pointing to a model folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      const root = await writeGloria(dir);
      await writeReadme(join(root, 'GLORIA_ReadMe_059.xlsx'), 164, 120);
      // A sparse file of 12 GB (no disk used) in place of T: reading any of it would take minutes.
      const T = join(root, 'GLORIA_MRIOs_59_2022', '0_120secMother_AllCountries_002_T-Results_2022_059_Markup001(full).csv');
      await truncate(T, 12e9);
      await assert.rejects(readGloria(root), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].code, 'too-large');
        assert.equal(err.issues[0].location.file, join(root, 'GLORIA_MRIOs_59_2022'));
        assert.match(err.message, /164 regions × 120 sectors = 19680 products.*-o MODEL\//);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('read sparse, the mock gives the dense reading’s table exactly, in every model and at both prices', async () => {
    for (const markup of ['basic', 'purchaser'] as const) {
      for (const model of ['A', 'B', 'C', 'D'] as const) {
        const dense = await readGloria(gloriaMock, { model, markup });
        const sparse = await readGloriaSparse(gloriaMock, { model, markup });
        const { Z, ...rest } = dense;
        const { zByColumn, ...sparseRest } = sparse;
        const n = dense.regions.length * dense.sectors.length;
        const fromSparse = new Float64Array(n * n);
        for (let j = 0; j < n; j++) for (let e = zByColumn.rowPtr[j]; e < zByColumn.rowPtr[j + 1]; e++) fromSparse[zByColumn.colIdx[e] * n + j] = zByColumn.values[e];
        // A and C solve with LU on the dense side (round-off of 1e-16), take columns on the sparse side.
        Z.forEach((v, k) => assert.ok(Math.abs(v - fromSparse[k]) <= 1e-12 * Math.max(1, Math.abs(v)), `${markup} ${model} Z[${k}]: ${v} vs ${fromSparse[k]}`));
        assertClose(sparseRest, { ...rest, notes: sparseRest.notes }, `${markup} ${model}`);
        assert.deepEqual(sparseRest.notes?.read.slice(0, -1), rest.notes?.read.slice(0, -1));
      }
    }
  });
  test('imported as a model folder (read sparse, no record per coefficient), the mock loads as the model the dense import makes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      for (const model of ['B', 'D'] as const) {
        const out = join(dir, `m${model}`);
        const { model: written } = await importModelFolder('gloria', gloriaMock, out, { model, markup: 'purchaser' });
        const dense = ioTableToEconomy(await readGloria(gloriaMock, { model, markup: 'purchaser' }));
        assert.equal(written.products.length, 9);
        const loaded = await loadParquetEconomy(out);
        assertClose(loaded, await loadParquetEconomy(await writeDense(dir, dense, model)), `model ${model}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('a non-zero cell of T outside the supply and use blocks is left out and said so (row and column)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      // Row 1, column 1: AUS's first industry × itself (industry × industry).
      const root = await writeGloria(dir, (t) => `7.0${t.slice(3)}`);
      const want = await readGloria(gloriaMock);
      for (const read of [readGloria, readGloriaSparse]) {
        const t = await read(root);
        assert.ok(t.notes?.dropped.some((l) => l.startsWith('1 non-zero cell(s) of T outside its supply and use blocks') && l.includes('row 1, column 1')), JSON.stringify(t.notes?.dropped));
        assert.deepEqual(t.Y, want.Y);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('the zips as GLORIA ships them give the table the unpacked folders give', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      const root = await writeGloriaZips(dir);
      for (const read of [readGloria, readGloriaSparse]) {
        const { notes: a, ...fromZips } = await read(root);
        const { notes: b, ...fromFolders } = await read(gloriaMock);
        assert.deepEqual(fromZips, fromFolders);
        assert.equal(a?.read.length, b?.read.length);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('one region’s own table (--region) is cut out of the table read sparse: the same model as from the dense table, to the bit', async () => {
    for (const region of ['AUS', 'AZE']) {
      const { text } = await importModel('gloria', gloriaMock, { region, format: 'json' });
      const dense = ioTableToEconomy(singleRegionTable(await readGloria(gloriaMock), region, gloriaMock));
      assert.equal(text, serializeEconomy(dense, 'json'));
    }
  });
  test('a negative entry of the use block of T is refused at its line and cell', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      // Line 4 is AUS's first product; its cell 2 (0.26391) is its use by AUS's second industry.
      const root = await writeGloria(dir, (t) => t.replace('1386400.0,0.26391,', '1386400.0,-0.26391,'));
      for (const read of [readGloria, readGloriaSparse]) {
        await assert.rejects(read(root), (err: unknown) => {
          assert.ok(err instanceof InputError);
          assert.equal(err.issues[0].location.row, 4);
          assert.equal(err.issues[0].location.tableColumn, 2);
          assert.match(err.message, /use entry of T is negative/);
          return true;
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('an empty region is left out and said so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      // Zero every row and column of region 3 (AZE: rows and columns 12–17).
      const root = await writeGloria(dir, (text) =>
        text
          .trimEnd()
          .split('\n')
          .map((line, i) => line.split(',').map((c, j) => (i >= 12 || j >= 12 ? '0.0' : c)).join(','))
          .join('\n'),
      );
      const t = await readGloria(root);
      assert.deepEqual(t.regions, ['AUS', 'AUT']);
      assert.ok(t.notes?.dropped.some((l) => l.includes('"AZE"')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('a missing T file is named with what the folder holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      const root = await writeGloria(dir, undefined, ['GLORIA_MRIOs_59_2022/0_120secMother_AllCountries_002_T-Results_2022_059_Markup001(full).csv']);
      await assert.rejects(readGloria(root), (err: unknown) => err instanceof InputError && /T-Results/.test(err.message));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A GLORIA ReadMe of `regions` × `sectors` (the mock's other sheets), in place of the mock's. */
async function writeReadme(path: string, regions: number, sectors: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const replace = (name: string, header: string, values: string[]): void => {
    const old = book.getWorksheet(name);
    if (old !== undefined) book.removeWorksheet(old.id);
    const sheet = book.addWorksheet(name);
    sheet.addRow([header]);
    for (const v of values) sheet.addRow([v]);
  };
  replace('Regions', 'Region_acronyms', Array.from({ length: regions }, (_, r) => `R${r}`));
  replace('Sectors', 'Sector_names', Array.from({ length: sectors }, (_, s) => `Sector ${s}`));
  await book.xlsx.writeFile(path);
}

/** Numbers (typed arrays among them) equal to 1e-12 relative, anything else equal. */
function assertClose(got: unknown, want: unknown, where: string): void {
  if (ArrayBuffer.isView(want) && ArrayBuffer.isView(got)) {
    const a = Array.from(got as Float64Array);
    const b = Array.from(want as Float64Array);
    assert.equal(a.length, b.length, where);
    a.forEach((v, k) => assert.ok(Math.abs(v - b[k]) <= 1e-12 * Math.max(1, Math.abs(b[k])), `${where}[${k}]: ${v} vs ${b[k]}`));
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${where}: ${got} vs ${want}`);
  } else if (typeof want === 'object' && want !== null && !Array.isArray(want)) {
    assert.deepEqual(Object.keys(got as object).sort(), Object.keys(want).sort(), where);
    for (const [k, v] of Object.entries(want)) assertClose((got as Record<string, unknown>)[k], v, `${where}.${k}`);
  } else if (Array.isArray(want)) {
    assert.ok(Array.isArray(got), where);
    want.forEach((v, k) => assertClose((got as unknown[])[k], v, `${where}[${k}]`));
  } else assert.deepEqual(got, want, where);
}

/** The dense import's model written as a folder (as `plenty convert -o DIR/` writes it). */
async function writeDense(dir: string, e: Economy, tag: string): Promise<string> {
  const out = join(dir, `dense${tag}`);
  economyToFolder(e, out);
  return Promise.resolve(out);
}
