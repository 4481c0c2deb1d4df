import { InputError, type Issue, type Location } from '../model/errors.js';

/** One entry of a table of draws: in draw `draw` (1-based) the coefficient (row, column) is `value`. */
export interface DrawEntry {
  readonly draw: number;
  /** An input product (a coefficient of A) or a resource (a coefficient row). */
  readonly row: string;
  /** The product whose output the coefficient is per unit of. */
  readonly column: string;
  readonly value: number;
  /** Where the entry was given (file and row, or a JSON path). */
  readonly location: Location;
}

const HEADER = ['draw', 'row', 'column', 'value'];

/**
 * A table of draws as CSV (docs/analysis.md): the header `draw,row,column,value`, then one line per
 * drawn coefficient — draw number (1, 2, …), the input product or resource, the product using it,
 * and the coefficient's value in that draw (per unit of the product's output, ≥ 0). Every problem is
 * an InputError naming the file, row and column.
 */
export function parseDrawsTable(text: string, file: string): DrawEntry[] {
  const issues: Issue[] = [];
  const out: DrawEntry[] = [];
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  if (header.join(',') !== HEADER.join(',')) throw new InputError([{ code: 'bad-header', message: `a table of draws starts with the header ${HEADER.join(',')}`, location: { file, row: 1 }, value: lines[0] ?? '' }]);
  lines.forEach((raw, k) => {
    const row = k + 1;
    if (k === 0 || raw.trim() === '') return;
    const cells = raw.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    if (cells.length !== 4) {
      issues.push({ code: 'ragged-row', message: `expected 4 cells (${HEADER.join(', ')}), found ${cells.length}`, location: { file, row }, value: raw });
      return;
    }
    const draw = Number(cells[0]);
    const value = cells[3] === '' ? Number.NaN : Number(cells[3]);
    if (!(Number.isSafeInteger(draw) && draw >= 1)) {
      issues.push({ code: 'invalid-value', message: 'the draw must be a whole number from 1', location: { file, row, tableColumn: 1 }, value: cells[0] });
      return;
    }
    if (!(Number.isFinite(value) && value >= 0 && value <= 1e30)) {
      issues.push({ code: 'invalid-value', message: 'a drawn coefficient must be a finite number ≥ 0 (at most 1e30)', location: { file, row, tableColumn: 4 }, value: cells[3] });
      return;
    }
    out.push({ draw, row: cells[1], column: cells[2], value, location: { file, row } });
  });
  if (issues.length > 0) throw new InputError(issues);
  if (out.length === 0) throw new InputError([{ code: 'empty', message: 'the table of draws has no entries', location: { file }, value: 0 }]);
  return out;
}
