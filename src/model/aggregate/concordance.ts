import { InputError, type Issue } from '../errors.js';
import { parseCellNumber } from '../import/parse-cell-number.js';
import { checkModelId } from '../import/model-id.js';
import { parseDelimited, readTextFile } from '../import/read-delimited.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { didYouMean } from '../suggest.js';

/** One row of a concordance: a from-code goes (wholly, or by `weight`) to a to-code. */
export interface ConcordanceRow {
  readonly from: string;
  readonly to: string;
  /** Share of the from-code that goes to `to`; 1 when the row gives none. */
  readonly weight: number;
  /** 1-based row of the file. */
  readonly row: number;
}

/**
 * A map from codes (regions or sectors of a model) to the codes of an aggregate: each from-code
 * goes to one to-code, or is split over several by weights that sum to 1.
 */
export interface Concordance {
  /** The file read (for errors), or a name for a map built in code. */
  readonly file: string;
  readonly rows: readonly ConcordanceRow[];
  /** The rows of each from-code, in file order. */
  readonly byCode: ReadonlyMap<string, readonly ConcordanceRow[]>;
}

/** How far the weights of one from-code may sum from 1. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

const isHeader = (cells: readonly string[]): boolean =>
  cells.length >= 2 && /^from([ _-]?code)?$/i.test(cells[0].trim()) && /^to([ _-]?code)?$/i.test(cells[1].trim()) && (cells.length < 3 || /^(weight)?$/i.test(cells[2].trim()));

/**
 * Parses a concordance: CSV (comma, semicolon or tab) with rows `from-code,to-code[,weight]`
 * and an optional header row `from,to[,weight]`. A code split over several to-codes has a row per
 * to-code, each with a weight in (0, 1], the weights summing to 1 (within 1e-9). Every mistake is
 * an issue at its row and column with its value, all of them reported together: a row that is not
 * 2 or 3 cells, an empty code, a to-code that cannot be an id, a weight that is not a number in
 * (0, 1], a from-code repeated without weights, the same pair twice, weights that do not sum to 1.
 */
export function parseConcordance(text: string, file: string): Concordance {
  const table = parseDelimited(text, file);
  const issues: Issue[] = [];
  const add = (err: InputError): void => {
    for (const i of err.issues) issues.push(i);
  };
  const rows: ConcordanceRow[] = [];
  const byCode = new Map<string, ConcordanceRow[]>();
  /** Rows that give a weight. */
  const weighted = new Set<number>();
  table.rows.forEach((record, k) => {
    const cells = [...record.cells];
    while (cells.length > 2 && cells[cells.length - 1].trim() === '') cells.pop();
    if (k === 0 && isHeader(cells)) return;
    const at = (column: number): { file: string; row: number; tableColumn: number } => ({ file, row: record.row, tableColumn: column });
    if (cells.length < 2 || cells.length > 3) {
      issues.push({ code: 'ragged-row', message: 'a row of a map is from-code, to-code and, optionally, a weight', location: at(Math.min(cells.length + 1, 4)), value: record.cells.join(',') });
      return;
    }
    const from = cells[0].trim();
    const to = cells[1].trim();
    if (from === '' || to === '') {
      issues.push({ code: 'missing-label', message: `empty ${from === '' ? 'from-code' : 'to-code'}`, location: at(from === '' ? 1 : 2), value: '' });
      return;
    }
    try {
      checkModelId(to, 'a to-code', at(2));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      add(err);
      return;
    }
    let weight = 1;
    if (cells.length === 3) {
      try {
        weight = parseCellNumber(cells[2], at(3));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        add(err);
        return;
      }
      if (!(weight > 0 && weight <= 1)) {
        issues.push({ code: 'bad-weight', message: 'a weight is the share of the from-code that goes to the to-code: a number above 0 and at most 1', location: at(3), value: cells[2] });
        return;
      }
    }
    const earlier = byCode.get(from) ?? [];
    const same = earlier.find((r) => r.to === to);
    if (same !== undefined) {
      issues.push({ code: 'duplicate-label', message: `${from} → ${to} is given twice (first on row ${same.row})`, location: at(2), value: to });
      return;
    }
    if (earlier.length > 0 && (cells.length < 3 || !weighted.has(earlier[0].row))) {
      issues.push({ code: 'duplicate-label', message: `${from} is mapped again (first on row ${earlier[0].row}); a code split over several to-codes needs a weight on each of its rows`, location: at(1), value: from });
      return;
    }
    if (cells.length === 3) weighted.add(record.row);
    const row = { from, to, weight, row: record.row };
    rows.push(row);
    byCode.set(from, [...earlier, row]);
  });
  for (const [from, list] of byCode) {
    const sum = list.reduce((a, r) => a + r.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      const last = list[list.length - 1];
      issues.push({ code: 'bad-weight-sum', message: `the weights of ${from} sum to ${sum}, not 1 (rows ${list.map((r) => r.row).join(', ')})`, location: { file, row: last.row, tableColumn: 3 }, value: sum });
    }
  }
  if (rows.length === 0 && issues.length === 0) issues.push({ code: 'empty-map', message: 'the map has no rows (from-code,to-code[,weight])', location: { file, row: 1, tableColumn: 1 } });
  if (issues.length > 0) throw new InputError(issues);
  return { file, rows, byCode };
}

/** Reads a concordance file (strict UTF-8 unless `options.encoding` names another; see parseConcordance). */
export async function readConcordance(path: string, options: ReadInputOptions = {}): Promise<Concordance> {
  return parseConcordance(await readTextFile(path, options), path);
}

/** A concordance built in code: each from-code to one to-code (weight 1). */
export function concordanceOf(pairs: Readonly<Record<string, string>> | ReadonlyMap<string, string>, name = 'map'): Concordance {
  const entries = pairs instanceof Map ? [...pairs] : Object.entries(pairs);
  const text = entries.map(([from, to]) => [from, to].map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n');
  return parseConcordance(text, name);
}

/**
 * Checks a concordance against the codes it must map (a model's regions or sectors): a from-code
 * the model does not have is an issue at its row (with the nearest code), and a code of the model
 * the map lacks is an issue naming it. `what` is "region" or "sector".
 */
export function concordanceCoverage(c: Concordance, codes: readonly string[], what: 'region' | 'sector'): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(codes);
  for (const r of c.rows) {
    if (!known.has(r.from)) {
      issues.push({ code: 'unknown-code', message: `the model has no ${what} ${JSON.stringify(r.from)}${didYouMean(r.from, known)}`, location: { file: c.file, row: r.row, tableColumn: 1 }, value: r.from });
    }
  }
  for (const code of codes) {
    if (!c.byCode.has(code)) {
      issues.push({ code: 'missing-code', message: `the model's ${what} ${JSON.stringify(code)} is not in the map: add a row ${code},TO-CODE`, location: { file: c.file }, value: code });
    }
  }
  return issues;
}

/** The InputError of a concordance's issues, if any. */
export function throwIssues(issues: readonly Issue[]): void {
  if (issues.length > 0) throw new InputError(issues);
}
