import { analyzeEconomy, parseCharacterisationFactors } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { loadDemand } from '../../model/index.js';
import { readInputFile } from '../../model/read-input-file.js';
import { loadAnyModel } from '../load-model.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { createProgress } from '../progress.js';

export interface AnalyzeFlags extends EncodingFlags {
  readonly demand?: string;
  readonly multipliers?: boolean;
  readonly labourValues?: boolean;
  readonly labour?: string;
  readonly income?: string;
  readonly linkages?: boolean;
  readonly footprints?: boolean;
  readonly inverse?: boolean;
  readonly tolerance?: string;
  readonly maxIterations?: string;
  readonly period?: string;
  readonly typeIi?: boolean;
  readonly householdConsumption?: string;
  readonly householdIncome?: string;
  readonly characterise?: string;
}

/** The default of --tolerance (docs/cli.md). */
const DEFAULT_TOLERANCE = 1e-12;

/** --tolerance and --max-iterations, checked. */
export function solveOptions(flags: Pick<AnalyzeFlags, 'tolerance' | 'maxIterations'>): { tolerance: number; maxIterations: number } {
  const tolerance = flags.tolerance === undefined ? DEFAULT_TOLERANCE : Number(flags.tolerance);
  if (!(tolerance > 0 && tolerance < 1)) throw inputError('invalid-option', '--tolerance must be a number between 0 and 1', { path: ['--tolerance'] }, flags.tolerance);
  const maxIterations = flags.maxIterations === undefined ? DEFAULT_MAX_ITERATIONS : Number(flags.maxIterations);
  if (!(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) throw inputError('invalid-option', '--max-iterations must be a positive whole number', { path: ['--max-iterations'] }, flags.maxIterations);
  return { tolerance, maxIterations };
}

/**
 * `plenty analyze MODEL`: what a final demand requires (gross outputs), and on request
 * multipliers, income multipliers, linkages, labour values, footprints by region of final demand
 * (and per person), and the Leontief inverse (the analysis is `analyzeEconomy`, shared with the
 * service). A solve that does not succeed (not productive, did not converge, breakdown, singular)
 * gives no numbers: its status and diagnosis in the output, its sentence as the failure (exit
 * status 1).
 */
export async function analyzeCommand(modelPath: string, flags: AnalyzeFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const economy = await loadAnyModel(modelPath, read);
  const c = compileEconomy(economy);
  const { tolerance, maxIterations } = solveOptions(flags);
  const demand = flags.demand !== undefined ? await loadDemand(flags.demand, read) : undefined;
  const typeII = flags.typeIi === true || flags.householdConsumption !== undefined || flags.householdIncome !== undefined;
  const factors = flags.characterise !== undefined ? parseCharacterisationFactors(await readInputFile(flags.characterise, read), flags.characterise) : undefined;
  const progress = createProgress('solving');
  const r = analyzeEconomy(economy, c, {
    ...(demand !== undefined ? { demand, demandLabel: flags.demand } : {}),
    ...(flags.period !== undefined ? { period: flags.period } : {}),
    multipliers: flags.multipliers === true,
    linkages: flags.linkages === true,
    labourValues: flags.labourValues === true,
    ...(flags.labour !== undefined ? { labour: flags.labour } : {}),
    ...(flags.income !== undefined ? { income: flags.income } : {}),
    footprints: flags.footprints === true,
    inverse: flags.inverse === true,
    ...(typeII
      ? {
          typeII: {
            ...(flags.householdConsumption !== undefined ? { consumption: flags.householdConsumption } : {}),
            ...(flags.householdIncome !== undefined ? { income: flags.householdIncome } : {}),
            names: { consumption: '--household-consumption', income: '--household-income' },
          },
        }
      : {}),
    ...(factors !== undefined && flags.characterise !== undefined ? { characterise: { factors, file: flags.characterise } } : {}),
    tolerance,
    maxIterations,
    onProgress: (it, res) => progress.update(null, `iteration ${it}, residual ${res.toExponential(1)}`),
    names: { labour: '--labour', income: '--income', period: '--period', tolerance: '--tolerance', maxIterations: '--max-iterations' },
  });
  progress.done();
  const tables = [...r.tables];
  if (r.failures.length === 0) return { tables, json: r.json };
  const more = r.failures.length > 1 ? ` (${r.failures.length - 1} more ${r.failures.length === 2 ? 'solve' : 'solves'} did not succeed: see the output)` : '';
  return { tables, json: r.json, header: [...r.header], failure: `${r.failures[0]}${more}` };
}
