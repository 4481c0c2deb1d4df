import type { TsvMatrix } from './tsv-matrix-parser.js';

/** A negative cell of a matrix read from its file: where it is, as errors and notes name it. */
export interface NegativeCell {
  readonly file: string;
  /** 1-based line of the file and table column (label columns included). */
  readonly row: number;
  readonly tableColumn: number;
  readonly value: number;
}

/** The first negative cell of data rows `from` to `to` (exclusive) of `m`, or undefined. */
export function firstNegative(m: TsvMatrix, from = 0, to = m.rows): NegativeCell | undefined {
  const { values, columns } = m;
  for (let i = from; i < to; i++) {
    const base = i * columns;
    for (let j = 0; j < columns; j++) {
      const v = values[base + j];
      if (v < 0) return { file: m.file, row: m.rowLines[i], tableColumn: m.layout.indexColumns + j + 1, value: v };
    }
  }
  return undefined;
}

/** How many cells of data row `i` of `m` are negative. */
export function negativesInRow(m: TsvMatrix, i: number): number {
  let count = 0;
  const base = i * m.columns;
  for (let j = 0; j < m.columns; j++) if (m.values[base + j] < 0) count++;
  return count;
}
