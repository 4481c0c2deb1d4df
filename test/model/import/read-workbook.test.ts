import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readWorkbook, sheetNamed } from '../../../src/model/import/read-workbook.js';
import { issuesOf } from '../issues-of.js';

/** A small workbook written by exceljs: numbers, text, a formula with its cached result, rich text, an error value. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const flows = wb.addWorksheet('Flows');
  flows.addRow(['Code', 'Description', 'A01', 'C10-C12']);
  flows.addRow(['A01', 'Agriculture', 12.5, 3]);
  flows.addRow(['C10-C12', { richText: [{ text: 'Food ' }, { text: 'products' }] }, { formula: 'C2*2', result: 25 }, { error: '#N/A' }]);
  flows.addRow([]);
  flows.addRow(['TOTAL', null, 37.5]);
  wb.addWorksheet('Notes').addRow(['Source: a statistical office']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx workbooks', () => {
  test('cells as numbers, text or null; a formula as its result; an error value as its text', async () => {
    const sheets = await readWorkbook(await workbook(), 'table.xlsx');
    assert.deepEqual(sheets.map((s) => s.name), ['Flows', 'Notes']);
    const flows = sheetNamed(sheets, 'Flows', 'table.xlsx');
    assert.deepEqual(flows.rows, [
      ['Code', 'Description', 'A01', 'C10-C12'],
      ['A01', 'Agriculture', 12.5, 3],
      ['C10-C12', 'Food products', 25, '#N/A'],
      [],
      ['TOTAL', null, 37.5],
    ]);
  });

  test('only the sheets asked for are kept; a missing sheet and a file that is no workbook are located errors', async () => {
    const sheets = await readWorkbook(await workbook(), 'table.xlsx', { sheets: (n) => n === 'Notes' });
    assert.deepEqual(sheets.map((s) => s.name), ['Notes']);
    const missing = issuesOf(() => sheetNamed(sheets, 'Use', 'table.xlsx'));
    assert.equal(missing[0].code, 'missing-sheet');
    assert.match(missing[0].message, /no sheet "Use" \(sheets: Notes\)/);
    await assert.rejects(readWorkbook(Buffer.from('Code;A01\nA01;1\n'), 'table.xls'), (err: Error & { issues?: { code: string; location: { file?: string } }[] }) => {
      assert.equal(err.issues?.[0].code, 'invalid-workbook');
      assert.equal(err.issues?.[0].location.file, 'table.xls');
      return true;
    });
  });
});
