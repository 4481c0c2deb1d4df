import { parseEconomy } from './parse-economy.js';
import { readInputFile, type ReadInputOptions } from './read-input-file.js';
import type { Economy } from './types.js';

/**
 * Reads and parses a model file; the format comes from its extension (`.json`, else YAML), the
 * text encoding from `options.encoding` (default UTF-8, strictly).
 */
export async function loadEconomy(path: string, options: ReadInputOptions = {}): Promise<Economy> {
  return parseEconomy(await readInputFile(path, options), { file: path });
}
