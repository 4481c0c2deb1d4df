import { rename, rm } from 'node:fs/promises';
import { economyToParquet, loadColumnarEconomy, parquetBytesToColumnar, writeModelFolder, type ModelFolder } from './binary/index.js';
import { InputError, inputError } from './errors.js';
import { parseEconomy } from './parse-economy.js';
import { serializeEconomy } from './serialize-economy.js';
import type { ColumnarEconomy, Economy } from './types.js';

/**
 * Whether an error is V8's refusal of a string above its longest (JSON.stringify's "Invalid string
 * length", Buffer's "Cannot create a string longer than …"), not another RangeError such as a
 * stack overflow.
 */
function isStringTooLong(err: unknown): boolean {
  return err instanceof RangeError && /Invalid string length|string longer than/i.test(err.message);
}

/**
 * serializeEconomy, where a model too big for a text is an InputError at `source` naming the binary
 * format instead of a crash: V8 refuses a string above about 5·10⁸ characters, which a model of
 * some 10⁷ coefficients (a whole EXIOBASE) exceeds as YAML or JSON.
 */
export function modelText(economy: Economy, format: 'yaml' | 'json', source: string): string {
  try {
    return serializeEconomy(economy, format);
  } catch (err) {
    if (!isStringTooLong(err)) throw err;
    throw inputError(
      'too-large',
      `the model is too big for a ${format === 'json' ? 'JSON' : 'YAML'} file (${economy.products.length} products, ${economy.resources.length} resources): write it with -o MODEL.parquet, the binary format (docs/binary-format.md)`,
      { file: source },
    );
  }
}

/**
 * The text of a model a command made (an import, an aggregate), checked exactly as the loader
 * checks a model file: written in `format` and read back with parseEconomy, so that what the
 * command writes always loads. A model the loader would refuse is an InputError listing the
 * loader's issues, each at `source` (what the model was made from) with the path of the model
 * entry, its message after `refusal` ("the model imported from it would not load").
 */
export function checkedModelText(economy: Economy, format: 'yaml' | 'json', source: string, refusal: string): string {
  const text = modelText(economy, format, source);
  try {
    parseEconomy(text, { file: source, format });
  } catch (err) {
    throw refused(err, source, refusal);
  }
  return text;
}

/**
 * The bytes of a model a command made in the binary format (docs/binary-format.md), checked as the
 * loader reads such a file (every check of the format and of the model); no text is made on the
 * way. A model the loader would refuse is an InputError, as for checkedModelText.
 */
export async function checkedModelBytes(economy: Economy, source: string, refusal: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = economyToParquet(economy);
  } catch (err) {
    // The file keeps the model but its coefficients (products, resources, targets…) as JSON text inside it.
    if (!isStringTooLong(err)) throw err;
    throw inputError(
      'too-large',
      `the model is too big for one binary file (${economy.products.length} products, ${economy.resources.length} resources, ${economy.targets.length} targets: the file keeps all but the coefficients as text, which cannot be this long)`,
      { file: source },
    );
  }
  try {
    await parquetBytesToColumnar(bytes, source);
  } catch (err) {
    throw refused(err, source, refusal);
  }
  return bytes;
}

/**
 * Writes a model a command made as a model folder (the binary format's version 2) at `dir`, checked
 * as the loader reads such a folder: written beside `dir`, read back, and only then renamed into
 * place, so that a model the loader would refuse (an InputError as for checkedModelText) or a
 * failure on the way leaves nothing behind. Returns the model as read back.
 */
export async function writeCheckedModelFolder(parts: ModelFolder, dir: string, source: string, refusal: string): Promise<ColumnarEconomy> {
  const partial = `${dir}.partial-${process.pid}`;
  try {
    writeModelFolder(partial, parts);
    let loaded: ColumnarEconomy;
    try {
      loaded = await loadColumnarEconomy(partial);
    } catch (err) {
      throw refused(err, source, refusal);
    }
    await rename(partial, dir);
    return loaded;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** A loader's InputError as the command's: each issue at `source` with its model path. Anything else is returned as it is. */
function refused(err: unknown, source: string, refusal: string): unknown {
  if (!(err instanceof InputError)) return err;
  return new InputError(
    err.issues.map((issue) => ({
      ...issue,
      message: `${refusal}: ${issue.message}`,
      location: issue.location.path === undefined ? { file: source } : { file: source, path: issue.location.path },
    })),
  );
}
