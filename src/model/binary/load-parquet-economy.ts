import { statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ColumnarEconomy, Economy } from '../types.js';
import { MODEL_FILE, PRODUCTS_FILE, TARGETS_FILE, TECHNIQUES_FILE } from './binary-format.js';
import { columnarToEconomy } from './columnar-to-economy.js';
import { fileSource } from './parquet-source.js';
import { parquetToColumnar, type ModelTables } from './parquet-to-columnar.js';

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Whether a path names a model in the binary format: a file whose name ends in `.parquet`, or a
 * folder of format 2 (holding model.parquet).
 */
export function isParquetPath(path: string): boolean {
  return extname(path).toLowerCase() === '.parquet' || (isFolder(path) && statSafe(join(path, MODEL_FILE)));
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const FILES = { products: PRODUCTS_FILE, techniques: TECHNIQUES_FILE, targets: TARGETS_FILE } as const;

/** The tables of a format 2 folder, each opened as it is read. */
function folderTables(dir: string): ModelTables {
  return {
    open: (table) => {
      const file = join(dir, FILES[table]);
      return { source: fileSource(file), file };
    },
  };
}

/**
 * Reads a model in the binary format (docs/binary-format.md) into a ColumnarEconomy, the file
 * read range by range (never whole; `keepFileRow`: see parquetToColumnar): a `.parquet` file (format 1, or format 2's model.parquet with
 * its tables beside it) or a format 2 folder.
 */
export async function loadColumnarEconomy(path: string, keepFileRow = false): Promise<ColumnarEconomy> {
  const folder = isFolder(path);
  const file = folder ? join(path, MODEL_FILE) : path;
  const source = fileSource(file);
  try {
    return await parquetToColumnar(source, file, folderTables(folder ? path : join(file, '..')), keepFileRow);
  } finally {
    source.close();
  }
}

/** Reads a model file in the binary format as records (an Economy, as from YAML). */
export async function loadParquetEconomy(path: string): Promise<Economy> {
  return columnarToEconomy(await loadColumnarEconomy(path, true));
}
