import { decomposeModels } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { loadAnyModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { solveOptions } from './analyze.js';
import { resourceList } from './resource-list.js';

export interface DecomposeFlags extends EncodingFlags {
  readonly resource?: string;
  readonly firstPeriod?: string;
  readonly secondPeriod?: string;
  readonly tolerance?: string;
  readonly maxIterations?: string;
}

/**
 * `plenty decompose FIRST SECOND`: the structural decomposition of the change from the first model
 * to the second (two years of a table, a model and a scenario of it, or two periods of one model
 * with --first-period and --second-period), for total gross output and each resource (or those of
 * --resource), into intensity, technology, level, destination and mix, with the identity check
 * (`decomposeModels`). A solve that does not succeed gives its status and sentence (exit 1).
 */
export async function decomposeCommand(firstPath: string, secondPath: string, flags: DecomposeFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const { tolerance, maxIterations } = solveOptions(flags);
  const resources = resourceList(flags.resource, '--resource');
  const first = await loadAnyModel(firstPath, read);
  const second = secondPath === firstPath ? first : await loadAnyModel(secondPath, read);
  const c1 = compileEconomy(first);
  const c2 = second === first ? c1 : compileEconomy(second);
  const progress = createProgress('decomposing');
  const r = decomposeModels(
    { economy: first, c: c1, source: firstPath, ...(flags.firstPeriod !== undefined ? { period: flags.firstPeriod } : {}), periodOption: '--first-period' },
    { economy: second, c: c2, source: secondPath, ...(flags.secondPeriod !== undefined ? { period: flags.secondPeriod } : {}), periodOption: '--second-period' },
    {
      ...(resources !== undefined ? { resources } : {}),
      resourceOption: '--resource',
      tolerance,
      maxIterations,
      toleranceOption: '--tolerance',
      maxIterationsOption: '--max-iterations',
      onProgress: (it, res) => progress.update(null, `iteration ${it}, residual ${res.toExponential(1)}`),
    },
  );
  progress.done();
  if (r.failures.length === 0) return { tables: r.tables, json: r.json };
  return { tables: r.tables, json: r.json, header: r.header, failure: r.failures[0] };
}
