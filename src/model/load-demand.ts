import { parseDemand, type Demand } from './parse-demand.js';
import { readInputFile, type ReadInputOptions } from './read-input-file.js';

/** Reads and parses a final-demand file (YAML, JSON or CSV by extension); `options.encoding` as for loadEconomy. */
export async function loadDemand(path: string, options: ReadInputOptions = {}): Promise<Demand> {
  return parseDemand(await readInputFile(path, options), { file: path });
}
