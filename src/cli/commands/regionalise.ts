import { regionaliseModel } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import type { LocationQuotient } from '../../leontief/index.js';
import { isParquetPath } from '../../model/binary/index.js';
import { inputError } from '../../model/errors.js';
import { aggregatedModelBytes, aggregatedModelText } from '../../model/index.js';
import { parseRegionalData } from '../../model/parse-regional-data.js';
import { readInputFile } from '../../model/read-input-file.js';
import { loadModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { checkOutputPath, writeOutputFiles, type OutputRules } from '../write-output-files.js';
import { solveOptions } from './analyze.js';

export interface RegionaliseFlags extends EncodingFlags {
  readonly regional: string;
  readonly method: string;
  readonly delta?: string;
  readonly measure?: string;
  readonly name?: string;
  readonly output: string;
  readonly tolerance?: string;
  readonly maxIterations?: string;
}

const METHODS: readonly LocationQuotient[] = ['slq', 'cilq', 'flq'];

/**
 * `plenty regionalise MODEL --regional FILE.csv --method slq|cilq|flq [--delta δ] -o OUT`: a
 * regional model from a national one by location quotients (`regionaliseModel`), written as a model
 * file (YAML, JSON, or .parquet) checked as the loader checks it; the report shows per sector the
 * quotient and how the coefficients and output multipliers changed.
 */
export async function regionaliseCommand(modelPath: string, flags: RegionaliseFlags): Promise<CommandOutput> {
  const method = flags.method.toLowerCase() as LocationQuotient;
  if (!METHODS.includes(method)) throw inputError('invalid-option', '--method must be slq, cilq or flq', { path: ['--method'] }, flags.method);
  const delta = flags.delta === undefined ? undefined : Number(flags.delta);
  if (delta !== undefined && method !== 'flq') throw inputError('invalid-option', '--delta is the FLQ’s: use it with --method flq', { path: ['--delta'] }, flags.delta);
  if (delta !== undefined && !(delta >= 0 && delta < 1)) throw inputError('invalid-option', '--delta must be a number at least 0 and below 1', { path: ['--delta'] }, flags.delta);
  if (flags.name !== undefined && flags.name.trim() === '') throw inputError('invalid-option', '--name must be non-empty text', { path: ['--name'] }, flags.name);
  const { tolerance, maxIterations } = solveOptions(flags);
  const read = readOptions(flags);
  const rules: OutputRules = { option: '-o', inputs: [modelPath, flags.regional] };
  await checkOutputPath(flags.output, rules);
  const data = parseRegionalData(await readInputFile(flags.regional, read), flags.regional);
  const progress = createProgress(`regionalising ${modelPath}`);
  const economy = await loadModel(modelPath, read);
  const c = compileEconomy(economy);
  const r = regionaliseModel(economy, c, data, {
    method,
    ...(delta !== undefined ? { delta } : {}),
    ...(flags.measure !== undefined ? { measure: flags.measure } : {}),
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    tolerance,
    maxIterations,
    names: { measure: '--measure', delta: '--delta', tolerance: '--tolerance', maxIterations: '--max-iterations' },
  });
  if (r.economy === undefined) {
    progress.done();
    return { tables: r.tables, json: r.json, header: r.header, failure: r.failures[0] };
  }
  progress.update(null, 'writing');
  const content = isParquetPath(flags.output) ? await aggregatedModelBytes(r.economy, flags.output) : aggregatedModelText(r.economy, /\.json$/i.test(flags.output) ? 'json' : 'yaml', flags.output);
  await writeOutputFiles([{ path: flags.output, text: content }], rules);
  progress.done();
  return { header: [`Wrote the regional model “${r.economy.name}” to ${flags.output}.`], tables: r.tables, json: { ...r.json, output: flags.output } };
}
