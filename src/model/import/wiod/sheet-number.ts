import { inputError } from '../../errors.js';
import { inMagnitude, magnitudeMessage } from '../../magnitude.js';
import { parseCellNumber } from '../parse-cell-number.js';
import type { SheetCell } from '../read-workbook.js';

/** A number cell of a sheet (rows and columns 0-based here, 1-based in errors); an empty cell is 0. Text that is not a number is an InputError at the cell. */
export function sheetNumber(c: SheetCell | undefined, file: string, row: number, col: number): number {
  const place = { file, row: row + 1, tableColumn: col + 1 };
  if (c === null || c === undefined) return 0;
  if (typeof c === 'number') {
    if (!Number.isFinite(c) || !inMagnitude(c)) throw inputError('too-large', `number ${magnitudeMessage(c)}`, place, c);
    return c;
  }
  return parseCellNumber(c, place, { emptyIsZero: true });
}
