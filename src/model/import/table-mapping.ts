import { InputError, inputError } from '../errors.js';
import { formatOf, readDocument } from '../parse-document.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { readTextFile, type Delimiter } from './read-delimited.js';

/**
 * Which rows and columns of a symmetric input–output table play which part, and how to read it.
 * Every field is optional; what is given overrides the importer's guess. Rows are named by any of
 * their labels (code, description, short name), columns by any of their header cells.
 */
export interface TableMapping {
  /** How many leading columns hold labels (code, description, running number …). */
  readonly labelColumns?: number;
  /** How many rows above the numbers hold labels (a code row, a description row …); title rows with a single cell are not counted. */
  readonly headerRows?: number;
  /** The label column whose labels are the ids: its header text or its 1-based number. */
  readonly labelColumn?: string | number;
  /** Products of the intermediate block, in order: row labels; columns by the same labels, else the first columns by position. */
  readonly products?: readonly string[];
  /** Final-use columns; when given, other columns (but totals) are not read. */
  readonly finalDemand?: readonly string[];
  /** The row holding gross output x. */
  readonly outputRow?: string;
  /** Rows read as primary inputs (value added, compensation, employment, taxes, imports). When given, other rows (but totals) are not read. */
  readonly primaryInputs?: readonly string[];
  /** Units of primary-input rows that are not in the table's unit, e.g. { employment: "1000 persons" }. */
  readonly primaryUnits?: Readonly<Record<string, string>>;
  /** Rows that are totals (checked against the sums, not read). */
  readonly totalRows?: readonly string[];
  /** Columns that are totals (checked against the sums, not read). */
  readonly totalColumns?: readonly string[];
  /** Rows left out: not read, not checked, not counted in the sums totals are checked against. */
  readonly skipRows?: readonly string[];
  readonly skipColumns?: readonly string[];
  /** Monetary unit of the flows, e.g. "EUR million"; default "money". */
  readonly unit?: string;
  /** The decimal mark of numbers written as text; default ".". */
  readonly decimal?: '.' | ',';
  /** The thousands separator (`,` `.` `'` or a blank), '' for none; default none, or `.` and blanks with a decimal comma. */
  readonly thousands?: string;
  /** The field separator of a text table; default detected. */
  readonly delimiter?: Delimiter;
  /** The sheet of an xlsx workbook; default its first sheet with a row of numbers. */
  readonly sheet?: string;
  /** Relative tolerance of totals against their sums, beyond the rounding of the printed numbers; default 1e-3. */
  readonly tolerance?: number;
  /** False: totals are not checked (a table whose totals are known to differ). Default true. */
  readonly checkTotals?: boolean;
  /** Empty cells of the block and of the final-use columns read as 0 (default: an error). */
  readonly emptyIsZero?: boolean;
}

/** How the text and sheets of a table are read: the part of a mapping that `plenty import table` also takes as options. */
export type TableReading = Pick<TableMapping, 'decimal' | 'thousands' | 'delimiter' | 'sheet'>;

type Kind = 'labels' | 'string' | 'unit' | 'count' | 'column' | 'units' | 'decimal' | 'thousands' | 'separator' | 'tolerance' | 'boolean';

const KEYS: Readonly<Record<string, readonly [keyof TableMapping, Kind]>> = {
  label_columns: ['labelColumns', 'count'],
  header_rows: ['headerRows', 'count'],
  label_column: ['labelColumn', 'column'],
  products: ['products', 'labels'],
  final_demand: ['finalDemand', 'labels'],
  output_row: ['outputRow', 'string'],
  primary_inputs: ['primaryInputs', 'labels'],
  primary_units: ['primaryUnits', 'units'],
  total_rows: ['totalRows', 'labels'],
  total_columns: ['totalColumns', 'labels'],
  skip_rows: ['skipRows', 'labels'],
  skip_columns: ['skipColumns', 'labels'],
  unit: ['unit', 'unit'],
  decimal: ['decimal', 'decimal'],
  thousands: ['thousands', 'thousands'],
  separator: ['delimiter', 'separator'],
  sheet: ['sheet', 'string'],
  tolerance: ['tolerance', 'tolerance'],
  check_totals: ['checkTotals', 'boolean'],
  empty_is_zero: ['emptyIsZero', 'boolean'],
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `--separator` or `separator:` value as a delimiter: `,` `;` or tab (`tab`, `\t`); undefined if it is none of them. */
export function delimiterOf(value: string): Delimiter | undefined {
  if (value === ',' || value === ';') return value;
  if (value === '\t' || value === 'tab' || value === '\\t') return '\t';
  return undefined;
}

/** The `--thousands` or `thousands:` value: `,` `.` `'`, a blank (`space`, ` `), or none (`none`, ''); undefined if it is none of them. */
export function thousandsOf(value: string): string | undefined {
  if (value === ',' || value === '.' || value === "'") return value;
  if (value === ' ' || value === 'space') return ' ';
  if (value === '' || value === 'none') return '';
  return undefined;
}

/** A tolerance: a number from 0 to 1. */
export function isTolerance(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
}

/** Checks one mapping value by its kind; returns the value to keep, or the reason it is wrong. */
function mappingValue(kind: Kind, value: unknown): { ok: unknown } | { wrong: string } {
  switch (kind) {
    case 'labels':
      if (!Array.isArray(value) || !value.every((v: unknown) => typeof v === 'string' || typeof v === 'number')) return { wrong: 'must be a list of labels' };
      return { ok: value.map(String) };
    case 'string':
      return typeof value === 'string' ? { ok: value } : { wrong: 'must be a string' };
    case 'unit':
      return typeof value === 'string' && value.trim() !== '' ? { ok: value } : { wrong: 'a unit must be non-empty text' };
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? { ok: value } : { wrong: 'must be a whole number of at least 1' };
    case 'column':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value >= 1) ? { ok: value } : { wrong: 'must be a column header or a 1-based column number' };
    case 'units':
      if (!isRecord(value)) return { wrong: 'must be an object of row label to unit' };
      for (const u of Object.values(value)) if (typeof u !== 'string' || u.trim() === '') return { wrong: 'a unit must be non-empty text' };
      return { ok: value };
    case 'decimal':
      return value === '.' || value === ',' ? { ok: value } : { wrong: 'must be "." or ","' };
    case 'thousands': {
      const t = typeof value === 'string' ? thousandsOf(value) : undefined;
      return t === undefined ? { wrong: 'must be ",", ".", "\'", "space" or "none"' } : { ok: t };
    }
    case 'separator': {
      const d = typeof value === 'string' ? delimiterOf(value) : undefined;
      return d === undefined ? { wrong: 'must be ",", ";" or "tab"' } : { ok: d };
    }
    case 'tolerance':
      return isTolerance(value) ? { ok: value } : { wrong: 'must be a number from 0 to 1 (relative)' };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: value } : { wrong: 'must be true or false' };
  }
}

/**
 * Parses a mapping file (YAML or JSON, keys in snake_case: label_columns, header_rows,
 * label_column, products, final_demand, output_row, primary_inputs, primary_units, total_rows,
 * total_columns, skip_rows, skip_columns, unit, decimal, thousands, separator, sheet, tolerance,
 * check_totals, empty_is_zero). Unknown keys and values of the wrong type are InputErrors with the
 * JSON path.
 */
export function parseTableMapping(text: string, file: string): TableMapping {
  const { data: raw, issues, locator } = readDocument(text, file, formatOf(file));
  if (issues.length > 0) throw new InputError(issues);
  if (!isRecord(raw)) throw inputError('bad-mapping', 'a mapping file must be an object', locator.locate([]), raw);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const entry = KEYS[key];
    if (entry === undefined) throw inputError('unknown-key', `unknown key; expected one of ${Object.keys(KEYS).join(', ')}`, locator.locate([key]), key);
    const [field, kind] = entry;
    const checked = mappingValue(kind, value);
    if ('wrong' in checked) throw inputError('bad-mapping', checked.wrong, locator.locate([key]), value);
    out[field] = checked.ok;
  }
  return out as TableMapping;
}

/** Reads a mapping file; see parseTableMapping. */
export async function readTableMapping(path: string, options: ReadInputOptions = {}): Promise<TableMapping> {
  return parseTableMapping(await readTextFile(path, options), path);
}
