import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Coefficients as (product, technique, amount) triplets, sorted by product then technique. */
export interface Triplets {
  readonly product: Int32Array;
  readonly technique: Int32Array;
  readonly amount: Float64Array;
}

/** What a candidate library writes and reads back: the triplets and the products' ids. */
export interface Dataset {
  readonly triplets: Triplets;
  readonly ids: readonly string[];
}

/**
 * One candidate Parquet library: writes a dataset as two Parquet files in a folder
 * (`coefficients.parquet`: product INT32, technique INT32, amount DOUBLE; `ids.parquet`: id STRING)
 * and reads them back into typed arrays and a list of strings.
 */
export interface LibraryAdapter {
  readonly name: string;
  /** The npm packages it needs. */
  readonly packages: readonly string[];
  write(folder: string, data: Dataset): Promise<void>;
  read(folder: string, rows: number, products: number): Promise<Dataset>;
}

/**
 * Imports a package installed in `modules` (a folder with its own node_modules), so that the
 * candidates need not be dependencies of Plenty to be measured.
 */
export async function importFrom<T>(modules: string, name: string): Promise<T> {
  const require = createRequire(join(resolve(modules), 'package.json'));
  return (await import(pathToFileURL(require.resolve(name)).href)) as T;
}

/** Rows per Parquet row group in every candidate's files. */
export const ROW_GROUP = 1 << 20;
