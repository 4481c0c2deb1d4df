import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { economyToFolder, economyToParquet, isParquetPath } from '../../model/binary/index.js';
import { modelText } from '../../model/checked-model-file.js';
import { countsTable } from '../../report/index.js';
import { loadModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { checkOutputPath, writeOutputFiles, type OutputRules } from '../write-output-files.js';

export interface ConvertFlags extends EncodingFlags {
  readonly output: string;
}

/**
 * The format an output path asks for: a path ending in `/` the binary format's folder (version 2),
 * by its extension `.parquet` binary, `.json` JSON, else YAML.
 */
export function outputFormat(path: string): 'parquet-folder' | 'parquet' | 'json' | 'yaml' {
  if (/[\\/]$/.test(path)) return 'parquet-folder';
  if (isParquetPath(path)) return 'parquet';
  return /\.json$/i.test(path) ? 'json' : 'yaml';
}

/**
 * `plenty convert MODEL -o OUT`: reads a model in any format (YAML, JSON, the binary `.parquet`
 * or its folder) and writes it in the format OUT names (docs/binary-format.md; `OUT/`: the folder). It reads a YAML or
 * JSON model of any size: the other commands refuse one above MAX_TEXT_MODEL_BYTES and point
 * here. The output is checked before anything is read (its folder exists, it is not the input)
 * and written to a temporary file renamed into place, so a failed convert leaves nothing behind.
 */
export async function convertCommand(modelPath: string, flags: ConvertFlags): Promise<CommandOutput> {
  const rules: OutputRules = { option: '-o', inputs: [modelPath] };
  const format = outputFormat(flags.output);
  const output = format === 'parquet-folder' ? flags.output.replace(/[\\/]+$/, '') : flags.output;
  await checkOutputPath(output, rules);
  const economy = await loadModel(modelPath, { ...readOptions(flags), anySize: true });
  let bytes: number;
  if (format === 'parquet-folder') {
    // Written beside, then renamed into place: a failed convert leaves no half-written folder.
    const partial = `${output}.partial-${process.pid}`;
    try {
      economyToFolder(economy, partial);
      await rename(partial, output);
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
    bytes = 0;
    for (const f of await readdir(output)) bytes += (await stat(join(output, f))).size;
  } else {
    const content = format === 'parquet' ? economyToParquet(economy) : modelText(economy, format, modelPath);
    await writeOutputFiles([{ path: flags.output, text: content }], rules);
    bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  }
  const counts = { products: economy.products.length, resources: economy.resources.length, techniques: economy.techniques.length, targets: economy.targets.length };
  return {
    header: [`Converted ${modelPath} into ${flags.output} (${format}, ${bytes} bytes): “${economy.name}”.`],
    tables: [countsTable('convert', 'What was converted', counts)],
    json: { source: modelPath, output: flags.output, format, bytes, name: economy.name, counts },
  };
}
