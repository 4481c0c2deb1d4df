import { inputError } from '../errors.js';
import { inMagnitude, magnitudeMessage } from '../magnitude.js';
import { cellText, type TableLayout } from './find-table-layout.js';
import { halfLastDigit, parseCellNumber, plainNumberText, type NumberFormat } from './parse-cell-number.js';

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
  for (let i = 0; i < rows; i++) {
    const cells = layout.dataRows[i].cells;
    for (let j = 0; j < cols; j++) {
      const c = cells[layout.dataColumns[j]];
      const lenient = skipRow[i] || skipCol[j];
      if (typeof c === 'number') {
        if (Number.isFinite(c) && inMagnitude(c)) values[i * cols + j] = c;
        else if (!lenient) throw inputError('too-large', `number ${magnitudeMessage(c)}`, place(i, j), c);
      } else if (c.trim() !== '') {
        const plain = lenient ? plainNumberText(c, format) : undefined;
        if (lenient && (plain === undefined || !inMagnitude(Number(plain)))) continue;
        values[i * cols + j] = parseCellNumber(c, place(i, j), format);
        half[i * cols + j] = halfLastDigit(c, format);
      }
    }
  }
  return { rows, cols, values, half, text: (i, j) => cellText(layout.dataRows[i].cells[layout.dataColumns[j]]), place };
}
