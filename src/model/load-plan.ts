import { parsePlan } from './parse-plan.js';
import { readInputFile, type ReadInputOptions } from './read-input-file.js';
import type { Economy, Plan } from './types.js';

/** Reads and parses a plan file, checked against `economy`; `options.encoding` as for loadEconomy. */
export async function loadPlan(path: string, economy: Economy, options: ReadInputOptions = {}): Promise<Plan> {
  return parsePlan(await readInputFile(path, options), { file: path }, economy);
}
