import { inputError } from '../../model/errors.js';
import { aggregatedModelBytes, aggregatedModelText, aggregateEconomy, readConcordance, type Concordance } from '../../model/index.js';
import { isParquetPath } from '../../model/binary/index.js';
import { beforeAfterTable } from '../../report/index.js';
import { loadModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { checkOutputPath, writeOutputFiles, type OutputRules } from '../write-output-files.js';

export interface AggregateFlags extends EncodingFlags {
  readonly output: string;
  readonly regions?: string;
  readonly sectors?: string;
  readonly name?: string;
}

/**
 * `plenty aggregate MODEL --regions MAP --sectors MAP -o OUT`: aggregates an input–output model
 * over a region map and a sector map (CSV from-code,to-code[,weight]; docs/aggregate.md) and
 * writes the aggregate as a model file (YAML, JSON when OUT ends in .json, the binary format when it ends in .parquet), checked as the
 * loader checks it and written whole. The options and the output path are checked first; every
 * mistake of a map is reported with its row and column.
 */
export async function aggregateCommand(modelPath: string, flags: AggregateFlags): Promise<CommandOutput> {
  if (flags.regions === undefined && flags.sectors === undefined) {
    throw inputError('invalid-option', 'name a region map (--regions), a sector map (--sectors) or both', { path: ['--regions'] });
  }
  if (flags.name !== undefined && flags.name.trim() === '') throw inputError('invalid-option', '--name must be non-empty text', { path: ['--name'] }, flags.name);
  const read = readOptions(flags);
  const inputs = [modelPath, ...(flags.regions === undefined ? [] : [flags.regions]), ...(flags.sectors === undefined ? [] : [flags.sectors])];
  const rules: OutputRules = { option: '-o', inputs };
  await checkOutputPath(flags.output, rules);
  const regions: Concordance | undefined = flags.regions === undefined ? undefined : await readConcordance(flags.regions, read);
  const sectors: Concordance | undefined = flags.sectors === undefined ? undefined : await readConcordance(flags.sectors, read);

  const progress = createProgress(`aggregating ${modelPath}`);
  progress.update(null, 'reading');
  const economy = await loadModel(modelPath, read);
  progress.update(null, 'aggregating');
  const aggregate = aggregateEconomy(economy, {
    source: modelPath,
    ...(regions === undefined ? {} : { regions }),
    ...(sectors === undefined ? {} : { sectors }),
    ...(flags.name === undefined ? {} : { name: flags.name }),
  });
  // A binary model is checked as bytes, without a text on the way (a big aggregate has none).
  const content = isParquetPath(flags.output) ? await aggregatedModelBytes(aggregate, modelPath) : aggregatedModelText(aggregate, /\.json$/i.test(flags.output) ? 'json' : 'yaml', modelPath);
  progress.update(null, 'writing');
  await writeOutputFiles([{ path: flags.output, text: content }], rules);
  progress.done();
  const count = (e: typeof economy) => ({ regions: e.regions.length, products: e.products.length, resources: e.resources.length, targets: e.targets.length });
  const before = count(economy);
  const after = count(aggregate);
  return {
    header: [`Aggregated ${modelPath} into ${flags.output}: “${aggregate.name}”.`, aggregate.description ?? ''],
    tables: [beforeAfterTable('aggregate', 'What was aggregated', before, after)],
    json: { source: modelPath, output: flags.output, name: aggregate.name, regionMap: flags.regions ?? null, sectorMap: flags.sectors ?? null, before, after },
  };
}
