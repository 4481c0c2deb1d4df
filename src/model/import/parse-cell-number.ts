import { inputError } from '../errors.js';
import { inMagnitude, magnitudeMessage } from '../magnitude.js';

/** Where a cell is: the file and its 1-based table row and column. */
export interface CellPlace {
  readonly file: string;
  readonly row: number;
  readonly tableColumn: number;
}

export interface CellNumberOptions {
  /** An empty (or blank) cell reads as 0 instead of being an error. Default false. */
  readonly emptyIsZero?: boolean;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when the (trimmed) text is a plain decimal number such as `1.5`, `-2`, `3e6`, `1.2e+06`. */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

/**
 * Parses a table cell as a finite number, strictly: decimal point only, optional sign and exponent
 * (`1.5`, `-2`, `3e6`, `1.2e+06`, surrounding blanks allowed). `1,5`, `NaN`, `inf`, `abc`, and
 * numbers beyond MAX_MAGNITUDE (1e30) are InputErrors naming the file, row, column and text.
 */
export function parseCellNumber(text: string, place: CellPlace, options: CellNumberOptions = {}): number {
  const t = text.trim();
  if (t === '') {
    if (options.emptyIsZero === true) return 0;
    throw inputError('empty-cell', 'empty cell where a number is expected', place, text);
  }
  if (!NUMBER.test(t)) throw inputError('not-a-number', 'cell is not a number', place, text);
  const v = Number(t);
  if (!Number.isFinite(v)) throw inputError('not-finite', 'number is too large', place, text);
  if (!inMagnitude(v)) throw inputError('too-large', `number ${magnitudeMessage(v)}`, place, text);
  return v;
}
