import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseDelimited, parseSymmetricTable, readSymmetricTable, type IoTable, type SymmetricTableOptions } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';

/**
 * The same table written the ways offices write it (CRLF, a byte-order mark, quoted labels with
 * commas, thousands separators, decimal commas, an xlsx sheet, the description before the code)
 * reads into the same accounts as the plain table.
 */

const text = (...parts: string[]): string => readFileSync(fixture(...parts), 'utf8');

/** The accounts of a table, for comparing two reads of it. */
function accounts(t: IoTable): unknown {
  return {
    sectors: t.sectors,
    categories: t.categories,
    Z: Array.from(t.Z),
    Y: Array.from(t.Y),
    x: t.x === undefined ? undefined : Array.from(t.x),
    extensions: t.extensions.map((e) => ({ name: e.name, stressors: e.stressors, F: Array.from(e.F), FY: e.FY === undefined ? undefined : Array.from(e.FY) })),
  };
}

/** A delimited text rewritten cell by cell into `sep`-separated text (quoted where needed). */
function rewrite(source: string, file: string, sep: string, cell: (c: string, row: number, column: number) => string, order?: (cells: readonly string[]) => string[]): string {
  const rows = parseDelimited(source, file).rows.map((r, k) => (order === undefined ? [...r.cells] : order(r.cells)).map((c, j) => cell(c, k, j)));
  const quote = (c: string): string => (c.includes(sep) || c.includes('"') || c.includes('\n') ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(quote).join(sep)).join('\n');
}

const isNumber = (c: string): boolean => /^-?\d+(\.\d+)?$/.test(c);

/** 1234567.5 as `1,234,567.5` (or with the given separators). */
function grouped(c: string, thousands: string, decimal: string): string {
  const [int, frac] = c.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '');
  const groups = digits.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${sign}${groups}${frac === undefined ? '' : `${decimal}${frac}`}`;
}

async function withFile<T>(name: string, content: string | Buffer, f: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'plenty-variant-'));
  try {
    const path = join(dir, name);
    await writeFile(path, content);
    return await f(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sameAs(base: IoTable, variant: string, file: string, options: SymmetricTableOptions = {}): void {
  assert.deepEqual(accounts(parseSymmetricTable(variant, file, options)), accounts(base));
}

describe('the same table in the forms offices write it', () => {
  const six = text('io-tables', 'six-sectors-semicolon.csv');
  const sixBase = parseSymmetricTable(six, 'six.csv');
  const analytical = text('io-tables', 'analytical-127.csv');
  const analyticalBase = parseSymmetricTable(analytical, 'a.csv');
  const beutel = text('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv');
  const beutelBase = parseSymmetricTable(beutel, 'b.csv');

  test('CRLF line ends and a byte-order mark', () => {
    sameAs(sixBase, six.replaceAll('\n', '\r\n'), 'crlf.csv');
    sameAs(sixBase, `\ufeff${six}`, 'bom.csv');
    sameAs(analyticalBase, `\ufeff${analytical.replaceAll('\n', '\r\n')}`, 'both.csv');
  });

  test('quoted labels with commas and quotes', () => {
    const flows = text('io-tables', 'three-sector-flows.csv').replaceAll('agriculture', '"agriculture, forestry and ""fishing"""');
    const t = parseSymmetricTable(flows, 'q.csv');
    assert.deepEqual(t.sectors, ['agriculture, forestry and "fishing"', 'industry', 'services']);
    const base = parseSymmetricTable(text('io-tables', 'three-sector-flows.csv'), 'f.csv');
    assert.deepEqual(Array.from(t.Z), Array.from(base.Z));
    assert.deepEqual(Array.from(t.x ?? []), Array.from(base.x ?? []));
  });

  test('thousands separators, on request: 1,079,446 with --thousands ,; 1.079.446,0 with --decimal ,', () => {
    const commas = rewrite(beutel, 'b.csv', ',', (c) => (isNumber(c) ? grouped(c, ',', '.') : c));
    assert.match(commas, /"1,079,446"/);
    sameAs(beutelBase, commas, 'thousands.csv', { thousands: ',' });
    const european = rewrite(beutel, 'b.csv', ';', (c) => (isNumber(c) ? grouped(c, '.', ',') : c));
    assert.match(european, /;1\.079\.446;/);
    sameAs(beutelBase, european, 'european.csv', { decimal: ',' });
    const blanks = rewrite(beutel, 'b.csv', ';', (c) => (isNumber(c) ? grouped(c, '\u00a0', ',') : c));
    sameAs(beutelBase, blanks, 'blanks.csv', { decimal: ',' });
  });

  test('decimal commas in a ";" table, with --decimal ,', () => {
    const commas = rewrite(analytical, 'a.csv', ';', (c) => (isNumber(c) ? c.replace('.', ',') : c));
    assert.match(commas, /;4801,9;/);
    sameAs(analyticalBase, commas, 'comma.csv', { decimal: ',' });
  });

  test('the description column before the code column, the description row above the code row', () => {
    const swapped = rewrite(analytical, 'a.csv', ',', (c) => c, (cells) => [cells[1], cells[0], ...cells.slice(2)]);
    const lines = swapped.split('\n');
    const transposed = [lines[1], lines[0], ...lines.slice(2)].join('\n');
    assert.match(transposed.split('\n')[1], /^Description,Code,CPA_A03/);
    sameAs(analyticalBase, transposed, 'transposed.csv');
  });

  test('an xlsx workbook: its table sheet found after a notes sheet, or named with --sheet; numbers as numeric cells', async () => {
    const base = await readSymmetricTable(fixture('io-tables', 'five-label-columns.csv'));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Input-output table, six groups of products; source: Eurostat manual (2008), Table 15.4']);
    const sheet = wb.addWorksheet('IOT');
    sheet.addRow(['Table 15.4: symmetric input-output table, domestic, EUR million']);
    sheet.addRow([]);
    for (const r of parseDelimited(text('io-tables', 'five-label-columns.csv'), 'f.csv').rows) sheet.addRow(r.cells.map((c) => (isNumber(c) ? Number(c) : c === '' ? null : c)));
    wb.addWorksheet('Codes').addRow(['CPA_A', 'Products of agriculture']);
    const book = Buffer.from(await wb.xlsx.writeBuffer());
    await withFile('iot.xlsx', book, async (path) => {
      const t = await readSymmetricTable(path);
      assert.deepEqual(accounts(t), accounts(base));
      assert.ok(t.notes?.read[0].startsWith('sheet "IOT" of 3 (Notes, IOT, Codes'), t.notes?.read[0]);
      assert.ok(t.notes?.dropped.some((d) => d.startsWith('row 1 "Table 15.4')));
      assert.deepEqual(accounts(await readSymmetricTable(path, { sheet: 'IOT' })), accounts(base));
      await assert.rejects(readSymmetricTable(path, { sheet: 'Use' }), /no sheet "Use" \(sheets: Notes, IOT, Codes\)/);
    });
  });

  test('a tab-separated file read as such, and a separator that is forced', async () => {
    const t = await readSymmetricTable(fixture('io-tables', 'national-56.tsv'));
    assert.ok(t.notes?.read[0].startsWith('tab-separated text'));
    const forced = parseSymmetricTable(six, 'six.txt', { delimiter: ';' });
    assert.deepEqual(accounts(forced), accounts(sixBase));
  });
});
