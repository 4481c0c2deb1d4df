import { parseDemand, type Demand } from './parse-demand.js';
import { readInputFile } from './read-input-file.js';

/** Reads and parses a final-demand file (YAML, JSON or CSV by extension). */
export async function loadDemand(path: string): Promise<Demand> {
  return parseDemand(await readInputFile(path), { file: path });
}
