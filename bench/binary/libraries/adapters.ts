import { duckdbAdapter } from './duckdb.js';
import { hyparquetAdapter } from './hyparquet.js';
import { parquetWasmAdapter } from './parquet-wasm.js';
import type { LibraryAdapter } from './types.js';

/** The candidates, by the name the benchmark's --libraries flag takes. */
export const LIBRARIES = ['duckdb', 'duckdb-materialized', 'hyparquet', 'parquet-wasm'] as const;

export function adapterNamed(name: string, modules: string): LibraryAdapter {
  switch (name) {
    case 'duckdb':
      return duckdbAdapter(modules, false);
    case 'duckdb-materialized':
      return duckdbAdapter(modules, true);
    case 'hyparquet':
      return hyparquetAdapter(modules);
    case 'parquet-wasm':
      return parquetWasmAdapter(modules);
    default:
      throw new Error(`unknown library "${name}" (one of ${LIBRARIES.join(', ')})`);
  }
}
