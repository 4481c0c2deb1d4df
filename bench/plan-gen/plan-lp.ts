import { statSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnyModel } from '../../src/cli/load-model.js';
import { compileEconomy } from '../../src/compile/index.js';
import { writeModelFolder } from '../../src/model/binary/index.js';
import { formulatePlan, resolveObjective } from '../../src/plan/index.js';
import type { LinearProgram } from '../../src/lp/lp-types.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';
import type { GeneratedModel } from './generate-plan-model.js';
import { planModelFolder } from './plan-model-folder.js';

/** One step of building the LP: wall and CPU seconds, and the process's peak resident memory during it. */
export interface BuildPhase {
  readonly name: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakBytes: number;
}

/** Runs `f` as a phase: its times, and the peak memory from its start (the peak reset where Linux allows). */
export function phase<T>(name: string, phases: BuildPhase[], f: () => T): T {
  resetPeakRss();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = f();
  const c = process.cpuUsage(c0);
  phases.push({ name, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, peakBytes: peakRssBytes() });
  return out;
}

/** phase() for asynchronous work. */
export async function phaseAsync<T>(name: string, phases: BuildPhase[], f: () => Promise<T>): Promise<T> {
  resetPeakRss();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await f();
  const c = process.cpuUsage(c0);
  phases.push({ name, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, peakBytes: peakRssBytes() });
  return out;
}

/** The bytes of a file, or of a folder's files. */
function sizeOf(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((sum, f) => sum + statSync(join(path, f)).size, 0) : s.size;
}

/**
 * Writes a generated model where `plenty plan` reads it: as a JSON model file (`<base>.json`) or,
 * with `binary`, as a binary model folder (`<base>/`, docs/binary-format.md version 2; the text
 * formats stop at 20 MB, about 10⁵ items × periods of this model). Returns the path and its bytes.
 */
export function writePlanModel(generated: GeneratedModel, base: string, binary: boolean): { path: string; bytes: number } {
  const path = binary ? base : `${base}.json`;
  if (binary) writeModelFolder(path, planModelFolder(generated.model));
  else writeFileSync(path, JSON.stringify(generated.model));
  return { path, bytes: sizeOf(path) };
}

/**
 * The LP that `plenty plan --objective weighted` solves for a model file: read by the command's
 * own loader (YAML/JSON or the binary format), compiled and formulated (one LP: every tier's
 * targets credited up to their amount, weighted by tier; the maxmin objective solves one such LP
 * per tier, and more for leximin, each of this shape). Each step is timed (`phases`: load, compile,
 * formulate).
 */
export async function planLpOf(path: string): Promise<{ lp: LinearProgram; phases: BuildPhase[] }> {
  const phases: BuildPhase[] = [];
  const economy = await phaseAsync('load', phases, () => loadAnyModel(path));
  const compiled = phase('compile', phases, () => compileEconomy(economy));
  const { lp } = phase('formulate', phases, () => formulatePlan(compiled, resolveObjective(compiled, { kind: 'weighted' })));
  return { lp, phases };
}
