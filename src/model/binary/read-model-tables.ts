import { columnRecords, lazyList } from '../column-records.js';
import { InputError, type Issue } from '../errors.js';
import { indexIds } from '../hashed-ids.js';
import { rememberIds, type KnownIds } from '../known-ids.js';
import { MAX_MAGNITUDE, inMagnitude, magnitudeMessage } from '../magnitude.js';
import { productSchema, techniqueSchema } from '../schema.js';
import { toEconomy } from '../to-economy.js';
import type { Product, TargetColumns, TechniqueRecord } from '../types.js';
import { NO_REGION } from './binary-format.js';
import { readByteStrings, type ByteStrings } from './byte-strings.js';
import { HashedByteIds } from './hashed-byte-ids.js';
import type { ParquetSource } from './parquet-source.js';
import { checkSchema, readColumns, readParquetMetadata, type ColumnSpec } from './read-parquet-columns.js';

/** The columns of format 2's products.parquet (docs/binary-format.md). */
export const PRODUCT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'BYTE_ARRAY' },
  { name: 'unit', type: 'BYTE_ARRAY' },
  { name: 'region', type: 'INT32' },
  { name: 'more', type: 'BYTE_ARRAY', optional: true },
];

/** The columns of format 2's techniques.parquet. */
export const TECHNIQUE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'BYTE_ARRAY' },
  { name: 'region', type: 'INT32' },
  { name: 'more', type: 'BYTE_ARRAY', optional: true },
];

/** The columns of format 2's targets.parquet (TargetColumns, src/model/types.ts). */
export const TARGET_COLUMNS: readonly ColumnSpec[] = [
  { name: 'product', type: 'INT32' },
  { name: 'product_region', type: 'INT32' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'priority', type: 'INT32' },
  { name: 'region', type: 'INT32' },
  { name: 'period', type: 'INT32' },
  { name: 'category', type: 'INT32' },
];

/** The key-value metadata of targets.parquet naming the final-demand categories (a JSON array of text). */
export const CATEGORIES_KEY = 'plenty.categories';

const MAX_ISSUES = 1000;

/** Collects located issues of one table file (row from 1, column, value). */
class TableIssues {
  readonly list: Issue[] = [];
  constructor(readonly file: string) {}
  add(code: string, message: string, row: number, column: string, value: unknown): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ code, message, location: { file: this.file, row: row + 1, path: [column] }, value });
  }
  throwAny(): void {
    if (this.list.length > 0) throw new InputError(this.list);
  }
}

const isId = (v: string | null): v is string => v !== null && v.trim() !== '' && !v.includes('@');

/** Checks ids (non-empty text without "@", each once); returns them with their index. */
function checkIds(values: (string | null)[], kind: string, issues: TableIssues): KnownIds {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isId(v)) issues.add('invalid-id', `must be an id: non-empty text without "@"`, i, 'id', v);
  }
  const ids = values as string[];
  const index = indexIds(ids, (i, at) => issues.add('duplicate-id', `duplicate ${kind} id "${ids[i]}" (first at row ${at + 1})`, i, 'id', ids[i]));
  return { ids, index };
}

function checkRegion(region: Int32Array, regions: readonly string[], issues: TableIssues, column = 'region'): void {
  for (let i = 0; i < region.length; i++) {
    const r = region[i];
    if (r !== NO_REGION && !(r >= 0 && r < regions.length)) issues.add('unknown-id', `region ${r} is not a region of the model (it has ${regions.length}, numbered from 0; -1 for none)`, i, column, r);
  }
}

/** The fields in a row's `more` (JSON of the model file's other fields), validated by the model file's schema. */
function more<T>(text: string | null, row: number, record: Record<string, unknown>, parse: (doc: Record<string, unknown>) => T | undefined, issues: TableIssues): T | undefined {
  let extra: unknown = {};
  if (text !== null) {
    try {
      extra = JSON.parse(text);
    } catch {
      extra = undefined;
    }
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
      issues.add('damaged-metadata', 'must be a JSON object (the record\'s other fields)', row, 'more', text);
      return undefined;
    }
  }
  const out = parse({ ...(extra as Record<string, unknown>), ...record });
  if (out === undefined) issues.add('invalid', `a field of the record is not what the model file allows: ${text ?? ''}`, row, 'more', text);
  return out;
}

async function openTable(source: ParquetSource, file: string): Promise<{ metadata: Awaited<ReturnType<typeof readParquetMetadata>>; source: ParquetSource }> {
  return { metadata: await readParquetMetadata(source, file), source };
}

/**
 * From this many records on, a table without `more` is kept as columns (column-records.ts: ids as
 * bytes, no object or string per record) when its ids are PLAIN pages, as the writer writes them.
 */
export const COLUMNS_FROM = 1 << 16;

/**
 * The ids of a table as bytes, each checked (non-empty, not only white space, without "@",
 * each once: invalid-id, duplicate-id), with their index; undefined when the table does not
 * qualify for columns (see COLUMNS_FROM).
 */
function byteIds(source: ParquetSource, metadata: Metadata, specs: readonly ColumnSpec[], kind: string, issues: TableIssues, columnsFrom: number): { ids: ByteStrings; index: HashedByteIds } | undefined {
  if (Number(metadata.num_rows) < columnsFrom) return undefined;
  checkSchema(metadata, specs, issues.file);
  const ids = readByteStrings(source, metadata, 'id');
  if (ids === undefined) return undefined;
  const { bytes, offsets } = ids;
  for (let i = 0; i < ids.length; i++) {
    let blank = true;
    let ascii = true;
    let at = false;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const b = bytes[k];
      if (b === 0x40) at = true;
      else if (b > 0x7f) ascii = false;
      else if (b !== 0x20 && !(b >= 0x09 && b <= 0x0d)) blank = false;
    }
    if (ascii ? blank || at : !isId(ids.get(i))) issues.add('invalid-id', `must be an id: non-empty text without "@"`, i, 'id', ids.get(i));
  }
  const index = new HashedByteIds(ids, (i, first) => issues.add('duplicate-id', `duplicate ${kind} id "${ids.get(i)}" (first at row ${first + 1})`, i, 'id', ids.get(i)));
  return { ids, index };
}

/** The ids of records kept as columns, as a list (each decoded when read) with their index. */
const knownByteIds = ({ ids, index }: { ids: ByteStrings; index: HashedByteIds }): KnownIds => ({ ids: lazyList(ids.length, (i) => ids.get(i)), index });

/** Format 2's products (docs/binary-format.md), each checked; `regions` are the model's region ids. */
export async function readProducts(source: ParquetSource, file: string, regions: readonly string[], columnsFrom = COLUMNS_FROM): Promise<readonly Product[]> {
  const { metadata } = await openTable(source, file);
  const columnIssues = new TableIssues(file);
  const asBytes = byteIds(source, metadata, PRODUCT_COLUMNS, 'product', columnIssues, columnsFrom);
  const kept = asBytes === undefined ? undefined : await productColumns(source, metadata, regions, asBytes, columnIssues);
  if (kept !== undefined) return kept;
  const c = await readColumns(source, metadata, PRODUCT_COLUMNS, file);
  const issues = new TableIssues(file);
  const known = checkIds(c.id as (string | null)[], 'product', issues);
  const ids = known.ids;
  const units = c.unit as (string | null)[];
  const region = c.region as Int32Array;
  checkRegion(region, regions, issues);
  const extra = c.more as (string | null)[] | undefined;
  const products: Product[] = new Array<Product>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const unit = units[i];
    if (unit === null || unit.trim() === '') issues.add('empty', 'must be non-empty text', i, 'unit', unit);
    const r = region[i];
    const base = { id: ids[i], unit: unit ?? '' };
    const located = r >= 0 && r < regions.length ? { ...base, region: regions[r] } : base;
    const text = extra?.[i] ?? null;
    if (text === null) products[i] = located;
    else {
      const p = more(text, i, located, (doc) => {
        const parsed = productSchema.safeParse(doc);
        return parsed.success ? toEconomy({ products: [parsed.data] }, '').products[0] : undefined;
      }, issues);
      products[i] = p ?? located;
    }
  }
  issues.throwAny();
  rememberIds(products, known);
  return products;
}

/**
 * The capacity of a technique whose `more` holds a valid capacity and nothing else (the common
 * case of a big plan: a third of its techniques capacity-limited), without the schema's general
 * path, which took most of reading 7.5·10⁵ such techniques; undefined for anything else (read
 * and checked by the schema as before). The same record as the schema's path.
 */
function capacityOnly(text: string): number | undefined {
  if (!text.startsWith('{"capacity":')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const keys = Object.keys(doc);
  const v = (doc as { capacity?: unknown }).capacity;
  return keys.length === 1 && typeof v === 'number' && v >= 0 && v <= MAX_MAGNITUDE ? v + 0 : undefined;
}

/** Format 2's techniques, each checked. */
export async function readTechniques(source: ParquetSource, file: string, regions: readonly string[], resources: readonly string[], columnsFrom = COLUMNS_FROM): Promise<readonly TechniqueRecord[]> {
  const { metadata } = await openTable(source, file);
  const columnIssues = new TableIssues(file);
  const asBytes = byteIds(source, metadata, TECHNIQUE_COLUMNS, 'technique', columnIssues, columnsFrom);
  const kept = asBytes === undefined ? undefined : await techniqueColumns(source, metadata, regions, asBytes, columnIssues);
  if (kept !== undefined) return kept;
  const c = await readColumns(source, metadata, TECHNIQUE_COLUMNS, file);
  const issues = new TableIssues(file);
  const known = checkIds(c.id as (string | null)[], 'technique', issues);
  const ids = known.ids;
  const region = c.region as Int32Array;
  checkRegion(region, regions, issues);
  const extra = c.more as (string | null)[] | undefined;
  const resourceSet = new Set(resources);
  const techniques: TechniqueRecord[] = new Array<TechniqueRecord>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const r = region[i];
    const base: TechniqueRecord = r >= 0 && r < regions.length ? { id: ids[i], region: regions[r] } : { id: ids[i] };
    const text = extra?.[i] ?? null;
    if (text === null) {
      techniques[i] = base;
      continue;
    }
    const capacity = capacityOnly(text);
    if (capacity !== undefined) {
      techniques[i] = r >= 0 && r < regions.length ? { id: ids[i], capacity, region: regions[r] } : { id: ids[i], capacity };
      continue;
    }
    const t = more(text, i, { ...base, produces: {} }, (doc) => {
      const parsed = techniqueSchema.safeParse(doc);
      if (!parsed.success) return undefined;
      return toEconomy({ techniques: [parsed.data] }, '').techniques.map(({ produces: _p, consumes: _c, uses: _u, ...record }): TechniqueRecord => record)[0];
    }, issues);
    for (const key of Object.keys(t?.build ?? {})) if (!resourceSet.has(key)) issues.add('unknown-id', `technique "${ids[i]}" builds "${key}", which is not a resource of the model`, i, 'more', key);
    techniques[i] = t ?? base;
  }
  issues.throwAny();
  rememberIds(techniques, known);
  return techniques;
}

type Metadata = Awaited<ReturnType<typeof readParquetMetadata>>;

/** Whether a table's optional `more` column is absent or holds no value (records of only the columns). */
const noMore = (c: Record<string, unknown>): boolean => c.more === undefined || (c.more as (string | null)[]).every((m) => m === null);

/**
 * Products kept as columns (see COLUMNS_FROM): units and regions checked as readProducts checks
 * them; undefined when a product has more fields (`more`), for the records' path.
 */
async function productColumns(source: ParquetSource, metadata: Metadata, regions: readonly string[], asBytes: { ids: ByteStrings; index: HashedByteIds }, issues: TableIssues): Promise<readonly Product[] | undefined> {
  const c = await readColumns(source, metadata, PRODUCT_COLUMNS.filter((s) => s.name !== 'id'), issues.file);
  if (!noMore(c)) return undefined;
  const unit = c.unit as (string | null)[];
  const region = c.region as Int32Array;
  checkRegion(region, regions, issues);
  for (let i = 0; i < unit.length; i++) {
    const u = unit[i];
    if (u === null || u.trim() === '') issues.add('empty', 'must be non-empty text', i, 'unit', u);
  }
  issues.throwAny();
  const { ids } = asBytes;
  const units = unit as string[];
  const products = columnRecords({ length: ids.length, region, unit: units }, (i): Product => {
    const r = region[i];
    return r >= 0 ? { id: ids.get(i), unit: units[i], region: regions[r] } : { id: ids.get(i), unit: units[i] };
  });
  rememberIds(products, knownByteIds(asBytes));
  return products;
}

/** Techniques kept as columns (see COLUMNS_FROM); undefined when a technique has more fields. */
async function techniqueColumns(source: ParquetSource, metadata: Metadata, regions: readonly string[], asBytes: { ids: ByteStrings; index: HashedByteIds }, issues: TableIssues): Promise<readonly TechniqueRecord[] | undefined> {
  const c = await readColumns(source, metadata, TECHNIQUE_COLUMNS.filter((s) => s.name !== 'id'), issues.file);
  if (!noMore(c)) return undefined;
  const region = c.region as Int32Array;
  checkRegion(region, regions, issues);
  issues.throwAny();
  const { ids } = asBytes;
  const techniques = columnRecords({ length: ids.length, region }, (i): TechniqueRecord => {
    const r = region[i];
    return r >= 0 ? { id: ids.get(i), region: regions[r] } : { id: ids.get(i) };
  });
  rememberIds(techniques, knownByteIds(asBytes));
  return techniques;
}

/** The model's ids that the target columns index. */
export interface TargetIndices {
  readonly products: readonly string[];
  readonly productRegion: Int32Array;
  readonly regions: readonly string[];
  readonly periods: readonly string[];
}

/** Format 2's targets as columns, each row checked. */
export async function readTargets(source: ParquetSource, file: string, ids: TargetIndices): Promise<TargetColumns> {
  const { metadata } = await openTable(source, file);
  const c = await readColumns(source, metadata, TARGET_COLUMNS, file);
  const issues = new TableIssues(file);
  const text = metadata.key_value_metadata?.find((e) => e.key === CATEGORIES_KEY)?.value ?? '[]';
  let categories: unknown;
  try {
    categories = JSON.parse(text);
  } catch {
    categories = undefined;
  }
  if (!Array.isArray(categories) || !categories.every((x) => typeof x === 'string')) {
    throw new InputError([{ code: 'damaged-metadata', message: `the key-value metadata "${CATEGORIES_KEY}" must be a JSON array of text`, location: { file, path: [CATEGORIES_KEY] }, value: text }]);
  }
  const [product, productRegion, priority, region, period, category] = ['product', 'product_region', 'priority', 'region', 'period', 'category'].map((k) => c[k] as Int32Array);
  const amount = c.amount as Float64Array;
  const index = (v: Int32Array, column: string, size: number, what: string, optional: boolean): void => {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if ((optional && x === -1) || (x >= 0 && x < size)) continue;
      issues.add('unknown-id', `${column} ${x} is not a ${what} of the model (it has ${size}, numbered from 0${optional ? '; -1 for none' : ''})`, i, column, x);
    }
  };
  index(product, 'product', ids.products.length, 'product', false);
  index(productRegion, 'product_region', ids.regions.length, 'region', true);
  index(region, 'region', ids.regions.length, 'region', true);
  index(period, 'period', ids.periods.length, 'period', true);
  index(category, 'category', categories.length, 'category', true);
  for (let i = 0; i < amount.length; i++) {
    const x = amount[i];
    if (!inMagnitude(x)) issues.add('not-finite', `the amount ${magnitudeMessage(x)}`, i, 'amount', x);
    else if (x < 0) issues.add('negative', 'the amount must not be negative', i, 'amount', x);
    else amount[i] = x + 0;
    if (!(priority[i] >= 1)) issues.add('not-positive-integer', 'the priority must be a positive whole number (1 = first)', i, 'priority', priority[i]);
    const p = product[i];
    const pr = productRegion[i];
    const own = p >= 0 && p < ids.products.length ? ids.productRegion[p] : -1;
    if (pr >= 0 && own >= 0 && pr !== own) issues.add('region-mismatch', `product "${ids.products[p]}" is located in region "${ids.regions[own]}", not "${ids.regions[pr] ?? pr}"`, i, 'product_region', pr);
    else if (pr >= 0 && region[i] >= 0 && pr !== region[i]) issues.add('region-mismatch', `target names region "${ids.regions[pr] ?? pr}" in its product and "${ids.regions[region[i]] ?? region[i]}" in its region`, i, 'region', region[i]);
  }
  issues.throwAny();
  return { product, productRegion, amount, priority, region, period, category, categories: categories as string[] };
}
