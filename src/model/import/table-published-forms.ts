import type { CellReading, TableNumbers } from './table-numbers.js';

const SAID: Readonly<Record<CellReading, string>> = {
  'nil-dash': 'cells written as a dash (-, –, —), read as 0',
  'not-available': 'cells marked as not available or confidential (.., :, x, c), read as 0 (empty_is_zero)',
  parentheses: 'negatives written in parentheses, (12.3) read as -12.3',
  'minus-sign': 'negatives written with a minus sign or dash (−12.3), read as -12.3',
  footnote: 'numbers with a footnote mark after them (1234*, 567 p, 60 1)), read without the mark',
};

const SHOWN = 3;

/** The notes of the cells read in a published form: per form, how many and where the first few are ("row 3 column 5 "(1 500)""). */
export function publishedFormNotes(numbers: TableNumbers, emptyIsZero: boolean): string[] {
  const out: string[] = [];
  for (const [form, cells] of numbers.readings) {
    if (form === 'not-available' && !emptyIsZero) continue;
    const shown = cells.slice(0, SHOWN).map(([i, j]) => {
      const p = numbers.place(i, j);
      return `row ${p.row} column ${p.tableColumn} "${numbers.text(i, j)}"`;
    });
    out.push(`${SAID[form]}: ${cells.length} (${shown.join(', ')}${cells.length > SHOWN ? ', …' : ''})`);
  }
  return out;
}
