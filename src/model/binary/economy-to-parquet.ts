import { ParquetWriter, fileWriter, parquetWriteBuffer, parquetWriteFile, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { inputError } from '../errors.js';
import { parseProductRef } from '../product-ref.js';
import { economyToFile } from '../serialize-economy.js';
import type { Economy, Technique } from '../types.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetColumns } from '../types.js';
import { COEFFICIENT_COLUMNS, FORMAT_VERSION, FORMAT_VERSION_TABLES, MODEL_FILE, MODEL_KEY, NO_REGION, PRODUCTS_FILE, ROLES, TARGETS_FILE, TECHNIQUES_FILE, VERSION_KEY } from './binary-format.js';
import { CATEGORIES_KEY } from './read-model-tables.js';

/** Rows per row group: a few MB of each column, so a reader never holds a whole column twice. */
const ROW_GROUP = 1 << 20;

/**
 * The coefficient columns as the format writes them: PLAIN encoding, no compression. hyparquet
 * reads such a page as a view of the file's bytes (no decoding); measured on 4·2²⁰ rows, twice as
 * fast as Snappy with dictionaries (docs/binary-format.md), for twice the bytes (24 per row).
 */
function coefficientColumnData(columns: CoefficientColumns): ColumnSource[] {
  return COEFFICIENT_COLUMNS.map(({ name, type }) => ({ name, data: columns[name], type, nullable: false, encoding: 'PLAIN', codec: 'UNCOMPRESSED' }));
}

function indexOf(ids: readonly { readonly id: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((x, i) => m.set(x.id, i));
  return m;
}

function countCoefficients(techniques: readonly Technique[]): number {
  let n = 0;
  for (const t of techniques) for (const role of ROLES) n += Object.keys(t[role]).length;
  return n;
}

/**
 * An economy as the binary model format (docs/binary-format.md): the bytes of one Parquet file.
 * Every key of every coefficient record must name a product (`produces`, `consumes`, optionally
 * `@region`) or a resource (`uses`) of the model, as in a validated model.
 */
export function economyToParquet(e: Economy): Uint8Array {
  const { model, coefficients } = economyParts(e);
  return modelToParquet(model, coefficients);
}

/**
 * An economy in the format's parts: the model in the JSON file's shape with its techniques
 * without coefficients, and the coefficients as columns.
 */
export function economyParts(e: Economy): { model: Record<string, unknown>; coefficients: CoefficientColumns } {
  const products = indexOf(e.products);
  const resources = indexOf(e.resources);
  const regions = indexOf(e.regions);
  const n = countCoefficients(e.techniques);
  const technique = new Int32Array(n);
  const role = new Int32Array(n);
  const item = new Int32Array(n);
  const region = new Int32Array(n);
  const value = new Float64Array(n);
  let k = 0;
  e.techniques.forEach((t, ti) => {
    ROLES.forEach((r, ri) => {
      for (const [key, amount] of Object.entries(t[r])) {
        const ref = r === 'uses' ? { product: key } : parseProductRef(key);
        const it = (r === 'uses' ? resources : products).get(ref.product);
        const rg = ref.region === undefined ? NO_REGION : regions.get(ref.region);
        if (it === undefined || rg === undefined) {
          throw inputError('unknown-id', `technique "${t.id}" ${r} "${key}", which is not a ${r === 'uses' ? 'resource' : 'product'} of the model`, { path: ['techniques', ti, r, key] }, key);
        }
        technique[k] = ti;
        role[k] = ri;
        item[k] = it;
        region[k] = rg;
        value[k] = amount;
        k++;
      }
    });
  });
  const file = economyToFile(e);
  const techniques = (file.techniques as Record<string, unknown>[] | undefined)?.map(({ produces: _p, consumes: _c, uses: _u, ...rest }) => rest);
  return { model: techniques === undefined ? file : { ...file, techniques }, coefficients: { technique, role, item, region, value } };
}

/** The coefficients of a model as the format's columns (docs/binary-format.md), all of one length. */
export interface CoefficientColumns {
  readonly technique: Int32Array;
  readonly role: Int32Array;
  readonly item: Int32Array;
  readonly region: Int32Array;
  readonly value: Float64Array;
}

/**
 * The bytes of a binary model file from its parts: `model`, the model in the JSON file's shape
 * without the techniques' coefficients, and the coefficients as columns (no object per
 * coefficient: what an importer of a big table writes). Nothing is checked here; the reader checks
 * everything.
 */
export function modelToParquet(model: Readonly<Record<string, unknown>>, columns: CoefficientColumns): Uint8Array {
  const buffer = parquetWriteBuffer({ columnData: coefficientColumnData(columns), rowGroupSize: ROW_GROUP, kvMetadata: modelMetadata(FORMAT_VERSION, model) });
  return new Uint8Array(buffer);
}

function modelMetadata(version: string, model: Readonly<Record<string, unknown>>): { key: string; value: string }[] {
  return [
    { key: VERSION_KEY, value: version },
    { key: MODEL_KEY, value: JSON.stringify(model) },
  ];
}

/** Format 2's products (docs/binary-format.md): ids, units, region indices (−1: none), other fields as JSON or null. */
export interface ProductColumns {
  readonly id: readonly string[];
  readonly unit: readonly string[];
  readonly region: Int32Array;
  readonly more?: readonly (string | null)[];
}

/** Format 2's techniques: ids, region indices, other fields (name, capacity, …) as JSON or null. */
export interface TechniqueColumns {
  readonly id: readonly string[];
  readonly region: Int32Array;
  readonly more?: readonly (string | null)[];
}

/** The parts of a format 2 folder (docs/binary-format.md). */
export interface ModelFolder {
  /** The model in the JSON file's shape without products, techniques, targets and coefficients. */
  readonly model: Readonly<Record<string, unknown>>;
  readonly products: ProductColumns;
  readonly techniques: TechniqueColumns;
  readonly targets: TargetColumns;
  /** All at once, or in pieces (each written as it comes: a model of 10⁸ coefficients need never be whole in memory). */
  readonly coefficients: CoefficientColumns | Iterable<CoefficientColumns>;
}

const isColumns = (c: CoefficientColumns | Iterable<CoefficientColumns>): c is CoefficientColumns => 'value' in c;

/** Writes the coefficient columns to `filename` piece by piece (row groups of ROW_GROUP rows within each piece). */
function writeCoefficientFile(filename: string, pieces: Iterable<CoefficientColumns>, kvMetadata: { key: string; value: string }[], rowGroupSize: number): void {
  let pq: ParquetWriter | undefined;
  for (const piece of pieces) {
    const columnData = coefficientColumnData(piece);
    pq ??= new ParquetWriter({ writer: fileWriter(filename), schema: schemaFromColumnData({ columnData }), codec: 'UNCOMPRESSED', kvMetadata });
    void pq.write({ columnData: columnData.map(({ type: _t, ...c }) => c), rowGroupSize });
  }
  if (pq === undefined) {
    const none = { technique: new Int32Array(0), role: new Int32Array(0), item: new Int32Array(0), region: new Int32Array(0), value: new Float64Array(0) };
    writeCoefficientFile(filename, [none], kvMetadata, rowGroupSize);
  } else pq.finish();
}

const strings = (name: string, data: readonly (string | null)[], nullable = false, encoding?: 'PLAIN'): ColumnSource => ({ name, data: data as (string | null)[], type: 'STRING', nullable, ...(encoding !== undefined ? { encoding } : {}) });
const ints = (name: string, data: Int32Array): ColumnSource => ({ name, data, type: 'INT32', nullable: false, encoding: 'PLAIN' });

/**
 * Writes a model as format 2 (docs/binary-format.md): the folder `dir` (made if missing) with
 * model.parquet, products.parquet, techniques.parquet and targets.parquet, each streamed to its
 * file (no file held whole in memory), in row groups of `rowGroupSize` rows. Nothing is checked
 * here; the reader checks everything.
 */
export function writeModelFolder(dir: string, parts: ModelFolder, rowGroupSize = ROW_GROUP): void {
  mkdirSync(dir, { recursive: true });
  const write = (file: string, columnData: ColumnSource[], kvMetadata?: { key: string; value: string }[]): void =>
    parquetWriteFile({ filename: join(dir, file), columnData, rowGroupSize, codec: 'UNCOMPRESSED', ...(kvMetadata !== undefined ? { kvMetadata } : {}) });
  const { products: p, techniques: t, targets: g } = parts;
  write(PRODUCTS_FILE, [strings('id', p.id, false, 'PLAIN'), strings('unit', p.unit), ints('region', p.region), ...(p.more !== undefined ? [strings('more', p.more, true)] : [])]);
  write(TECHNIQUES_FILE, [strings('id', t.id, false, 'PLAIN'), ints('region', t.region), ...(t.more !== undefined ? [strings('more', t.more, true)] : [])]);
  const productRegion = g.productRegion ?? new Int32Array(g.product.length).fill(NO_REGION);
  write(
    TARGETS_FILE,
    [ints('product', g.product), ints('product_region', productRegion), { name: 'amount', data: g.amount, type: 'DOUBLE', nullable: false, encoding: 'PLAIN' }, ints('priority', g.priority), ints('region', g.region), ints('period', g.period), ints('category', g.category)],
    [{ key: CATEGORIES_KEY, value: JSON.stringify(g.categories) }],
  );
  writeCoefficientFile(join(dir, MODEL_FILE), isColumns(parts.coefficients) ? [parts.coefficients] : parts.coefficients, modelMetadata(FORMAT_VERSION_TABLES, parts.model), rowGroupSize);
}
