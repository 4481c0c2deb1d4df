import { economyToParquet, isParquetPath } from '../../model/binary/index.js';
import { serializeEconomy } from '../../model/serialize-economy.js';
import { loadModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { checkOutputPath, writeOutputFiles, type OutputRules } from '../write-output-files.js';

export interface ConvertFlags extends EncodingFlags {
  readonly output: string;
}

/** The format an output path asks for: by its extension, `.parquet` binary, `.json` JSON, else YAML. */
export function outputFormat(path: string): 'parquet' | 'json' | 'yaml' {
  if (isParquetPath(path)) return 'parquet';
  return /\.json$/i.test(path) ? 'json' : 'yaml';
}

/**
 * `plenty convert MODEL -o OUT`: reads a model in any format (YAML, JSON, the binary `.parquet`)
 * and writes it in the format OUT's extension names (docs/binary-format.md). It reads a YAML or
 * JSON model of any size: the other commands refuse one above MAX_TEXT_MODEL_BYTES and point
 * here. The output is checked before anything is read (its folder exists, it is not the input)
 * and written to a temporary file renamed into place, so a failed convert leaves nothing behind.
 */
export async function convertCommand(modelPath: string, flags: ConvertFlags): Promise<CommandOutput> {
  const rules: OutputRules = { option: '-o', inputs: [modelPath] };
  await checkOutputPath(flags.output, rules);
  const economy = await loadModel(modelPath, { ...readOptions(flags), anySize: true });
  const format = outputFormat(flags.output);
  const content = format === 'parquet' ? economyToParquet(economy) : serializeEconomy(economy, format);
  await writeOutputFiles([{ path: flags.output, text: content }], rules);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  const counts = { products: economy.products.length, resources: economy.resources.length, techniques: economy.techniques.length, targets: economy.targets.length };
  return {
    header: [`Converted ${modelPath} into ${flags.output} (${format}, ${bytes} bytes): “${economy.name}”.`],
    tables: [{ name: 'convert', title: 'What was converted', columns: [{ key: 'what', label: 'what' }, { key: 'count', label: 'count' }], rows: Object.entries(counts) }],
    json: { source: modelPath, output: flags.output, format, bytes, name: economy.name, counts },
  };
}
