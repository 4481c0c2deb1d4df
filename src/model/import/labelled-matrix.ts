import { inputError } from '../errors.js';
import { isNumberText, parseCellNumber } from './parse-cell-number.js';
import type { DelimitedTable } from './read-delimited.js';

/** How many label columns and header rows a table has; what is not given is detected. */
export interface LabelledMatrixLayout {
  readonly indexColumns?: number;
  readonly headerRows?: number;
}

/**
 * A numeric block with row labels (one or more leading label columns) and column labels (one or
 * more header rows), as pandas writes a DataFrame with multi-level index and columns.
 */
export interface LabelledMatrix {
  readonly file: string;
  readonly indexColumns: number;
  readonly headerRows: number;
  /** Names of the label columns if the file states them (pandas' index-name row), else empty strings. */
  readonly indexNames: readonly string[];
  /** Names of the header levels if the file states them (first cell of each header row), else empty strings. */
  readonly headerNames: readonly string[];
  /** Per data row: its label cells. */
  readonly rowLabels: readonly (readonly string[])[];
  /** Per data column: its header cells, one per header row. */
  readonly columnLabels: readonly (readonly string[])[];
  /** Per data row: its 1-based row number in the file. */
  readonly rowNumbers: readonly number[];
  readonly rows: number;
  readonly columns: number;
  /** rows × columns, row-major. */
  readonly values: Float64Array;
}

/** 1-based table column of data column j (0-based). */
export function dataColumnNumber(m: LabelledMatrix, j: number): number {
  return m.indexColumns + j + 1;
}

function allEmpty(cells: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (cells[k].trim() !== '') return false;
  return true;
}

function allNumbers(cells: readonly string[], from: number): boolean {
  for (let k = from; k < cells.length; k++) if (!isNumberText(cells[k])) return false;
  return true;
}

/**
 * Reads a labelled numeric matrix from delimited records. Layout detection (when not given): the
 * label columns are those before the first non-empty cell of the first record (after its first
 * cell); header rows are the leading records whose label cells (but the first) are empty and whose
 * data cells are not all numbers; a following record with labels but no data (pandas' index names)
 * is read as the names of the label columns. Ragged records and non-numeric data cells are
 * InputErrors naming file, row, column and value.
 */
export function parseLabelledMatrix(table: DelimitedTable, layout: LabelledMatrixLayout = {}): LabelledMatrix {
  const { file, rows } = table;
  if (rows.length === 0) throw inputError('empty-table', 'the table is empty', { file });
  const first = rows[0].cells;
  const width = first.length;
  for (const r of rows) {
    if (r.cells.length !== width) {
      throw inputError(
        'ragged-row',
        `row has ${r.cells.length} cells where the first row has ${width}`,
        { file, row: r.row, tableColumn: Math.min(r.cells.length, width) + 1 },
        r.cells.length > width ? r.cells[width] : r.cells.length,
      );
    }
  }
  let L = layout.indexColumns ?? -1;
  if (L < 0) {
    L = 1;
    while (L < width && first[L].trim() === '') L++;
    if (L >= width) throw inputError('no-data-columns', 'the first row has no column labels', { file, row: rows[0].row });
  }
  let H = layout.headerRows ?? -1;
  if (H < 0) {
    H = 0;
    while (H < rows.length && allEmpty(rows[H].cells, 1, L) && !allNumbers(rows[H].cells, L)) H++;
    if (H === 0) throw inputError('no-header', 'the table has no header row of column labels', { file, row: rows[0].row }, first[L]);
  }
  let start = H;
  let indexNames: string[] = new Array<string>(L).fill('');
  if (start < rows.length && allEmpty(rows[start].cells, L, width) && !allEmpty(rows[start].cells, 0, L)) {
    indexNames = rows[start].cells.slice(0, L).map((c) => c.trim());
    start++;
  }
  const headerNames: string[] = [];
  for (let h = 0; h < H; h++) headerNames.push(rows[h].cells.slice(0, L).join('').trim());
  const columns = width - L;
  const columnLabels: string[][] = [];
  for (let j = 0; j < columns; j++) {
    const lab: string[] = [];
    for (let h = 0; h < H; h++) lab.push(rows[h].cells[L + j].trim());
    columnLabels.push(lab);
  }
  const nRows = rows.length - start;
  const values = new Float64Array(nRows * columns);
  const rowLabels: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < nRows; i++) {
    const r = rows[start + i];
    rowLabels.push(r.cells.slice(0, L).map((c) => c.trim()));
    rowNumbers.push(r.row);
    const cells = r.cells;
    const base = i * columns;
    for (let j = 0; j < columns; j++) {
      values[base + j] = parseCellNumber(cells[L + j], { file, row: r.row, tableColumn: L + j + 1 });
    }
  }
  return { file, indexColumns: L, headerRows: H, indexNames, headerNames, rowLabels, columnLabels, rowNumbers, rows: nRows, columns, values };
}
