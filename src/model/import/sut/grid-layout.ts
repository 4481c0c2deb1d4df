import { inputError } from '../../errors.js';
import { isNumberText, parseCellNumber } from '../parse-cell-number.js';
import type { DelimitedRow } from '../read-delimited.js';
import type { Grid } from './read-grid.js';

/**
 * A published table's frame: label columns on the left (a code column, a description column …),
 * header rows on top, numbers from the first row that holds mostly numbers. Rows are labelled by
 * their first non-empty label cell (a code before its description), columns by their last
 * non-empty header cell (the row nearest the numbers).
 */
export interface GridLayout {
  readonly file: string;
  /** Number of label columns: data column c is table column labelColumns + c + 1. */
  readonly labelColumns: number;
  /** Data rows (those with a label), in order. */
  readonly rows: readonly LabelledRow[];
  /** Column labels of the data columns. */
  readonly columns: readonly string[];
  /** 1-based table row of the header row nearest the numbers. */
  readonly headerRow: number;
  /** Rows that hold no label and no number (notes, sources), left out: their row numbers. */
  readonly skipped: readonly number[];
}

export interface LabelledRow {
  readonly label: string;
  readonly record: DelimitedRow;
}

/** The frame of a grid; a grid without a header row or without numbers is an InputError. */
export function gridLayout(grid: Grid): GridLayout {
  const { file, rows } = grid;
  const first = rows.findIndex(isDataRow);
  if (first < 0) throw inputError('no-numbers', 'no row of numbers found (a table has label columns, a header row and rows of numbers)', { file, row: rows[0]?.row ?? 1, tableColumn: 1 });
  if (first === 0) throw inputError('no-header', 'the table has no header row above its numbers', { file, row: rows[0].row, tableColumn: 1 });
  const lead = rows[first].cells.findIndex((c) => isNumberText(c));
  const labelColumns = Math.max(1, lead);
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const columns: string[] = [];
  let headerRow = rows[first - 1].row;
  for (let c = labelColumns; c < width; c++) {
    let label = '';
    for (let h = first - 1; h >= 0 && label === ''; h--) {
      label = (rows[h].cells[c] ?? '').trim();
      if (label !== '' && h === first - 1) headerRow = rows[h].row;
    }
    columns.push(label);
  }
  // Trailing columns without a label and without numbers (a trailing separator) are left out.
  while (columns.length > 0 && columns[columns.length - 1] === '' && rows.slice(first).every((r) => (r.cells[labelColumns + columns.length - 1] ?? '').trim() === '')) columns.pop();
  const labelled: LabelledRow[] = [];
  const skipped: number[] = [];
  for (const r of rows.slice(first)) {
    const label = r.cells.slice(0, labelColumns).map((c) => c.trim()).find((c) => c !== '') ?? '';
    const hasNumbers = r.cells.slice(labelColumns).some((c) => c.trim() !== '');
    if (label === '' && !hasNumbers) continue;
    if (label === '') throw inputError('missing-label', 'a row of numbers without a label', { file, row: r.row, tableColumn: 1 }, '');
    if (!hasNumbers && labelColumns + columns.length > 1) {
      skipped.push(r.row);
      continue;
    }
    if (r.cells.length > labelColumns + columns.length && r.cells.slice(labelColumns + columns.length).some((c) => c.trim() !== '')) {
      throw inputError('ragged-row', `row has ${r.cells.length} cells where the header has ${labelColumns + columns.length}`, { file, row: r.row, tableColumn: labelColumns + columns.length + 1 }, r.cells[labelColumns + columns.length]);
    }
    if (r.cells.length < labelColumns + columns.length) {
      throw inputError('ragged-row', `row has ${r.cells.length} cells where the header has ${labelColumns + columns.length}`, { file, row: r.row, tableColumn: r.cells.length + 1 }, r.cells.length);
    }
    labelled.push({ label, record: r });
  }
  return { file, labelColumns, rows: labelled, columns, headerRow, skipped };
}

/** Cell (row, data column c) as a number; an empty cell is 0 (published tables leave zeros blank). */
export function cellNumber(layout: GridLayout, row: LabelledRow, c: number): number {
  const column = layout.labelColumns + c;
  return parseCellNumber(row.record.cells[column] ?? '', { file: layout.file, row: row.record.row, tableColumn: column + 1 }, { emptyIsZero: true });
}

/** Where data column c of a row is. */
export function cellPlace(layout: GridLayout, row: LabelledRow, c: number): { file: string; row: number; tableColumn: number } {
  return { file: layout.file, row: row.record.row, tableColumn: layout.labelColumns + c + 1 };
}

function isDataRow(r: DelimitedRow): boolean {
  let numbers = 0;
  let text = 0;
  for (const c of r.cells.slice(1)) {
    const t = c.trim();
    if (t === '') continue;
    if (isNumberText(t)) numbers++;
    else text++;
  }
  return numbers >= 1 && numbers >= text;
}
