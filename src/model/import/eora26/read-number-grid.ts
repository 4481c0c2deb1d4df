import type { Readable } from 'node:stream';
import { inputError, InputError } from '../../errors.js';
import { parseCellNumber } from '../parse-cell-number.js';

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
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TAB = 9;
const LF = 10;

/**
 * Reads a tab-separated grid of numbers without labels (as Eora publishes its tables) from a
 * stream, into a dense row-major Float64Array of `shape.rows × shape.columns`, without building
 * the text of the whole file: cells are parsed as the bytes arrive. Line ends are LF or CRLF;
 * blank lines are skipped (their numbers are kept in locations). A cell is a plain decimal number
 * (parseCellNumber's rule: `1.5`, `-2`, `2.6813696E-06`; blanks around it allowed); anything
 * else, a number beyond 1e30, a row with more or fewer cells than `shape.columns`, and a file with
 * more or fewer rows than `shape.rows` are InputErrors at `file`, row and column (1-based lines
 * and cells of the file).
 */
export async function readNumberGrid(stream: Readable, file: string, shape: NumberGridShape): Promise<Float64Array> {
  const { rows, columns } = shape;
  const values = new Float64Array(rows * columns);
  let line = 1;
  let row = 0;
  let column = 0;
  let pending = '';

  const cell = (text: string): void => {
    if (column >= columns) {
      throw inputError('ragged-row', `row has more than ${columns} numbers (${shape.because})`, { file, row: line, tableColumn: column + 1 }, text);
    }
    if (row >= rows) {
      throw inputError('extra-row', `the file has more than ${rows} rows of numbers (${shape.because})`, { file, row: line, tableColumn: 1 }, text);
    }
    const t = text.trim();
    let v: number;
    if (NUMBER.test(t)) {
      v = Number(t);
      if (!(Math.abs(v) <= 1e30)) v = parseCellNumber(text, { file, row: line, tableColumn: column + 1 });
    } else {
      v = parseCellNumber(text, { file, row: line, tableColumn: column + 1 });
    }
    if (v < 0 && shape.negative !== undefined) {
      const why = shape.negative(row, column);
      if (why !== undefined) throw inputError('negative', why, { file, row: line, tableColumn: column + 1 }, v);
    }
    values[row * columns + column] = v;
    column++;
  };

  const endLine = (text: string): void => {
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (column === 0 && t.trim() === '') {
      line++;
      return;
    }
    cell(t);
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
        if (b === TAB) {
          cell(pending + chunk.toString('latin1', start, i));
          pending = '';
          start = i + 1;
        } else if (b === LF) {
          endLine(pending + chunk.toString('latin1', start, i));
          pending = '';
          start = i + 1;
        }
      }
      pending += chunk.toString('latin1', start);
    }
  } catch (err) {
    stream.destroy();
    if (err instanceof InputError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw inputError('invalid-archive', `the file could not be read to its end (a damaged or truncated archive?): ${why}`, { file });
  }
  if (pending !== '' || column > 0) endLine(pending);
  if (row < rows) {
    throw inputError('missing-rows', `the file has ${row} rows of numbers where ${rows} are expected (${shape.because}); is it cut short?`, { file, row: line, tableColumn: 1 }, row);
  }
  return values;
}
