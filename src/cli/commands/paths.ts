import { structuralPathsOf } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { loadDemand } from '../../model/index.js';
import { loadAnyModel } from '../load-model.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { createProgress } from '../progress.js';

export interface PathsFlags extends EncodingFlags {
  readonly resource?: string;
  readonly region?: string;
  readonly product?: string;
  readonly demand?: string;
  readonly period?: string;
  readonly top?: string;
  readonly depth?: string;
  readonly threshold?: string;
  readonly tolerance?: string;
  readonly maxIterations?: string;
}

/** A whole-number or share option, checked (the range is checked by the analysis). */
export function numberOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v)) throw inputError('invalid-option', `${option} must be a number`, { path: [option] }, value);
  return v;
}

/** --tolerance and --max-iterations, checked. */
export function solveFlags(flags: { readonly tolerance?: string; readonly maxIterations?: string }): { tolerance: number; maxIterations: number } {
  const tolerance = numberOption(flags.tolerance, '--tolerance') ?? 1e-12;
  if (!(tolerance > 0 && tolerance < 1)) throw inputError('invalid-option', '--tolerance must be a number between 0 and 1', { path: ['--tolerance'] }, flags.tolerance);
  const maxIterations = numberOption(flags.maxIterations, '--max-iterations') ?? DEFAULT_MAX_ITERATIONS;
  if (!(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) throw inputError('invalid-option', '--max-iterations must be a positive whole number', { path: ['--max-iterations'] }, flags.maxIterations);
  return { tolerance, maxIterations };
}

/**
 * `plenty paths MODEL`: structural path analysis — the largest supply chains behind a resource's
 * footprint (or gross output) for one region's final demand, one unit of a product's, a demand
 * file's or the model's final use (`structuralPathsOf`, shared with the service).
 */
export async function pathsCommand(modelPath: string, flags: PathsFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const economy = await loadAnyModel(modelPath, read);
  const c = compileEconomy(economy);
  const { tolerance, maxIterations } = solveFlags(flags);
  const demand = flags.demand !== undefined ? await loadDemand(flags.demand, read) : undefined;
  const top = numberOption(flags.top, '--top');
  const depth = numberOption(flags.depth, '--depth');
  const threshold = numberOption(flags.threshold, '--threshold');
  const progress = createProgress('structural paths');
  const r = structuralPathsOf(economy, c, {
    ...(flags.resource !== undefined ? { resource: flags.resource } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(flags.product !== undefined ? { product: flags.product } : {}),
    ...(demand !== undefined ? { demand, demandLabel: flags.demand } : {}),
    ...(flags.period !== undefined ? { period: flags.period } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(depth !== undefined ? { depth } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    tolerance,
    maxIterations,
    onProgress: (it, res) => progress.update(null, `iteration ${it}, residual ${res.toExponential(1)}`),
    names: { resource: '--resource', region: '--region', product: '--product', demand: '--demand', period: '--period', top: '--top', depth: '--depth', threshold: '--threshold', tolerance: '--tolerance', maxIterations: '--max-iterations' },
  });
  progress.done();
  if (r.failures.length === 0) return { tables: [...r.tables], json: r.json };
  return { tables: [...r.tables], json: r.json, header: [...r.header], failure: r.failures[0] };
}
