import { economyToParquet, isParquetPath } from '../../model/binary/index.js';
import { inputError } from '../../model/errors.js';
import { checkModelId, importModel, importers, type ImporterKind, type ImportNotes } from '../../model/index.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { checkOutputPath, writeOutputFiles, type OutputRules } from '../write-output-files.js';

export interface ImportFlags extends EncodingFlags {
  readonly output: string;
  readonly mapping?: string;
  readonly name?: string;
  readonly region?: string;
  readonly priority?: string;
  readonly unit?: string;
}

function isImporterKind(kind: string): kind is ImporterKind {
  return Object.hasOwn(importers, kind);
}

/**
 * `plenty import table|pymrio PATH -o MODEL`: reads an input–output table and writes it as a
 * model file (YAML, JSON when MODEL ends in .json, the binary format when it ends in .parquet),
 * documented in docs/import.md. Options are checked first (an id the model format refuses, an
 * unknown encoding, an output that cannot be written or is an input); the model is checked as the
 * loader checks it before it is written, to a temporary file that is then renamed, so a failed
 * import leaves nothing behind.
 */
export async function importCommand(kind: string, path: string, flags: ImportFlags): Promise<CommandOutput> {
  if (!isImporterKind(kind)) throw inputError('invalid-option', 'the kind of import is "table" (a CSV/TSV input–output table) or "pymrio" (a pymrio text folder)', { path: ['kind'] }, kind);
  const priority = flags.priority === undefined ? 1 : Number(flags.priority);
  if (!Number.isInteger(priority) || priority < 1) throw inputError('invalid-option', '--priority must be a positive whole number', { path: ['--priority'] }, flags.priority);
  if (flags.region !== undefined) {
    if (kind !== 'table') throw inputError('invalid-option', '--region is for a table: a pymrio folder names its regions', { path: ['--region'] }, flags.region);
    checkModelId(flags.region, '--region', { path: ['--region'] });
  }
  if (flags.mapping !== undefined && kind !== 'table') throw inputError('invalid-option', '--mapping is for a table: a pymrio folder states its layout', { path: ['--mapping'] }, flags.mapping);
  if (flags.unit !== undefined && flags.unit.trim() === '') throw inputError('invalid-option', '--unit must be non-empty text', { path: ['--unit'] }, flags.unit);
  const read = readOptions(flags);
  const rules: OutputRules = { option: '-o', inputs: flags.mapping === undefined ? [path] : [path, flags.mapping] };
  await checkOutputPath(flags.output, rules);

  const progress = createProgress(`importing ${path}`);
  progress.update(null, 'reading');
  const { table, economy, text } = await importModel(kind, path, {
    ...read,
    ...(flags.mapping !== undefined ? { mapping: flags.mapping } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    priority,
    format: /\.json$/i.test(flags.output) || isParquetPath(flags.output) ? 'json' : 'yaml',
  });
  progress.update(null, 'writing');
  await writeOutputFiles([{ path: flags.output, text: isParquetPath(flags.output) ? economyToParquet(economy) : text }], rules);
  progress.done();
  const counts = {
    regions: table.regions.length,
    sectors: table.sectors.length,
    products: economy.products.length,
    resources: economy.resources.length,
    targets: economy.targets.length,
  };
  return {
    header: [`Imported ${path} into ${flags.output}: “${economy.name}” (flows in ${table.unit}).`, ...notesLines(table.notes)],
    tables: [{ name: 'import', title: 'What was imported', columns: [{ key: 'what', label: 'what' }, { key: 'count', label: 'count' }], rows: Object.entries(counts) }],
    json: { source: path, kind, output: flags.output, name: economy.name, unit: table.unit, counts, notes: table.notes ?? { read: [], guessed: [], dropped: [] } },
  };
}

/** The importer's notes as header lines: what it read, guessed and dropped. */
function notesLines(notes: ImportNotes | undefined): string[] {
  if (notes === undefined) return [];
  const part = (title: string, lines: readonly string[]): string[] => (lines.length === 0 ? [] : [`${title}:`, ...lines.map((l) => `  ${l}`)]);
  return [...part('Read', notes.read), ...part('Guessed (override with --mapping or the options)', notes.guessed), ...part('Dropped', notes.dropped)];
}
