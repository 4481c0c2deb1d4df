import { InputError, type Issue } from './errors.js';
import { magnitudeIssue } from './magnitude-issue.js';
import { formatOf, readDocument, type Format } from './parse-document.js';
import { registerSource } from './source-locations.js';

/** A final-demand vector as written by a user: amount per product or item key (`grain@ukraine`). */
export interface Demand {
  readonly amounts: Readonly<Record<string, number>>;
}

export interface DemandParseOptions {
  readonly file: string;
  /** 'csv' for a two-column table (item, amount; a header row is optional); else YAML or JSON. */
  readonly format?: Format | 'csv';
}

/**
 * Parses a final-demand file: YAML or JSON, a mapping from product (or item) id to amount, either
 * at the top level or under a `demand:` key; or CSV with two columns `item,amount`. Amounts must be
 * non-negative numbers of at most MAX_MAGNITUDE (1e30). Ids are checked against the economy when the demand is used
 * (`demandVector` in compile), with the location of each key.
 */
export function parseDemand(text: string, options: DemandParseOptions): Demand {
  const format = options.format ?? (/\.csv$/i.test(options.file) ? 'csv' : formatOf(options.file));
  return format === 'csv' ? parseDemandCsv(text, options.file) : parseDemandDocument(text, options.file, format);
}

function checkAmount(value: unknown, key: string, issues: Issue[], location: Issue['location']): value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    issues.push({ code: 'not-finite', message: 'an amount must be a finite number', location, value });
    return false;
  }
  const outside = magnitudeIssue(value, location, `the amount of "${key}"`);
  if (outside !== undefined) {
    issues.push(outside);
    return false;
  }
  if (value < 0) {
    issues.push({ code: 'negative', message: 'an amount of final demand must not be negative', location, value });
    return false;
  }
  return true;
}

function parseDemandDocument(text: string, file: string, format: Format): Demand {
  const { data, locator, issues } = readDocument(text, file, format);
  if (issues.length > 0) throw new InputError(issues);
  const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const nested = isMapping(data) && Object.keys(data).length === 1 && 'demand' in data;
  const body = nested ? data.demand : data;
  const prefix = nested ? ['demand'] : [];
  if (!isMapping(body)) {
    throw new InputError([{ code: 'type', message: 'a demand file is a mapping from product id to amount', location: locator.locate(prefix), value: body }]);
  }
  const amounts: Record<string, number> = {};
  for (const [key, value] of Object.entries(body)) {
    if (checkAmount(value, key, issues, locator.locate([...prefix, key]))) amounts[key] = value;
  }
  if (issues.length > 0) throw new InputError(issues);
  const demand: Demand = { amounts };
  registerSource(demand, { locate: (path, key) => locator.locate([...prefix, ...path.slice(1)], key) });
  return demand;
}

function parseDemandCsv(text: string, file: string): Demand {
  const issues: Issue[] = [];
  const amounts: Record<string, number> = {};
  const rows = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, k) => {
    const row = k + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    if (cells.length !== 2) {
      issues.push({ code: 'ragged-row', message: `expected 2 cells (item, amount), found ${cells.length}`, location: { file, row }, value: raw });
      return;
    }
    const [key, text2] = cells;
    const value = text2 === '' ? NaN : Number(text2);
    if (row === 1 && !Number.isFinite(value) && !/^[-+]?(\d|\.\d)/.test(text2)) return; // header row
    if (rows.has(key)) {
      issues.push({ code: 'duplicate-id', message: `"${key}" appears twice (first in row ${rows.get(key)})`, location: { file, row, tableColumn: 1 }, value: key });
      return;
    }
    if (checkAmount(value, key, issues, { file, row, tableColumn: 2 })) {
      amounts[key] = value;
      rows.set(key, row);
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  const demand: Demand = { amounts };
  registerSource(demand, { locate: (path) => ({ file, row: rows.get(String(path[1])) ?? 0, tableColumn: 1, path: [...path] }) });
  return demand;
}
