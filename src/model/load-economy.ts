import { parseEconomy } from './parse-economy.js';
import { readInputFile } from './read-input-file.js';
import type { Economy } from './types.js';

/** Reads and parses a model file; the format comes from its extension (`.json`, else YAML). */
export async function loadEconomy(path: string): Promise<Economy> {
  return parseEconomy(await readInputFile(path), { file: path });
}
