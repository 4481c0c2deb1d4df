import { inputError } from '../errors.js';
import type { TableNumbers } from './table-numbers.js';

/** Reads cells of a table's numbers by the rules of what they hold. */
export interface TableCells {
  /** The number at (i, j); an empty cell is 0 where `empty` is 'zero' or empty cells read as 0, else an InputError. */
  readonly value: (i: number, j: number, what: string, empty: 'error' | 'zero') => number;
  /** `value`, refused when negative: an InputError naming the cell and `what`. */
  readonly nonNegative: (i: number, j: number, what: string, empty: 'error' | 'zero') => number;
}

/** The error of a cell marked not available or confidential (`..`, `:`, `x`, `c`) where `what` is read. */
export function notAvailable(numbers: TableNumbers, i: number, j: number, what: string): Error {
  return inputError(
    'not-available',
    `cell marked as not available or confidential where ${what} is expected: the table does not give this number; fill it in (an estimate), read such cells as 0 with empty_is_zero: true in a mapping, or leave the row or column out with skip_rows or skip_columns`,
    numbers.place(i, j),
    numbers.text(i, j),
  );
}

/** The cell reader of a table's numbers; `emptyIsZero` reads every empty cell as 0. */
export function tableCells(numbers: TableNumbers, emptyIsZero: boolean): TableCells {
  const value = (i: number, j: number, what: string, empty: 'error' | 'zero'): number => {
    const v = numbers.values[i * numbers.cols + j];
    if (!Number.isNaN(v)) return v;
    if (emptyIsZero) return 0;
    if (numbers.text(i, j) !== '') throw notAvailable(numbers, i, j, what);
    if (empty === 'zero') return 0;
    throw inputError('empty-cell', `empty cell where ${what} is expected (read empty cells as 0 with empty_is_zero: true in a mapping)`, numbers.place(i, j), numbers.text(i, j));
  };
  const nonNegative = (i: number, j: number, what: string, empty: 'error' | 'zero'): number => {
    const v = value(i, j, what, empty);
    if (v < 0) throw inputError('negative', `${what} is negative, which the model format has no place for`, numbers.place(i, j), numbers.text(i, j));
    return v;
  };
  return { value, nonNegative };
}

/** The intermediate flows Z of the block (rows × columns of `rows`, `cols`): empty cells are errors (unless read as 0), negative ones too. */
export function readIntermediateFlows(cells: TableCells, rows: readonly number[], cols: readonly number[]): Float64Array {
  const n = rows.length;
  const Z = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) Z[a * n + b] = cells.nonNegative(rows[a], cols[b], 'an intermediate flow', 'error');
  return Z;
}

/** Gross output from a row (over the block's columns) or a column (over its rows): empty and negative cells are errors. */
export function readOutputLine(cells: TableCells, axis: 'row' | 'column', line: number, block: readonly number[]): Float64Array {
  return Float64Array.from(block, (k) => (axis === 'row' ? cells.nonNegative(line, k, 'output', 'error') : cells.nonNegative(k, line, 'output', 'error')));
}
