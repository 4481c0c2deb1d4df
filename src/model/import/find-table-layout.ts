import { inputError } from '../errors.js';
import { isNilDash, isNotAvailableMark, isNumberText, publishedNumber, type NumberFormat } from './parse-cell-number.js';
import type { GridCell, GridRow, TableGrid } from './read-table-grid.js';

/**
 * Where the labels and the numbers of a table are: the header rows above the numbers (a code row,
 * a description row …), the label columns left of them (a code column, a description column, a
 * running number, a quadrant code, a short name …), the data rows and data columns, and what was
 * left out (titles and notes around the table, rows and columns without any cell).
 */
export interface TableLayout {
  /** Rows above the header and below the data with at most one filled cell: a title, a source note. */
  readonly marginRows: readonly GridRow[];
  readonly headerRows: readonly GridRow[];
  readonly dataRows: readonly GridRow[];
  /** Columns 0 … labelColumns − 1 hold labels. */
  readonly labelColumns: number;
  /** Grid columns of the data, in order (empty columns left out). */
  readonly dataColumns: readonly number[];
  /** Data rows without any filled data cell (section headings), left out. */
  readonly headingRows: readonly GridRow[];
  /** Grid columns without any filled cell in the data rows, left out. */
  readonly emptyColumns: readonly number[];
  /** Label columns that hold numbers (a running number, a quadrant code), for the notes. */
  readonly numericLabelColumns: readonly number[];
}

/** Counts that a mapping states instead of the guesses. */
export interface LayoutOverrides {
  readonly headerRows?: number;
  readonly labelColumns?: number;
}

/** Text of a cell for labels: numbers as written by JavaScript, text trimmed. */
export function cellText(c: GridCell): string {
  return typeof c === 'number' ? String(c) : c.trim();
}

/** Looks like a number in some common way of writing numbers (decimal comma, thousands groups), so that a table read with the wrong --decimal still shows where its numbers are. */
const NUMBERISH = /^[+-]?(?=[\d.,' \u00a0\u202f]*\d)[\d.,' \u00a0\u202f]*(?:[eE][+-]?\d+)?$/;

/** True for a cell that holds a number (not a code such as `01` with a leading zero). */
function isNumberCell(c: GridCell, format: NumberFormat): boolean {
  if (typeof c === 'number') return true;
  const t = c.trim();
  if (t === '' || /^0\d/.test(t)) return false;
  return isNumberText(t, format) || NUMBERISH.test(format.published === true ? publishedNumber(t).text : t);
}

/** A nil dash or a not-available mark where numbers are read as published: neither a number nor text for the layout. */
function isMarkCell(c: GridCell, format: NumberFormat): boolean {
  return format.published === true && typeof c === 'string' && (isNilDash(c) || isNotAvailableMark(c));
}

function isTextCell(c: GridCell, format: NumberFormat): boolean {
  return typeof c === 'string' && c.trim() !== '' && !isNumberCell(c, format) && !isMarkCell(c, format);
}

function filledCount(cells: readonly GridCell[]): number {
  let n = 0;
  for (const c of cells) if (cellText(c) !== '') n++;
  return n;
}

/** Whole numbers of a column over the data rows, or undefined if a cell is empty or not a whole number. */
function wholeNumbers(rows: readonly GridRow[], c: number): number[] | undefined {
  const out: number[] = [];
  for (const r of rows) {
    const t = cellText(r.cells[c]);
    if (!/^\d+$/.test(t)) return undefined;
    out.push(Number(t));
  }
  return out;
}

const LABEL_HEADER = /^(no|nr|num|number|numeric label|#|quadrant|quad|seq|sequence|row|line|index|id|code|level|order|pos|position|item)$/i;

/**
 * True for a column of numbers that are labels: a running number (1, 2, 3 … one more each row), a
 * quadrant code (a few whole numbers in runs, never decreasing: 10 10 20 20 50), or whole numbers
 * under a header such as `no`, `numeric_label`, `quadrant`.
 */
function isNumericLabelColumn(rows: readonly GridRow[], header: readonly GridRow[], c: number): boolean {
  const v = wholeNumbers(rows, c);
  if (v === undefined || v.length < 3) return false;
  if (v.every((x, k) => k === 0 || x === v[k - 1] + 1)) return true;
  const distinct = new Set(v).size;
  if (v.every((x, k) => x > 0 && (k === 0 || x >= v[k - 1])) && distinct >= 2 && distinct <= Math.max(2, Math.floor(v.length / 3))) return true;
  return header.some((h) => LABEL_HEADER.test(cellText(h.cells[c]).replace(/[_\s.]+/g, ' ').trim()));
}

/**
 * Finds the layout of a table (see TableLayout). Rows of at most one filled cell at the top and
 * bottom are margins (titles, notes). Header rows are the rows above the first row with more
 * number cells than text cells (past its first column); label columns are those up to the last
 * column that has more text than numbers in the data rows, and then any numeric label columns
 * that follow (running numbers, quadrant codes). `overrides` gives the counts instead. A table
 * without a data row or a data column is an InputError.
 */
export function findTableLayout(grid: TableGrid, format: NumberFormat, overrides: LayoutOverrides = {}): TableLayout {
  const { file, rows, width } = grid;
  let top = 0;
  while (top < rows.length && filledCount(rows[top].cells) <= 1) top++;
  let bottom = rows.length;
  while (bottom > top && filledCount(rows[bottom - 1].cells) <= 1) bottom--;
  const body = rows.slice(top, bottom);
  const marginRows = [...rows.slice(0, top), ...rows.slice(bottom)];
  if (body.length === 0) throw inputError('empty-table', 'the table has no row with two or more filled cells', { file });

  let h = overrides.headerRows;
  if (h === undefined) {
    h = body.findIndex((r) => {
      let num = 0;
      let text = 0;
      for (let c = 1; c < width; c++) {
        if (isNumberCell(r.cells[c], format)) num++;
        else if (isTextCell(r.cells[c], format)) text++;
      }
      return num > text;
    });
    if (h < 0) throw inputError('no-numbers', 'no row of the table holds more numbers than text: where are the numbers? (give header_rows and label_columns in a mapping)', { file, row: body[0].row, tableColumn: 1 });
    if (h === 0) throw inputError('no-header', 'the table has no header row of column labels above its numbers', { file, row: body[0].row, tableColumn: 2 }, cellText(body[0].cells[1]));
  } else if (!Number.isInteger(h) || h < 1 || h >= body.length) {
    throw inputError('bad-mapping', `header_rows must be a whole number from 1 to ${body.length - 1}`, { file, path: ['header_rows'] }, h);
  }
  const headerRows = body.slice(0, h);
  const data = body.slice(h);

  let L = overrides.labelColumns;
  const numericLabelColumns: number[] = [];
  if (L === undefined) {
    L = 1;
    for (let c = 1; c < width; c++) {
      let num = 0;
      let text = 0;
      for (const r of data) {
        if (isNumberCell(r.cells[c], format)) num++;
        else if (isTextCell(r.cells[c], format)) text++;
      }
      if (text > num) L = c + 1;
    }
    while (L < width - 1 && isNumericLabelColumn(data, headerRows, L)) L++;
  } else if (!Number.isInteger(L) || L < 1 || L >= width) {
    throw inputError('bad-mapping', `label_columns must be a whole number from 1 to ${width - 1}`, { file, path: ['label_columns'] }, L);
  }
  for (let c = 0; c < L; c++) if (data.length > 0 && data.every((r) => isNumberCell(r.cells[c], format))) numericLabelColumns.push(c);
  if (L >= width) throw inputError('no-numbers', 'every column of the table holds labels: no column of numbers (give label_columns in a mapping)', { file, row: headerRows[0].row, tableColumn: width });

  const dataColumns: number[] = [];
  const emptyColumns: number[] = [];
  for (let c = L; c < width; c++) {
    if (data.some((r) => cellText(r.cells[c]) !== '')) dataColumns.push(c);
    else emptyColumns.push(c);
  }
  const dataRows: GridRow[] = [];
  const headingRows: GridRow[] = [];
  for (const r of data) {
    if (dataColumns.some((c) => cellText(r.cells[c]) !== '')) dataRows.push(r);
    else headingRows.push(r);
  }
  return { marginRows, headerRows, dataRows, labelColumns: L, dataColumns, headingRows, emptyColumns, numericLabelColumns };
}
