import { InputError, inputError, type Issue, type Location } from '../errors.js';
import { inMagnitude, magnitudeMessage } from '../magnitude.js';
import { economyFromData } from '../parse-economy.js';
import type { Economy } from '../types.js';
import { registerSource } from '../source-locations.js';
import { COEFFICIENT_COLUMNS, FORMAT_VERSION, MODEL_KEY, NO_REGION, ROLES, VERSION_KEY, type Role } from './binary-format.js';
import { readNumericColumns, readParquetMetadata } from './read-parquet-columns.js';

/** Issues collected from the coefficient rows before reading stops listing them. */
const MAX_ROW_ISSUES = 1000;

type Doc = Record<string, unknown>;
type Amounts = Record<string, number>;

const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idText = (v: unknown): string => (isDoc(v) ? String(v.id) : '');

function modelDocument(kv: readonly { key: string; value?: string }[] | undefined, file: string): Doc {
  const entry = (key: string): string | undefined => kv?.find((e) => e.key === key)?.value;
  const version = entry(VERSION_KEY);
  const text = entry(MODEL_KEY);
  if (version === undefined || text === undefined) {
    throw inputError('not-a-model', `a Parquet file but not a Plenty model: its key-value metadata has no "${version === undefined ? VERSION_KEY : MODEL_KEY}" (write one with \`plenty convert MODEL -o OUT.parquet\`)`, { file });
  }
  if (version !== FORMAT_VERSION) throw inputError('unsupported-format', `version ${version} of the binary model format; this Plenty reads version ${FORMAT_VERSION}`, { file, path: [VERSION_KEY] }, version);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw inputError('damaged-metadata', `the key-value metadata "${MODEL_KEY}" is not JSON: ${err instanceof Error ? err.message : String(err)}`, { file, path: [MODEL_KEY] });
  }
  if (!isDoc(doc)) throw inputError('damaged-metadata', `the key-value metadata "${MODEL_KEY}" must be a JSON object (the model without its coefficients)`, { file, path: [MODEL_KEY] });
  return doc;
}

function setKey(record: Doc, key: string, value: number): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** Reads the coefficient rows into their techniques' records, checking each row as it goes. */
class RowReader {
  readonly issues: Issue[] = [];
  private readonly techniques: unknown[];
  private readonly ids: { readonly products: string[]; readonly resources: string[]; readonly regions: string[] };
  /** Each product's own region, if it has one. */
  private readonly productRegion: (string | undefined)[];
  /**
   * Each technique's coefficient records, filled beside the document (which the validator reads
   * with empty records: the rows are checked here). Without a prototype while they are filled:
   * V8 keeps such objects as hash tables, five times faster to fill with millions of distinct
   * keys than plain objects (a hidden class per key order).
   */
  readonly records: Record<Role, Amounts>[];
  constructor(
    doc: Doc,
    private readonly columns: Record<string, Int32Array | Float64Array>,
    private readonly file: string,
  ) {
    this.techniques = listOf(doc.techniques);
    this.ids = { products: listOf(doc.products).map(idText), resources: listOf(doc.resources).map(idText), regions: listOf(doc.regions).map(idText) };
    this.productRegion = listOf(doc.products).map((p) => (isDoc(p) && p.region !== undefined && p.region !== null ? String(p.region) : undefined));
    this.records = this.techniques.map(() => ({ produces: Object.create(null) as Amounts, consumes: Object.create(null) as Amounts, uses: Object.create(null) as Amounts }));
    for (const t of this.techniques) {
      if (!isDoc(t)) continue;
      t.produces = {};
      t.consumes = {};
      t.uses = {};
    }
  }

  /** After the rows: a technique with no positive output is an issue, as in a model file. */
  checkOutputs(): void {
    this.techniques.forEach((t, i) => {
      if (!isDoc(t) || this.issues.length >= MAX_ROW_ISSUES) return;
      const produces = this.records[i].produces;
      if (Object.values(produces).some((v) => v > 0)) return;
      this.issues.push({
        code: 'produces-nothing',
        message: `technique "${idText(t)}" produces nothing: it needs a row with role 0 and a positive value`,
        location: { file: this.file, path: ['techniques', i, 'produces'] },
      });
    });
  }

  /** The technique records with their usual prototype (they stay hash tables). */
  filled(i: number): Record<Role, Amounts> {
    const r = this.records[i];
    for (const role of ROLES) Object.setPrototypeOf(r[role], Object.prototype);
    return r;
  }

  private issue(code: string, message: string, row: number, column: string, value: unknown): void {
    if (this.issues.length < MAX_ROW_ISSUES) {
      const location: Location = { file: this.file, row: row + 1, path: [column] };
      this.issues.push({ code, message, location, value });
    }
  }

  private index(column: string, row: number, size: number, what: string): number | undefined {
    const v = this.columns[column][row];
    if (v >= 0 && v < size) return v;
    this.issue('unknown-id', `${column} ${v} is not a ${what} of the model (it has ${size}, numbered from 0)`, row, column, v);
    return undefined;
  }

  /** Puts row `i`'s coefficient into its technique's record, or records why it cannot. */
  read(i: number): void {
    const c = this.columns;
    const t = this.index('technique', i, this.techniques.length, 'technique');
    const role = this.index('role', i, ROLES.length, 'role (0 produces, 1 consumes, 2 uses)');
    if (t === undefined || role === undefined) return;
    const isUse = ROLES[role] === 'uses';
    const items = isUse ? this.ids.resources : this.ids.products;
    const item = this.index('item', i, items.length, isUse ? 'resource' : 'product');
    const r = c.region[i];
    const region = r === NO_REGION ? undefined : this.index('region', i, isUse ? 0 : this.ids.regions.length, isUse ? 'region (a use names none: -1)' : 'region');
    if (item === undefined || (r !== NO_REGION && region === undefined)) return;
    const value = c.value[i];
    if (!inMagnitude(value)) return this.issue('not-finite', `the value ${magnitudeMessage(value)}`, i, 'value', value);
    if (value < 0) return this.issue('negative', 'the value must not be negative', i, 'value', value);
    const technique = this.techniques[t];
    if (!isDoc(technique)) return;
    if (region !== undefined) {
      const own = this.productRegion[item];
      const named = this.ids.regions[region];
      if (own !== undefined && own !== named) return this.issue('region-mismatch', `product "${items[item]}" is located in region "${own}", not "${named}"`, i, 'region', region);
    }
    const record = this.records[t][ROLES[role]];
    const key = region === undefined ? items[item] : `${items[item]}@${this.ids.regions[region]}`;
    if (Object.prototype.hasOwnProperty.call(record, key)) {
      return this.issue('duplicate-coefficient', `technique "${idText(technique)}" ${ROLES[role]} "${key}" in an earlier row too`, i, 'item', item);
    }
    // + 0: −0 becomes 0, as a model file's numbers do.
    setKey(record, key, value + 0);
  }
}

/**
 * Reads a model in the binary format (docs/binary-format.md) from the bytes of its Parquet file:
 * the coefficient columns into typed arrays, then each coefficient into its technique's record,
 * then the whole through the same validation as a YAML or JSON model. A file that is not Parquet,
 * is truncated or damaged, lacks a column or has one of the wrong type, or holds a non-finite,
 * negative or beyond-1e30 value or an index that names nothing is an InputError located at the
 * file, column, row (1-based) and value.
 */
export async function parquetToEconomy(bytes: Uint8Array, file: string): Promise<Economy> {
  const metadata = readParquetMetadata(bytes, file);
  const doc = modelDocument(metadata.key_value_metadata, file);
  const columns = await readNumericColumns(bytes, metadata, COEFFICIENT_COLUMNS, file);
  const rows = Number(metadata.num_rows);
  const reader = new RowReader(doc, columns, file);
  for (let i = 0; i < rows && reader.issues.length < MAX_ROW_ISSUES; i++) reader.read(i);
  reader.checkOutputs();
  if (reader.issues.length > 0) throw new InputError(reader.issues);
  const locator = { locate: (path: readonly (string | number)[]) => ({ file, path: [...path] }) };
  const economy = economyFromData(doc, locator, file, new Set(['produces-nothing']));
  const result: Economy = { ...economy, techniques: economy.techniques.map((t, i) => ({ ...t, ...reader.filled(i) })) };
  registerSource(result, locator);
  return result;
}
