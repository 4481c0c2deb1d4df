import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isParquetPath, loadColumnarEconomy, loadParquetEconomy } from '../model/binary/index.js';
import { inputError } from '../model/errors.js';
import { loadEconomy, type Economy } from '../model/index.js';
import type { AnyEconomy } from '../model/types.js';
import type { ReadInputOptions } from '../model/read-input-file.js';

/** Files above this size announce themselves on stderr: parsing them takes seconds. */
const ANNOUNCE_BYTES = 5e6;

/**
 * The largest YAML or JSON model the commands read (docs/cli.md): 20 MB, about 400,000
 * coefficients. A 17 MB YAML model took 84 s and 1.4 GB to read (JSON of the same model 22 s),
 * and a 53 MB one exhausted 4.3 GB; bigger models go in the binary format.
 */
export const MAX_TEXT_MODEL_BYTES = 20e6;

/** How loadModel treats a big text model. */
export interface LoadModelOptions extends ReadInputOptions {
  /** Read a YAML/JSON model of any size (`plenty convert`, the way out of the text formats). */
  readonly anySize?: boolean;
}

/** A model file in either format: the binary one (`.parquet` or its folder, docs/binary-format.md; no text encoding) or YAML/JSON. */
function loadAny(path: string, options: ReadInputOptions, columnar: boolean): Promise<AnyEconomy> {
  if (!isParquetPath(path)) return loadEconomy(path, options);
  return columnar ? loadColumnarEconomy(path) : loadParquetEconomy(path);
}

/**
 * Loads a model file: YAML, JSON or the binary format (a `.parquet` file). A YAML or JSON file
 * above MAX_TEXT_MODEL_BYTES is refused with a message pointing to `plenty convert` (unless
 * `anySize`). Parsing is one synchronous step, so a large file gets a line on stderr before it
 * starts and one with the time taken after it ends (stdout stays the result's).
 */
export async function loadModel(path: string, options: LoadModelOptions = {}): Promise<Economy> {
  return (await loadModelAs(path, options, false)) as Economy;
}

/**
 * loadModel for the commands that compile a model and nothing more (analyze): a binary model is
 * read into a ColumnarEconomy (no object per coefficient), which compileEconomy takes directly.
 */
export async function loadAnyModel(path: string, options: LoadModelOptions = {}): Promise<AnyEconomy> {
  return loadModelAs(path, options, true);
}

/** A file's size, or a folder's (a binary model of version 2): the sum of its files; 0 if neither. */
async function sizeOf(path: string): Promise<number> {
  const s = await stat(path).catch(() => undefined);
  if (s === undefined) return 0;
  if (!s.isDirectory() || !isParquetPath(path)) return s.size;
  const files = await readdir(path).catch(() => []);
  let sum = 0;
  for (const f of files) sum += (await stat(join(path, f)).catch(() => undefined))?.size ?? 0;
  return sum;
}

async function loadModelAs(path: string, options: LoadModelOptions, columnar: boolean): Promise<AnyEconomy> {
  const size = await sizeOf(path);
  if (size > MAX_TEXT_MODEL_BYTES && options.anySize !== true && !isParquetPath(path)) {
    const mb = (n: number, digits: number): string => `${(n / 1e6).toFixed(digits)} MB`;
    throw inputError(
      'model-too-big',
      `a YAML or JSON model of ${mb(size, 1)} is more than the commands read (${mb(MAX_TEXT_MODEL_BYTES, 0)}: reading text takes minutes and gigabytes at this size); convert it once with \`plenty convert ${path} -o MODEL.parquet\` and give the commands the .parquet file (docs/binary-format.md)`,
      { file: path },
      size,
    );
  }
  if (size < ANNOUNCE_BYTES) return loadAny(path, options, columnar);
  const start = Date.now();
  process.stderr.write(`reading ${path} (${(size / 1e6).toFixed(0)} MB) …\n`);
  const economy = await loadAny(path, options, columnar);
  process.stderr.write(`read ${path}: ${economy.products.length} products, ${economy.techniques.length} techniques in ${((Date.now() - start) / 1000).toFixed(1)}s\n`);
  return economy;
}
