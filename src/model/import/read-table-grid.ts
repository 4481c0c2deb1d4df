import { extname } from 'node:path';
import { inputError } from '../errors.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { isNumberText } from './parse-cell-number.js';
import { parseDelimited, readTextFile, type Delimiter } from './read-delimited.js';
import { readWorkbook, sheetNamed, type Sheet } from './read-workbook.js';

/** A cell of a table as read: text (CSV/TSV, or a text cell of a sheet) or a number (a numeric cell of a sheet). Empty cells are ''. */
export type GridCell = string | number;

/** One row of a table: its 1-based row number in the file or sheet and its cells (cell k is column k + 1). */
export interface GridRow {
  readonly row: number;
  readonly cells: readonly GridCell[];
}

/** A table as read from a delimited file or a sheet, every row `width` cells long. */
export interface TableGrid {
  /** The file named in errors (for a sheet: `book.xlsx`, with the sheet in `sheet`). */
  readonly file: string;
  readonly sheet?: string;
  readonly width: number;
  /** Rows in order; blank rows are left out (their numbers are kept by the others). */
  readonly rows: readonly GridRow[];
  /** What was read, for the import's notes ("sheet 'IOT' of 3: IOT, Notes, Codes"; "';'-separated"). */
  readonly read: readonly string[];
}

export interface TableGridOptions extends ReadInputOptions {
  /** Field separator of a text table; 'auto' (the default) detects it. */
  readonly delimiter?: Delimiter | 'auto';
  /** The sheet of a workbook to read; default its first sheet with a row of two or more numbers. */
  readonly sheet?: string;
}

/** True when a file is read as an xlsx workbook (by its name: .xlsx or .xlsm). */
export function isWorkbookPath(path: string): boolean {
  return /^\.xls[xm]$/i.test(extname(path));
}

/** Reads a table from a CSV/TSV file or a sheet of an xlsx workbook (see gridOfText, gridOfSheet). */
export async function readTableGrid(path: string, options: TableGridOptions = {}): Promise<TableGrid> {
  if (isWorkbookPath(path)) {
    const names: string[] = [];
    const sheets = await readWorkbook(path, path, options.sheet === undefined ? {} : { sheets: (name) => names.push(name) > 0 && name === options.sheet });
    if (options.sheet !== undefined) {
      if (sheets.length === 0) throw inputError('missing-sheet', `the workbook has no sheet "${options.sheet}" (sheets: ${names.join(', ') || 'none'})`, { file: path }, options.sheet);
      return gridOfSheet(sheetNamed(sheets, options.sheet, path), path, []);
    }
    const first = sheets.find((s) => s.rows.some((r) => r.filter((c) => typeof c === 'number').length >= 2));
    if (first === undefined) throw inputError('empty-table', `the workbook has no sheet with a row of numbers (sheets: ${sheets.map((s) => s.name).join(', ') || 'none'})`, { file: path });
    const others = sheets.length > 1 ? [`sheet "${first.name}" of ${sheets.length} (${sheets.map((s) => s.name).join(', ')}; another with --sheet)`] : [];
    return gridOfSheet(first, path, others);
  }
  if (options.sheet !== undefined) throw inputError('invalid-option', 'a sheet is chosen only in an xlsx workbook; this file is read as CSV/TSV text', { file: path, path: ['--sheet'] }, options.sheet);
  return gridOfText(await readTextFile(path, options), path, options);
}

function isBlank(c: GridCell | null | undefined): boolean {
  return c === undefined || c === null || (typeof c === 'string' && c.trim() === '');
}

function filled(cells: readonly (GridCell | null)[]): number {
  let n = 0;
  for (const c of cells) if (!isBlank(c)) n++;
  return n;
}

const SEPARATOR_NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * The rows of a delimited text (see parseDelimited: quotes, CRLF, a BOM). Every row must have the
 * table's width (the number of cells most rows with two or more filled cells have); a row with
 * fewer cells, or more that are not empty, is ragged: an InputError naming the row, the column
 * and the cell count or the extra cell. Rows of at most one filled cell above and below the table
 * (a title, a source note) are kept; the layout finder leaves them out. Shorter rows above the
 * first and below the last row of the table's width are such titles and notes too, even when a
 * separator splits their text (`Table 2.1 …, product by product, 2019`): their cells are joined
 * back into one.
 */
export function gridOfText(text: string, file: string, options: { readonly delimiter?: Delimiter | 'auto' } = {}): TableGrid {
  const table = parseDelimited(text, file, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  const freq = new Map<number, number>();
  for (const r of table.rows) if (filled(r.cells) >= 2) freq.set(r.cells.length, (freq.get(r.cells.length) ?? 0) + 1);
  let width = 0;
  let most = 0;
  for (const [w, n] of freq) if (n > most || (n === most && w > width)) [width, most] = [w, n];
  const rows: GridRow[] = [];
  // The table's body runs from its first to its last row of the table's width; shorter rows
  // above and below it are titles and notes, even with a separator in their text.
  // A shorter row with two numbers or more is a row of the table with cells missing (a value-added
  // or output row written without its final-use cells), not a title: it stays in the body, where
  // it is a ragged row, rather than being dropped with its numbers.
  const full = (r: { cells: readonly string[] }): boolean => filled(r.cells) >= 2 && (r.cells.length >= width || r.cells.filter(looksNumeric).length >= 2);
  const bodyStart = table.rows.findIndex(full);
  let bodyEnd = table.rows.length - 1;
  while (bodyEnd >= 0 && !full(table.rows[bodyEnd])) bodyEnd--;
  table.rows.forEach((r, k) => {
    const margin = k < bodyStart || k > bodyEnd;
    if (margin && r.cells.length < width && filled(r.cells) >= 2) {
      // A title such as `Table 2.1 Input-output table, product by product, 2019` written without quotes: one cell again.
      const text = r.cells.join(table.delimiter).trim();
      rows.push({ row: r.row, cells: [text, ...new Array<string>(width - 1).fill('')] });
      return;
    }
    if (r.cells.length === width || (margin && r.cells.length < width)) {
      rows.push({ row: r.row, cells: r.cells.length === width ? r.cells : [...r.cells, ...new Array<string>(width - r.cells.length).fill('')] });
      return;
    }
    const extra = r.cells.slice(width).findIndex((c) => c.trim() !== '');
    if (r.cells.length > width && extra < 0) {
      rows.push({ row: r.row, cells: r.cells.slice(0, width) });
      return;
    }
    throw inputError(
      'ragged-row',
      `row has ${r.cells.length} cells where the table's rows have ${width}; every row needs a cell for every column (an empty one where there is no number)`,
      { file, row: r.row, tableColumn: r.cells.length < width ? r.cells.length + 1 : width + extra + 1 },
      r.cells.length < width ? r.cells.length : r.cells[width + extra],
    );
  });
  return { file, width, rows, read: [`${SEPARATOR_NAMES[table.delimiter]}-separated text`] };
}

/** A cell that reads as a number in a point or a comma decimal, plain or as offices print it. */
function looksNumeric(cell: string): boolean {
  return isNumberText(cell, { published: true }) || isNumberText(cell, { decimal: ',', published: true });
}

/** The rows of a sheet, padded with '' to the width of its widest row; empty rows are left out. */
export function gridOfSheet(sheet: Sheet, file: string, read: readonly string[]): TableGrid {
  let width = 0;
  for (const r of sheet.rows) {
    for (let c = r.length - 1; c >= 0; c--) {
      if (!isBlank(r[c])) {
        width = Math.max(width, c + 1);
        break;
      }
    }
  }
  const rows: GridRow[] = [];
  sheet.rows.forEach((r, k) => {
    if (filled(r) === 0) return;
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const v = r[c];
      cells.push(v === null || v === undefined ? '' : v);
    }
    rows.push({ row: k + 1, cells });
  });
  return { file, sheet: sheet.name, width, rows, read: read.length > 0 ? read : [`sheet "${sheet.name}"`] };
}
