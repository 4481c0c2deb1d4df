import { InputError } from '../errors.js';
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
  const text = serializeEconomy(economy, format);
  try {
    parseEconomy(text, { file: source, format });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      err.issues.map((issue) => ({
        ...issue,
        message: `the model imported from it would not load: ${issue.message}`,
        location: issue.location.path === undefined ? { file: source } : { file: source, path: issue.location.path },
      })),
    );
  }
  return text;
}
