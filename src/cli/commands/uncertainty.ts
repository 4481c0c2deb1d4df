import { parseDrawsTable, uncertaintyOf } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { loadDemand } from '../../model/index.js';
import { readInputFile } from '../../model/read-input-file.js';
import { loadAnyModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { createProgress } from '../progress.js';
import { numberOption, solveFlags } from './paths.js';

export interface UncertaintyFlags extends EncodingFlags {
  readonly rsd?: string;
  readonly demandRsd?: string;
  readonly extensionRsd?: string;
  readonly distribution?: string;
  readonly draws?: string;
  readonly seed?: string;
  readonly drawsTable?: string;
  readonly demand?: string;
  readonly period?: string;
  readonly tolerance?: string;
  readonly maxIterations?: string;
}

/**
 * `plenty uncertainty MODEL`: Monte Carlo over the coefficients (optionally final demand and the
 * resource coefficients), every footprint and multiplier with its mean, median and 2.5 / 97.5
 * percentiles, with a progress bar (`uncertaintyOf`, shared with the service).
 */
export async function uncertaintyCommand(modelPath: string, flags: UncertaintyFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const economy = await loadAnyModel(modelPath, read);
  const c = compileEconomy(economy);
  const { tolerance, maxIterations } = solveFlags(flags);
  const demand = flags.demand !== undefined ? await loadDemand(flags.demand, read) : undefined;
  const drawsTable = flags.drawsTable !== undefined ? parseDrawsTable(await readInputFile(flags.drawsTable, read), flags.drawsTable) : undefined;
  const rsd = numberOption(flags.rsd, '--rsd');
  if (rsd === undefined && drawsTable === undefined) throw inputError('missing', 'give the coefficients’ spread with --rsd X (a relative standard deviation, e.g. 0.1) or a table of draws with --draws-table FILE', { path: ['--rsd'] });
  const demandRsd = numberOption(flags.demandRsd, '--demand-rsd');
  const extensionRsd = numberOption(flags.extensionRsd, '--extension-rsd');
  const draws = numberOption(flags.draws, '--draws');
  const seed = numberOption(flags.seed, '--seed');
  const progress = createProgress('Monte Carlo');
  const r = uncertaintyOf(economy, c, {
    rsd: rsd ?? 0,
    ...(demandRsd !== undefined ? { demandRsd } : {}),
    ...(extensionRsd !== undefined ? { extensionRsd } : {}),
    ...(flags.distribution !== undefined ? { distribution: flags.distribution as 'lognormal' | 'normal' } : {}),
    ...(draws !== undefined ? { draws } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(drawsTable !== undefined ? { drawsTable } : {}),
    ...(demand !== undefined ? { demand, demandLabel: flags.demand } : {}),
    ...(flags.period !== undefined ? { period: flags.period } : {}),
    tolerance: flags.tolerance === undefined ? undefined : tolerance,
    maxIterations,
    onDraw: (done, total) => progress.update(done / total, `draw ${done} of ${total}`),
    names: { rsd: '--rsd', demandRsd: '--demand-rsd', extensionRsd: '--extension-rsd', distribution: '--distribution', draws: '--draws', seed: '--seed', drawsTable: '--draws-table', demand: '--demand', period: '--period', tolerance: '--tolerance', maxIterations: '--max-iterations' },
  });
  progress.done();
  if (r.failures.length === 0) return { tables: [...r.tables], json: r.json };
  return { tables: [...r.tables], json: r.json, header: [...r.header], failure: r.failures[0] };
}
