import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { modelSeries, type SeriesModel } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { loadAnyModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { solveOptions } from './analyze.js';
import { resourceList } from './resource-list.js';

export interface SeriesFlags extends EncodingFlags {
  readonly multipliers?: boolean;
  readonly linkages?: boolean;
  readonly labourValues?: boolean;
  readonly labour?: string;
  readonly income?: string;
  readonly footprints?: boolean;
  readonly decompose?: boolean;
  readonly resource?: string;
  readonly tolerance?: string;
  readonly maxIterations?: string;
}

const MODEL_FILE = /\.(ya?ml|json|parquet)$/i;

/** The model files of the arguments: each file as given, each folder's model files (.yaml, .yml, .json, .parquet) in name order. */
async function modelFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s === undefined) throw inputError('not-found', 'no such file or folder', { file: p }, p);
    if (!s.isDirectory()) {
      files.push(p);
      continue;
    }
    const names = (await readdir(p)).filter((n) => MODEL_FILE.test(n)).sort();
    if (names.length === 0) throw inputError('empty', 'the folder holds no model file (.yaml, .yml, .json, .parquet)', { file: p }, p);
    files.push(...names.map((n) => join(p, n)));
  }
  return files;
}

/**
 * `plenty series FILES…|DIR`: several years of one classification (model files, or a folder of
 * them; a model with several periods counts one year per period), the analysis of each year
 * (`plenty analyze`'s options), the measures over the years and, with --decompose, the structural
 * decomposition between consecutive years (`modelSeries`). Progress per year on stderr.
 */
export async function seriesCommand(paths: readonly string[], flags: SeriesFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const { tolerance, maxIterations } = solveOptions(flags);
  const resources = resourceList(flags.resource, '--resource');
  if (resources !== undefined && flags.decompose !== true) throw inputError('invalid-option', '--resource chooses what --decompose splits: use it with --decompose', { path: ['--resource'] }, flags.resource);
  const files = await modelFiles(paths);
  const progress = createProgress('series');
  const models: SeriesModel[] = [];
  for (const [k, file] of files.entries()) {
    progress.update(k / (files.length * 2), `reading ${file}`);
    const economy = await loadAnyModel(file, read);
    models.push({ economy, c: compileEconomy(economy), source: file });
  }
  const r = modelSeries(models, {
    analysis: {
      multipliers: flags.multipliers === true,
      linkages: flags.linkages === true,
      labourValues: flags.labourValues === true,
      ...(flags.labour !== undefined ? { labour: flags.labour } : {}),
      ...(flags.income !== undefined ? { income: flags.income } : {}),
      footprints: flags.footprints === true,
      tolerance,
      maxIterations,
      names: { labour: '--labour', income: '--income', period: '--period', tolerance: '--tolerance', maxIterations: '--max-iterations' },
    },
    decompose: flags.decompose === true,
    ...(resources !== undefined ? { decomposition: { resources, resourceOption: '--resource' } } : {}),
    onStep: (done, total, what) => progress.update(0.5 + done / (2 * Math.max(1, total)), what),
  });
  progress.done();
  if (r.failures.length === 0) return { tables: r.tables, json: r.json };
  const more = r.failures.length > 1 ? ` (${r.failures.length - 1} more did not succeed: see the output)` : '';
  return { tables: r.tables, json: r.json, header: r.header, failure: `${r.failures[0]}${more}` };
}
