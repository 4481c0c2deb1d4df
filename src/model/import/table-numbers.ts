import { inputError } from '../errors.js';
import { inMagnitude, magnitudeMessage } from '../magnitude.js';
import { cellText, type TableLayout } from './find-table-layout.js';
import { halfLastDigit, isNilDash, isNotAvailableMark, parseCellNumber, plainNumberText, publishedNumber, type NumberFormat, type PublishedForm } from './parse-cell-number.js';

/** How cells written as offices print them were read (format.published): a nil dash as 0, a not-available mark, a negative in parentheses, a minus sign, a footnote mark. */
export type CellReading = 'nil-dash' | 'not-available' | PublishedForm;

/**
 * The numbers of a table's data rows × data columns, row-major: NaN where a cell is empty (or its
 * row or column is left out), and per cell half a unit of its last printed digit (`half`), how far
 * a printed number may be from the true one, for checking totals.
 */
export interface TableNumbers {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  readonly half: Float32Array;
  /** The cell as written, for errors. */
  readonly text: (i: number, j: number) => string;
  /** Where the cell is (file, 1-based row and column). */
  readonly place: (i: number, j: number) => { readonly file: string; readonly row: number; readonly tableColumn: number };
  /** Cells (i, j) read in a published form, by form, in reading order; `not-available` ones are NaN in `values`. */
  readonly readings: ReadonlyMap<CellReading, readonly (readonly [number, number])[]>;
}

/**
 * Reads every cell of the data area: numbers in `format`, empty cells as NaN. A cell that is not a
 * number, or beyond 1e30, is an InputError naming the file, row, column and text, except in rows
 * and columns left out (`skipRow`, `skipCol`), where it reads as NaN (not counted).
 */
export function readTableNumbers(file: string, layout: TableLayout, format: NumberFormat, skipRow: readonly boolean[], skipCol: readonly boolean[]): TableNumbers {
  const rows = layout.dataRows.length;
  const cols = layout.dataColumns.length;
  const values = new Float64Array(rows * cols).fill(NaN);
  const half = new Float32Array(rows * cols);
  const place = (i: number, j: number) => ({ file, row: layout.dataRows[i].row, tableColumn: layout.dataColumns[j] + 1 });
  const readings = new Map<CellReading, [number, number][]>();
  const note = (form: CellReading, i: number, j: number): void => {
    const list = readings.get(form);
    if (list === undefined) readings.set(form, [[i, j]]);
    else list.push([i, j]);
  };
  for (let i = 0; i < rows; i++) {
    const cells = layout.dataRows[i].cells;
    for (let j = 0; j < cols; j++) {
      const c = cells[layout.dataColumns[j]];
      const lenient = skipRow[i] || skipCol[j];
      if (typeof c === 'number') {
        if (Number.isFinite(c) && inMagnitude(c)) values[i * cols + j] = c;
        else if (!lenient) throw inputError('too-large', `number ${magnitudeMessage(c)}`, place(i, j), c);
      } else if (c.trim() !== '') {
        if (format.published === true && isNilDash(c)) {
          values[i * cols + j] = 0;
          note('nil-dash', i, j);
          continue;
        }
        if (format.published === true && isNotAvailableMark(c)) {
          note('not-available', i, j);
          continue;
        }
        const plain = lenient ? plainNumberText(c, format) : undefined;
        if (lenient && (plain === undefined || !inMagnitude(Number(plain)))) continue;
        values[i * cols + j] = parseCellNumber(c, place(i, j), format);
        half[i * cols + j] = halfLastDigit(c, format);
        const form = format.published === true ? publishedNumber(c).form : undefined;
        if (form !== undefined) note(form, i, j);
      }
    }
  }
  return { rows, cols, values, half, text: (i, j) => cellText(layout.dataRows[i].cells[layout.dataColumns[j]]), place, readings };
}
