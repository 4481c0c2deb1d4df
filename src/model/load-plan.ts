import { parsePlan } from './parse-plan.js';
import { readInputFile } from './read-input-file.js';
import type { Economy, Plan } from './types.js';

/** Reads and parses a plan file, checked against `economy`. */
export async function loadPlan(path: string, economy: Economy): Promise<Plan> {
  return parsePlan(await readInputFile(path), { file: path }, economy);
}
