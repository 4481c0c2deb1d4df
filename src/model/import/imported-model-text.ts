import { economyToParquet, parquetBytesToColumnar } from '../binary/index.js';
import { InputError, inputError } from '../errors.js';
import { parseEconomy } from '../parse-economy.js';
import { serializeEconomy } from '../serialize-economy.js';
import type { Economy } from '../types.js';

/**
 * The file text of an imported model, checked exactly as the loader checks a model file: the
 * economy is written in `format` and read back with parseEconomy. Every importer's model goes
 * through here before it is written, so what an importer writes always loads (`plenty check`
 * accepts it). A model the loader would refuse is an InputError listing the loader's issues, each
 * at `source` (the table read) with the path of the model entry and its value.
 */
export function importedModelText(economy: Economy, format: 'yaml' | 'json', source: string): string {
  let text: string;
  try {
    text = serializeEconomy(economy, format);
  } catch (err) {
    // V8 refuses strings above about 5·10⁸ characters: the model has no text, only the binary format.
    if (!(err instanceof RangeError)) throw err;
    throw inputError(
      'too-large',
      `the model imported from it is too big for a ${format === 'json' ? 'JSON' : 'YAML'} file (${economy.products.length} products, ${economy.resources.length} resources): import it with -o MODEL.parquet, the binary format (docs/binary-format.md)`,
      { file: source },
    );
  }
  try {
    parseEconomy(text, { file: source, format });
  } catch (err) {
    throw wouldNotLoad(err, source);
  }
  return text;
}

/**
 * The bytes of an imported model's file in the binary format (docs/binary-format.md), checked as
 * the loader reads such a file (every check of the format and of the model). A model it would
 * refuse is an InputError, as for importedModelText.
 */
export async function importedModelBytes(economy: Economy, source: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = economyToParquet(economy);
    await parquetBytesToColumnar(bytes, source);
  } catch (err) {
    throw wouldNotLoad(err, source);
  }
  return bytes;
}

/** A loader's InputError as the import's: each issue at `source` (the table read) with its model path. Anything else is rethrown as it is. */
function wouldNotLoad(err: unknown, source: string): unknown {
  if (!(err instanceof InputError)) return err;
  return new InputError(
    err.issues.map((issue) => ({
      ...issue,
      message: `the model imported from it would not load: ${issue.message}`,
      location: issue.location.path === undefined ? { file: source } : { file: source, path: issue.location.path },
    })),
  );
}
