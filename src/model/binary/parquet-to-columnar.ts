import { recordColumns } from '../column-records.js';
import { inputError } from '../errors.js';
import { knownIds } from '../known-ids.js';
import { economyFromData } from '../parse-economy.js';
import { parseProductRef } from '../product-ref.js';
import { registerSource } from '../source-locations.js';
import type { ColumnarEconomy, Economy, EconomyBase, Product, TargetColumns, TechniqueRecord } from '../types.js';
import { FORMAT_VERSION, FORMAT_VERSION_TABLES, MODEL_KEY, NO_REGION, VERSION_KEY } from './binary-format.js';
import type { ParquetSource } from './parquet-source.js';
import { CoefficientReader } from './read-coefficients.js';
import { readProducts, readTargets, readTechniques } from './read-model-tables.js';
import { readParquetMetadata } from './read-parquet-columns.js';

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Format 2's tables beside its model.parquet: a source and a name for each (docs/binary-format.md). */
export interface ModelTables {
  open(table: 'products' | 'techniques' | 'targets'): { readonly source: ParquetSource; readonly file: string };
}

function modelDocument(kv: readonly { key: string; value?: string }[] | undefined, file: string): { version: string; doc: Doc } {
  const entry = (key: string): string | undefined => kv?.find((e) => e.key === key)?.value;
  const version = entry(VERSION_KEY);
  const text = entry(MODEL_KEY);
  if (version === undefined || text === undefined) {
    throw inputError('not-a-model', `a Parquet file but not a Plenty model: its key-value metadata has no "${version === undefined ? VERSION_KEY : MODEL_KEY}" (write one with \`plenty convert MODEL -o OUT.parquet\`)`, { file });
  }
  if (version !== FORMAT_VERSION && version !== FORMAT_VERSION_TABLES) {
    throw inputError('unsupported-format', `version ${version} of the binary model format; this Plenty reads versions ${FORMAT_VERSION} and ${FORMAT_VERSION_TABLES}`, { file, path: [VERSION_KEY] }, version);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw inputError('damaged-metadata', `the key-value metadata "${MODEL_KEY}" is not JSON: ${err instanceof Error ? err.message : String(err)}`, { file, path: [MODEL_KEY] });
  }
  if (!isDoc(doc)) throw inputError('damaged-metadata', `the key-value metadata "${MODEL_KEY}" must be a JSON object (the model without its coefficients)`, { file, path: [MODEL_KEY] });
  return { version, doc };
}

/** A model's targets as columns (TargetColumns); the references are already checked. */
export function targetColumns(e: Economy): TargetColumns {
  const index = (ids: readonly string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));
  const products = index(e.products.map((p) => p.id));
  const regions = index(e.regions.map((r) => r.id));
  const periods = index(e.periods);
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const n = e.targets.length;
  const c = { product: new Int32Array(n), productRegion: new Int32Array(n), amount: new Float64Array(n), priority: new Int32Array(n), region: new Int32Array(n), period: new Int32Array(n), category: new Int32Array(n) };
  e.targets.forEach((t, i) => {
    const ref = parseProductRef(t.product);
    c.product[i] = products.get(ref.product) ?? -1;
    c.productRegion[i] = ref.region === undefined ? NO_REGION : (regions.get(ref.region) ?? NO_REGION);
    c.amount[i] = t.amount;
    c.priority[i] = t.priority;
    c.region[i] = t.region === undefined ? -1 : (regions.get(t.region) ?? -1);
    c.period[i] = t.period === undefined ? -1 : (periods.get(t.period) ?? -1);
    let k = -1;
    if (t.category !== undefined) {
      k = categoryIndex.get(t.category) ?? categories.length;
      if (k === categories.length) {
        categoryIndex.set(t.category, k);
        categories.push(t.category);
      }
    }
    c.category[i] = k;
  });
  return { ...c, categories };
}

const stripCoefficients = (t: Doc): Doc => ({ ...t, produces: {}, consumes: {}, uses: {} });

/**
 * Reads a model in the binary format (docs/binary-format.md) into a ColumnarEconomy: the
 * coefficients straight into compressed sparse rows (CoefficientReader: no object per
 * coefficient), the rest validated as a model file is. Format 1 holds products, techniques and
 * targets in the footer's JSON; format 2 in `tables` (products.parquet, techniques.parquet,
 * targets.parquet beside model.parquet), read as columns. Every error is a located InputError.
 * `keepFileRow` keeps each entry's row of the file (TechniqueCoefficients.fileRow), so that
 * records made from the columns keep the file's key order.
 */
export async function parquetToColumnar(source: ParquetSource, file: string, tables?: ModelTables, keepFileRow = false): Promise<ColumnarEconomy> {
  const metadata = await readParquetMetadata(source, file);
  const { version, doc } = modelDocument(metadata.key_value_metadata, file);
  const locator = { locate: (path: readonly (string | number)[]) => ({ file, path: [...path] }) };
  let base: EconomyBase;
  let targets: TargetColumns;
  if (version === FORMAT_VERSION) {
    const techniques = Array.isArray(doc.techniques) ? doc.techniques.map((t: unknown) => (isDoc(t) ? stripCoefficients(t) : t)) : doc.techniques;
    const e = economyFromData({ ...doc, techniques }, locator, file, new Set(['produces-nothing']));
    base = { ...e, techniques: e.techniques.map(({ produces: _p, consumes: _c, uses: _u, ...record }): TechniqueRecord => record) };
    targets = targetColumns(e);
    delete (base as { targets?: unknown }).targets;
  } else {
    if (tables === undefined) throw inputError('unsupported-format', 'version 2 of the binary model format is a folder (model.parquet with products.parquet, techniques.parquet and targets.parquet beside it): give the folder', { file, path: [VERSION_KEY] }, version);
    ({ base, targets } = await readTables(doc, locator, file, tables));
  }
  const ids = {
    techniques: idsOf(base.techniques),
    products: idsOf(base.products),
    resources: base.resources.map((r) => r.id),
    regions: base.regions.map((r) => r.id),
    productRegion: productRegions(base.products, base.regions),
  };
  const coefficients = await new CoefficientReader(source, metadata, ids, file, keepFileRow).read();
  const result: ColumnarEconomy = { ...base, coefficients, targets };
  registerSource(result, locator);
  return result;
}

/** The ids of records (the list the reader made with their index, where it made one). */
const idsOf = (records: readonly { readonly id: string }[]): readonly string[] => knownIds(records)?.ids ?? records.map((r) => r.id);

function productRegions(products: readonly Product[], regions: readonly { readonly id: string }[]): Int32Array {
  // Products kept as columns hold the index of their region already (checked when read).
  const columns = recordColumns(products);
  if (columns !== undefined) return Int32Array.from(columns.region);
  const index = new Map(regions.map((r, i) => [r.id, i]));
  const out = new Int32Array(products.length).fill(NO_REGION);
  products.forEach((p, i) => {
    if (p.region !== undefined) out[i] = index.get(p.region) ?? NO_REGION;
  });
  return out;
}

/** Format 2: the model document without products, techniques and targets, and those three tables. */
async function readTables(doc: Doc, locator: { locate: (path: readonly (string | number)[]) => { file: string; path: (string | number)[] } }, file: string, tables: ModelTables): Promise<{ base: EconomyBase; targets: TargetColumns }> {
  for (const key of ['products', 'techniques', 'targets']) {
    if (doc[key] !== undefined) throw inputError('damaged-metadata', `in version 2 of the format the model's ${key} are a table of their own, not in "${MODEL_KEY}"`, { file, path: [MODEL_KEY, key] });
  }
  // Products and techniques are needed to check the document only where it names them (trade, plan).
  const references = doc.trade !== undefined || doc.plan !== undefined;
  const rest = economyFromData({ ...doc, products: [] }, locator, file, new Set(['empty-model', 'unknown-id']));
  const regions = rest.regions.map((r) => r.id);
  const open = (table: 'products' | 'techniques' | 'targets'): { source: ParquetSource; file: string } => tables.open(table);
  const read = async <T>(table: 'products' | 'techniques' | 'targets', f: (source: ParquetSource, name: string) => Promise<T>): Promise<T> => {
    const t = open(table);
    try {
      return await f(t.source, t.file);
    } finally {
      t.source.close();
    }
  };
  const products = await read('products', (s, name) => readProducts(s, name, regions));
  if (products.length === 0) throw inputError('empty-model', 'the model has no products', { file: open('products').file });
  const techniques = await read('techniques', (s, name) => readTechniques(s, name, regions, rest.resources.map((r) => r.id)));
  const targets = await read('targets', (s, name) => readTargets(s, name, { products: idsOf(products), productRegion: productRegions(products, rest.regions), regions, periods: rest.periods }));
  if (references) {
    // The full check of the references, with the products and techniques as the file names them.
    economyFromData({ ...doc, products: products.map((p) => ({ id: p.id, unit: p.unit, ...(p.region !== undefined ? { region: p.region } : {}) })), techniques: techniques.map((t) => ({ id: t.id, produces: {} })) }, locator, file, new Set(['produces-nothing']));
  } else {
    // Without products, an unknown id can only be a region, resource or period: check those again.
    economyFromData({ ...doc, products: [{ id: products[0].id, unit: products[0].unit }] }, locator, file);
  }
  const base: EconomyBase & { targets?: unknown } = { ...rest, products, techniques };
  delete base.targets;
  return { base, targets };
}
