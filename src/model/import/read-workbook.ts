import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inputError, InputError } from '../errors.js';

/** A cell of a sheet as importers read it: a number, text, or nothing. */
export type SheetCell = string | number | null;

/** One worksheet: its name and its rows (0-based here; errors give rows and columns 1-based, as a spreadsheet shows them). */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly SheetCell[])[];
}

export interface ReadWorkbookOptions {
  /** Which sheets to keep (by name); default all. Other sheets are skipped without being held. */
  readonly sheets?: (name: string) => boolean;
  /**
   * Read the workbook whole (exceljs's non-streaming reader) instead of streaming it: for small
   * workbooks whose sheets are found by name (a ReadMe of labels). exceljs's streaming reader
   * sometimes misses the workbook's sheet names (they come out as Sheet1, Sheet2 …).
   */
  readonly whole?: boolean;
}

/**
 * Reads the sheets of an xlsx workbook (Office Open XML, as statistical offices publish tables)
 * with exceljs's streaming reader, keeping only plain cell values: numbers, text (rich text joined,
 * dates as ISO text, booleans as text), a formula's cached result, and an error value as its text
 * (`#N/A`), which an importer then refuses where it expects a number. `file` names the workbook in
 * errors. A file that is not an xlsx workbook (a legacy .xls, a damaged archive) is an InputError.
 * A workbook the streaming reader fails on is read again whole before it is refused.
 */
export async function readWorkbook(source: string | Buffer, file: string, options: ReadWorkbookOptions = {}): Promise<Sheet[]> {
  if (options.whole === true) return readWhole(source, file, options);
  try {
    return await readStreaming(source, file, options);
  } catch (err) {
    if (!(err instanceof InputError) || err.issues[0]?.code !== 'invalid-workbook') throw err;
    // exceljs's streaming reader now and then fails, under load, on workbooks whose workbook.xml
    // comes last in the archive (as exceljs writes them): "Cannot read properties of undefined
    // (reading 'sheets')". Read such a workbook again whole; a truly unreadable one fails again.
    return readWhole(source, file, options).catch(() => {
      throw err;
    });
  }
}

async function readStreaming(source: string | Buffer, file: string, options: ReadWorkbookOptions): Promise<Sheet[]> {
  const input = typeof source === 'string' ? source : Readable.from(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  const sheets: Sheet[] = [];
  try {
    for await (const ws of reader) {
      const name = sheetName(reader as unknown as ReaderModel, ws as unknown as { id?: string | number; name?: string }) ?? `sheet ${sheets.length + 1}`;
      const keep = options.sheets === undefined || options.sheets(name);
      const rows: SheetCell[][] = [];
      for await (const row of ws) {
        if (!keep) continue;
        const values = (row as ExcelJS.Row).values as unknown[];
        const cells: SheetCell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
        rows[(row as ExcelJS.Row).number - 1] = cells;
      }
      if (keep) {
        for (let r = 0; r < rows.length; r++) rows[r] ??= [];
        sheets.push({ name, rows });
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw inputError('invalid-workbook', `not a readable xlsx workbook (a legacy .xls must be saved as .xlsx first): ${why}`, { file });
  }
  return sheets;
}

/** The sheet named, or an InputError naming the workbook and listing its sheets. */
export function sheetNamed(sheets: readonly Sheet[], name: string, file: string): Sheet {
  const s = sheets.find((x) => x.name === name);
  if (s === undefined) throw inputError('missing-sheet', `the workbook has no sheet "${name}" (sheets: ${sheets.map((x) => x.name).join(', ') || 'none'})`, { file }, name);
  return s;
}

async function readWhole(source: string | Buffer, file: string, options: ReadWorkbookOptions): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof source === 'string') await wb.xlsx.readFile(source);
    else await wb.xlsx.load(source as unknown as ArrayBuffer);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw inputError('invalid-workbook', `not a readable xlsx workbook (a legacy .xls must be saved as .xlsx first): ${why}`, { file });
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    if (options.sheets !== undefined && !options.sheets(ws.name)) return;
    const rows: SheetCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, number) => {
      const values = row.values as unknown[];
      const cells: SheetCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
      rows[number - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}

/** What exceljs's streaming reader knows of the workbook once it has read workbook.xml and its relations. */
interface ReaderModel {
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly rId: string; readonly id: number | string }[] };
  readonly workbookRels?: readonly { readonly Id: string; readonly Target: string }[];
}

/**
 * A worksheet's name as the workbook states it. exceljs's streaming reader finds it only when the
 * relation's target is relative (`worksheets/sheet1.xml`); for an absolute one
 * (`/xl/worksheets/sheet1.xml`, as openpyxl writes) it names the sheet `Sheet1`: the name is then
 * looked up here with the target normalised (or, when exceljs has read no relations, by sheetId).
 */
function sheetName(reader: ReaderModel, ws: { id?: string | number; name?: string }): string | undefined {
  const rels = reader.workbookRels ?? [];
  const sheets = reader.model?.sheets ?? [];
  const rel = rels.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${String(ws.id)}.xml`);
  // Without the relations (exceljs sometimes reads them empty), the sheet whose sheetId is the file's number.
  const sheet = rel === undefined ? sheets.find((x) => String(x.id) === String(ws.id)) : sheets.find((x) => x.rId === rel.Id);
  return sheet?.name ?? ws.name;
}

function cellValue(v: unknown): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (o.richText !== undefined) return o.richText.map((t) => t.text).join('');
    if ('result' in o || o.formula !== undefined || o.sharedFormula !== undefined) return cellValue(o.result);
    if (o.error !== undefined) return String(o.error);
    if (o.text !== undefined) return cellValue(o.text);
  }
  return String(v);
}
