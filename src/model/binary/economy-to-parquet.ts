import { parquetWriteBuffer } from 'hyparquet-writer';
import { inputError } from '../errors.js';
import { parseProductRef } from '../product-ref.js';
import { economyToFile } from '../serialize-economy.js';
import type { Economy, Technique } from '../types.js';
import { COEFFICIENT_COLUMNS, FORMAT_VERSION, MODEL_KEY, NO_REGION, ROLES, VERSION_KEY } from './binary-format.js';

/** Rows per row group: a few MB of each column, so a reader never holds a whole column twice. */
const ROW_GROUP = 1 << 20;

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
  return modelToParquet(techniques === undefined ? file : { ...file, techniques }, { technique, role, item, region, value });
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
  const buffer = parquetWriteBuffer({
    columnData: COEFFICIENT_COLUMNS.map(({ name, type }) => ({ name, data: columns[name], type, nullable: false })),
    rowGroupSize: ROW_GROUP,
    kvMetadata: [
      { key: VERSION_KEY, value: FORMAT_VERSION },
      { key: MODEL_KEY, value: JSON.stringify(model) },
    ],
  });
  return new Uint8Array(buffer);
}
