import { extname } from 'node:path';
import { readInputBytes } from '../read-input-file.js';
import type { Economy } from '../types.js';
import { parquetToEconomy } from './parquet-to-economy.js';

/** Whether a path names a model in the binary format (by its extension, `.parquet`). */
export function isParquetPath(path: string): boolean {
  return extname(path).toLowerCase() === '.parquet';
}

/** Reads a model file in the binary format (docs/binary-format.md). */
export async function loadParquetEconomy(path: string): Promise<Economy> {
  return parquetToEconomy(await readInputBytes(path), path);
}
