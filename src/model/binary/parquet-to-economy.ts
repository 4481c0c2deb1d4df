import type { ColumnarEconomy, Economy } from '../types.js';
import { columnarToEconomy } from './columnar-to-economy.js';
import { bytesSource } from './parquet-source.js';
import { parquetToColumnar, type ModelTables } from './parquet-to-columnar.js';

/** Format 2's tables held as bytes (tests, or files already read), named as in a folder. */
export function tablesFromBytes(tables: Readonly<Record<'products' | 'techniques' | 'targets', Uint8Array>>, folder: string): ModelTables {
  return { open: (table) => ({ source: bytesSource(tables[table]), file: `${folder}/${table}.parquet` }) };
}

/** Reads a model in the binary format from the bytes of its file into a ColumnarEconomy (parquetToColumnar). */
export async function parquetBytesToColumnar(bytes: Uint8Array, file: string, tables?: ModelTables, keepFileRow = false): Promise<ColumnarEconomy> {
  return parquetToColumnar(bytesSource(bytes), file, tables, keepFileRow);
}

/**
 * Reads a model in the binary format (docs/binary-format.md) from the bytes of its Parquet file,
 * as records (an Economy, as from YAML): the columnar read (every located error of the format),
 * then the coefficients put into their techniques' records.
 */
export async function parquetToEconomy(bytes: Uint8Array, file: string, tables?: ModelTables): Promise<Economy> {
  return columnarToEconomy(await parquetBytesToColumnar(bytes, file, tables, true));
}
