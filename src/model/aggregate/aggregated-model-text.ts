import { InputError } from '../errors.js';
import { parseEconomy } from '../parse-economy.js';
import { serializeEconomy } from '../serialize-economy.js';
import type { Economy } from '../types.js';

/**
 * The file text of an aggregated model, checked as the loader checks a model file (written in
 * `format` and read back with parseEconomy), so that what `plenty aggregate` writes always loads.
 * A model the loader would refuse (a sum beyond 1e30, say) is an InputError listing the loader's
 * issues at `source` (the model aggregated) with the path of the entry.
 */
export function aggregatedModelText(economy: Economy, format: 'yaml' | 'json', source: string): string {
  const text = serializeEconomy(economy, format);
  try {
    parseEconomy(text, { file: source, format });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.issues.map((issue) => ({ ...issue, message: `the aggregate would not load: ${issue.message}`, location: issue.location.path === undefined ? { file: source } : { file: source, path: issue.location.path } })));
  }
  return text;
}
