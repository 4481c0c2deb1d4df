import { InputError, inputError } from '../errors.js';
import { formatOf, readDocument } from '../parse-document.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { readTextFile } from './read-delimited.js';

/**
 * Which rows and columns of a symmetric input–output table play which part. Every field is
 * optional; what is given overrides the importer's guesses. Labels are those of the label column
 * (rows) and of the header row (columns).
 */
export interface TableMapping {
  /** Products of the intermediate block, in order; each must be both a row and a column label. */
  readonly products?: readonly string[];
  /** Final-demand columns. */
  readonly finalDemand?: readonly string[];
  /** The row holding gross output x. */
  readonly outputRow?: string;
  /** Rows read as primary inputs (value added, compensation, employment, taxes, imports). When given, other rows are not read. */
  readonly primaryInputs?: readonly string[];
  /** Units of primary-input rows that are not in the table's unit, e.g. { employment: "1000 persons" }. */
  readonly primaryUnits?: Readonly<Record<string, string>>;
  readonly skipRows?: readonly string[];
  readonly skipColumns?: readonly string[];
  /** Monetary unit of the flows, e.g. "EUR million"; default "money". */
  readonly unit?: string;
  /** The column holding the row labels: its header text or its 1-based number. Columns before it are labels too. */
  readonly labelColumn?: string | number;
}

const KEYS: Readonly<Record<string, keyof TableMapping>> = {
  products: 'products',
  final_demand: 'finalDemand',
  output_row: 'outputRow',
  primary_inputs: 'primaryInputs',
  primary_units: 'primaryUnits',
  skip_rows: 'skipRows',
  skip_columns: 'skipColumns',
  unit: 'unit',
  label_column: 'labelColumn',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses a mapping file (YAML or JSON, keys in snake_case: products, final_demand, output_row,
 * primary_inputs, primary_units, skip_rows, skip_columns, unit, label_column). Unknown keys and
 * values of the wrong type are InputErrors with the JSON path.
 */
export function parseTableMapping(text: string, file: string): TableMapping {
  const { data: raw, issues, locator } = readDocument(text, file, formatOf(file));
  if (issues.length > 0) throw new InputError(issues);
  if (!isRecord(raw)) throw inputError('bad-mapping', 'a mapping file must be an object', locator.locate([]), raw);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = KEYS[key];
    if (field === undefined) throw inputError('unknown-key', `unknown key; expected one of ${Object.keys(KEYS).join(', ')}`, locator.locate([key]), key);
    if (field === 'outputRow' || field === 'unit') {
      if (typeof value !== 'string') throw inputError('bad-mapping', 'must be a string', locator.locate([key]), value);
      if (field === 'unit' && value.trim() === '') throw inputError('bad-mapping', 'a unit must be non-empty text', locator.locate([key]), value);
    } else if (field === 'labelColumn') {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
        throw inputError('bad-mapping', 'must be a column header or a 1-based column number', locator.locate([key]), value);
      }
    } else if (field === 'primaryUnits') {
      if (!isRecord(value)) throw inputError('bad-mapping', 'must be an object of row label to unit', locator.locate([key]), value);
      for (const [k, u] of Object.entries(value)) {
        if (typeof u !== 'string' || u.trim() === '') throw inputError('bad-mapping', 'a unit must be non-empty text', locator.locate([key, k]), u);
      }
    } else {
      if (!Array.isArray(value)) throw inputError('bad-mapping', 'must be a list of labels', locator.locate([key]), value);
      value.forEach((v: unknown, i) => {
        if (typeof v !== 'string' && typeof v !== 'number') throw inputError('bad-mapping', 'must be a label', locator.locate([key, i]), v);
      });
      out[field] = value.map(String);
      continue;
    }
    out[field] = value;
  }
  return out as TableMapping;
}

/** Reads a mapping file; see parseTableMapping. */
export async function readTableMapping(path: string, options: ReadInputOptions = {}): Promise<TableMapping> {
  return parseTableMapping(await readTextFile(path, options), path);
}
