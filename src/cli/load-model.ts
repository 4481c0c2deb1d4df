import { stat } from 'node:fs/promises';
import { isParquetPath, loadParquetEconomy } from '../model/binary/index.js';
import { loadEconomy, type Economy } from '../model/index.js';
import type { ReadInputOptions } from '../model/read-input-file.js';

/** Files above this size announce themselves on stderr: parsing them takes seconds. */
const ANNOUNCE_BYTES = 5e6;

/** A model file in either format: the binary one (`.parquet`, docs/binary-format.md; no text encoding) or YAML/JSON. */
function loadAny(path: string, options: ReadInputOptions): Promise<Economy> {
  return isParquetPath(path) ? loadParquetEconomy(path) : loadEconomy(path, options);
}

/**
 * Loads a model file: YAML, JSON or the binary format (a `.parquet` file). Parsing is one synchronous step, so a large file gets a line on stderr
 * before it starts and one with the time taken after it ends (stdout stays the result's).
 */
export async function loadModel(path: string, options: ReadInputOptions = {}): Promise<Economy> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (size < ANNOUNCE_BYTES) return loadAny(path, options);
  const start = Date.now();
  process.stderr.write(`reading ${path} (${(size / 1e6).toFixed(0)} MB) …\n`);
  const economy = await loadAny(path, options);
  process.stderr.write(`read ${path}: ${economy.products.length} products, ${economy.techniques.length} techniques in ${((Date.now() - start) / 1000).toFixed(1)}s\n`);
  return economy;
}
