import type { Readable } from 'node:stream';
import { inputError, InputError } from '../errors.js';
import { MAX_MAGNITUDE } from '../magnitude.js';
import { parseCellNumber } from './parse-cell-number.js';

/** What a headerless grid of numbers must be, and how its errors name it. */
export interface NumberGridShape {
  readonly rows: number;
  readonly columns: number;
  /** Where the expected shape comes from, for messages: "labels_T.txt lists 79 products". */
  readonly because: string;
  /**
   * Called for each negative number, with its 0-based row and column; returns a sentence when the
   * number has no place there (the read then stops with an InputError at the cell), else undefined.
   */
  readonly negative?: (row: number, column: number) => string | undefined;
  /** The separator of cells: tab (Eora, the default) or comma (GLORIA). */
  readonly delimiter?: 'tab' | 'comma';
  /** Called now and then with the bytes read so far (for a progress line on files of gigabytes). */
  readonly onBytes?: (bytes: number) => void;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TAB = 9;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Reads a headerless grid of numbers (tab-separated as Eora publishes its tables, comma-separated
 * as GLORIA does) from a stream, without building the text of the whole file: cells are parsed as
 * the bytes arrive, and `visit(row, column, value)` is called for every cell that is not 0 (0-based
 * row and column of the grid), in file order. Line ends are LF or CRLF; blank lines are skipped
 * (their numbers are kept in locations). A cell is a plain decimal number (parseCellNumber's rule:
 * `1.5`, `-2`, `2.6813696E-06`; blanks around it allowed); anything else, a number beyond 1e30, a
 * row with more or fewer cells than `shape.columns`, and a file with more or fewer rows than
 * `shape.rows` are InputErrors at `file`, row and column (1-based lines and cells of the file). An
 * error thrown by `visit` stops the read and is passed on as it is.
 */
export async function scanNumberGrid(stream: Readable, file: string, shape: NumberGridShape, visit: (row: number, column: number, value: number) => void): Promise<void> {
  const { rows, columns } = shape;
  const SEP = shape.delimiter === 'comma' ? COMMA : TAB;
  let line = 1;
  let row = 0;
  let column = 0;
  let pending = '';
  let bytes = 0;
  let reported = 0;
  let visitError: unknown;
  const put = (v: number, text: () => string): void => {
    if (column >= columns) {
      throw inputError('ragged-row', `row has more than ${columns} numbers (${shape.because})`, { file, row: line, tableColumn: column + 1 }, text());
    }
    if (row >= rows) {
      throw inputError('extra-row', `the file has more than ${rows} rows of numbers (${shape.because})`, { file, row: line, tableColumn: 1 }, text());
    }
    if (v < 0 && shape.negative !== undefined) {
      const why = shape.negative(row, column);
      if (why !== undefined) throw inputError('negative', why, { file, row: line, tableColumn: column + 1 }, v);
    }
    if (v !== 0) {
      try {
        visit(row, column, v);
      } catch (err) {
        visitError = err;
        throw err;
      }
    }
    column++;
  };
  /** A cell by its text (cells across chunks, and what the fast path leaves): parseCellNumber's rule. */
  const cell = (text: string): void => {
    const t = text.trim();
    let v: number;
    if (NUMBER.test(t)) {
      v = Number(t);
      if (!(Math.abs(v) <= MAX_MAGNITUDE)) v = parseCellNumber(text, { file, row: line, tableColumn: column + 1 });
    } else if (column >= columns || row >= rows) {
      v = 0; // put() reports the cell as one too many
    } else {
      v = parseCellNumber(text, { file, row: line, tableColumn: column + 1 });
    }
    put(v, () => text);
  };
  const endLine = (): void => {
    if (column !== columns) {
      throw inputError('ragged-row', `row has ${column} numbers where ${columns} are expected (${shape.because})`, { file, row: line, tableColumn: column + 1 }, column);
    }
    row++;
    column = 0;
    line++;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b !== SEP && b !== LF) continue;
        let end = i;
        if (b === LF && end > start && chunk[end - 1] === CR) end--;
        if (pending !== '') {
          let text = pending + chunk.toString('latin1', start, end);
          if (b === LF && end === start && text.endsWith('\r')) text = text.slice(0, -1);
          pending = '';
          if (b === LF && column === 0 && text.trim() === '') line++;
          else {
            cell(text);
            if (b === LF) endLine();
          }
        } else if (b === LF && column === 0 && end === start) {
          line++; // a blank line
        } else if (end - start === 1 && chunk[start] === 48 && column < columns && row < rows) {
          column++; // "0", most cells of a big table: nothing to check or visit
          if (b === LF) endLine();
        } else {
          const v = fastNumber(chunk, start, end);
          if (Number.isNaN(v)) {
            const text = chunk.toString('latin1', start, end);
            if (b === LF && column === 0 && text.trim() === '') {
              line++;
              start = i + 1;
              continue;
            }
            cell(text);
          } else put(v, () => chunk.toString('latin1', start, end));
          if (b === LF) endLine();
        }
        start = i + 1;
        if (b === SEP && row < rows) {
          // A run of "0" cells (most of a big sparse table): skipped in a tight loop of locals.
          let k = start;
          let c = column;
          const last = chunk.length - 1;
          while (k < last && chunk[k] === 48 && chunk[k + 1] === SEP && c < columns) {
            c++;
            k += 2;
          }
          column = c;
          start = k;
          i = k - 1;
        }
      }
      pending += chunk.toString('latin1', start);
      bytes += chunk.length;
      if (shape.onBytes !== undefined && bytes - reported >= 1 << 26) {
        reported = bytes;
        shape.onBytes(bytes);
      }
    }
  } catch (err) {
    stream.destroy();
    if (err instanceof InputError || err === visitError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw inputError('invalid-archive', `the file could not be read to its end (a damaged or truncated archive?): ${why}`, { file });
  }
  const last = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
  if (column > 0 || last.trim() !== '') {
    cell(last);
    endLine();
  }
  if (row < rows) {
    throw inputError('missing-rows', `the file has ${row} rows of numbers where ${rows} are expected (${shape.because}); is it cut short?`, { file, row: line, tableColumn: 1 }, row);
  }
}

/** scanNumberGrid into a dense row-major Float64Array of `shape.rows × shape.columns`. */
export async function readNumberGrid(stream: Readable, file: string, shape: NumberGridShape): Promise<Float64Array> {
  const values = new Float64Array(shape.rows * shape.columns);
  await scanNumberGrid(stream, file, shape, (r, c, v) => {
    values[r * shape.columns + c] = v;
  });
  return values;
}

/** Exact powers of ten, 10⁰ … 10²² (every one a double). */
const POWERS = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The number that the bytes [start, end) of `b` spell, when they are a plain decimal number of
 * at most 15 significant digits whose scale is within 10^±22: then m · 10^e (or m / 10^−e), one
 * operation on two exact doubles, is correctly rounded, the same double as Number(text)
 * (Clinger's fast path). NaN for anything else (blanks, more digits, other text), which the
 * caller reads as text.
 */
function fastNumber(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (b[i] === 45 || b[i] === 43)) {
    negative = b[i] === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      digits++;
      if (significant > 0 || c !== 48) {
        if (++significant > 15) return Number.NaN;
        mantissa = mantissa * 10 + (c - 48);
      }
      if (dot) scale--;
    } else if (c === 46 && !dot) {
      dot = true;
    } else break;
  }
  if (digits === 0) return Number.NaN;
  if (i < end) {
    if (b[i] !== 69 && b[i] !== 101) return Number.NaN;
    i++;
    let expNegative = false;
    if (i < end && (b[i] === 45 || b[i] === 43)) {
      expNegative = b[i] === 45;
      i++;
    }
    if (i >= end) return Number.NaN;
    let exp = 0;
    for (; i < end; i++) {
      const c = b[i];
      if (c < 48 || c > 57 || exp > 1000) return Number.NaN;
      exp = exp * 10 + (c - 48);
    }
    scale += expNegative ? -exp : exp;
  }
  let v: number;
  if (mantissa === 0) v = 0;
  else if (scale === 0) v = mantissa;
  else if (scale > 0 && scale <= 22) v = mantissa * POWERS[scale];
  else if (scale < 0 && scale >= -22) v = mantissa / POWERS[-scale];
  else return Number.NaN;
  if (v > MAX_MAGNITUDE) return Number.NaN;
  return negative ? -v : v;
}
