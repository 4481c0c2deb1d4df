/**
 * The binary model format (docs/binary-format.md): one Parquet file whose rows are the techniques'
 * coefficients, one row per coefficient, in the columns below; everything else of the model (name,
 * periods, regions, products, resources, techniques without their coefficients, targets, trade,
 * direct use, currency, plan) is the model file's JSON shape in the file's key-value metadata.
 */

/** The key-value metadata entry holding the model without its coefficients, as JSON. */
export const MODEL_KEY = 'plenty.model';

/** The key-value metadata entry naming the format's version. */
export const VERSION_KEY = 'plenty.format';

/** The version this code writes and reads. */
export const FORMAT_VERSION = '1';

/** The coefficient columns, in file order, with their Parquet types. */
export const COEFFICIENT_COLUMNS = [
  { name: 'technique', type: 'INT32' },
  { name: 'role', type: 'INT32' },
  { name: 'item', type: 'INT32' },
  { name: 'region', type: 'INT32' },
  { name: 'value', type: 'DOUBLE' },
] as const;

export type CoefficientColumn = (typeof COEFFICIENT_COLUMNS)[number]['name'];

/**
 * What a row's `item` indexes and which record of its technique it fills: 0 produces and 1
 * consumes (item: a product index), 2 uses (item: a resource index).
 */
export const ROLES = ['produces', 'consumes', 'uses'] as const;

export type Role = (typeof ROLES)[number];

/** The `region` of a row whose key names no region (`coal`, not `coal@ukraine`). */
export const NO_REGION = -1;
