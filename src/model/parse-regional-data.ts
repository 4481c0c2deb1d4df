import { InputError, type Issue } from './errors.js';
import { magnitudeIssue } from './magnitude-issue.js';

/** Regional (and optionally national) output or employment by sector, as read from a CSV file. */
export interface RegionalData {
  /** The file (or body field) it was read from, for errors. */
  readonly file: string;
  /** Sector ids (item or product ids of the national model), in file order. */
  readonly sectors: readonly string[];
  /** The row of each sector in the file (1-based). */
  readonly rows: readonly number[];
  readonly regional: readonly number[];
  /** Present when the file has a third column: the national value of each sector. */
  readonly national?: readonly number[];
  /** From a row named `total`: R and, with a third column, N (where the sectors do not cover the whole). */
  readonly totals?: { readonly regional?: number; readonly national?: number };
}

/**
 * Parses a regional data file (docs/analysis.md, "Regional tables"): CSV with the columns
 * `sector,regional` or `sector,regional,national`, one row per sector of the national model (an
 * item or product id), a header row optional; values non-negative numbers. A row whose sector is
 * `total` gives the regional (and national) totals where the sectors do not cover the whole
 * economy. Every mistake is reported with its row and column.
 */
export function parseRegionalData(text: string, file: string): RegionalData {
  const issues: Issue[] = [];
  const sectors: string[] = [];
  const rows: number[] = [];
  const regional: number[] = [];
  const national: number[] = [];
  let width = 0;
  let totals: { regional: number; national?: number } | undefined;
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, k) => {
    const row = k + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    if (width === 0 && (cells.length === 2 || cells.length === 3) && !/^[-+]?(\d|\.\d)/.test(cells[1])) {
      width = cells.length; // header row
      return;
    }
    if (width === 0) width = cells.length;
    if (cells.length !== width || (width !== 2 && width !== 3)) {
      issues.push({ code: 'ragged-row', message: `expected ${width === 3 ? 3 : 2} cells (sector, regional${width === 3 ? ', national' : ''}), found ${cells.length}`, location: { file, row }, value: raw });
      return;
    }
    const values = cells.slice(1).map((s, c) => {
      const v = s === '' ? NaN : Number(s);
      const location = { file, row, tableColumn: c + 2 };
      if (!Number.isFinite(v)) issues.push({ code: 'not-finite', message: 'a value must be a finite number', location, value: s });
      else if (v < 0) issues.push({ code: 'negative', message: 'output or employment must not be negative', location, value: v });
      else {
        const outside = magnitudeIssue(v, location, `the value of "${cells[0]}"`);
        if (outside !== undefined) issues.push(outside);
      }
      return v;
    });
    const id = cells[0];
    if (id === '') {
      issues.push({ code: 'missing', message: 'a row needs a sector id', location: { file, row, tableColumn: 1 }, value: raw });
      return;
    }
    if (id.toLowerCase() === 'total') {
      totals = { regional: values[0], ...(width === 3 ? { national: values[1] } : {}) };
      return;
    }
    const before = seen.get(id);
    if (before !== undefined) {
      issues.push({ code: 'duplicate-id', message: `"${id}" appears twice (first in row ${before})`, location: { file, row, tableColumn: 1 }, value: id });
      return;
    }
    seen.set(id, row);
    sectors.push(id);
    rows.push(row);
    regional.push(values[0]);
    if (width === 3) national.push(values[1]);
  });
  if (issues.length === 0 && sectors.length === 0) issues.push({ code: 'empty', message: 'the file has no sector rows (sector,regional[,national])', location: { file }, value: '' });
  if (issues.length > 0) throw new InputError(issues);
  return { file, sectors, rows, regional, ...(width === 3 ? { national } : {}), ...(totals !== undefined ? { totals } : {}) };
}
