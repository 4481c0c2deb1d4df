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

/** Version 1: one file, the model without its coefficients as JSON in its footer. */
export const FORMAT_VERSION = '1';

/**
 * Version 2: a folder — model.parquet (the coefficients; the rest of the model as JSON in its
 * footer, without products, techniques and targets) and those three as tables of their own beside
 * it (PRODUCTS_FILE, TECHNIQUES_FILE, TARGETS_FILE), for models whose lists outgrow a JSON text.
 */
export const FORMAT_VERSION_TABLES = '2';

/** The files of a version 2 folder. */
export const MODEL_FILE = 'model.parquet';
export const PRODUCTS_FILE = 'products.parquet';
export const TECHNIQUES_FILE = 'techniques.parquet';
export const TARGETS_FILE = 'targets.parquet';

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
