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
  readonly year?: string;
  readonly prices?: string;
}

function isImporterKind(kind: string): kind is ImporterKind {
  return Object.hasOwn(importers, kind);
}

/**
 * `plenty import KIND PATH -o MODEL` (table, pymrio, eora26, exiobase3 …): reads an input–output table and writes it as a
 * model file (YAML, or JSON when MODEL ends in .json), documented in docs/import.md. Options are
 * checked first (an id the model format refuses, an unknown encoding, an output that cannot be
 * written or is an input); the model is checked as the loader checks it before it is written, to
 * a temporary file that is then renamed, so a failed import leaves nothing behind.
 */
export async function importCommand(kind: string, path: string, flags: ImportFlags): Promise<CommandOutput> {
  if (!isImporterKind(kind)) throw inputError('invalid-option', `the kind of import is one of ${Object.keys(importers).join(', ')} (docs/import.md)`, { path: ['kind'] }, kind);
  const priority = flags.priority === undefined ? 1 : Number(flags.priority);
  if (!Number.isInteger(priority) || priority < 1) throw inputError('invalid-option', '--priority must be a positive whole number', { path: ['--priority'] }, flags.priority);
  if (flags.region !== undefined) {
    checkModelId(flags.region, '--region', { path: ['--region'] });
  }
  if (flags.mapping !== undefined && kind !== 'table') throw inputError('invalid-option', '--mapping is for a table: a multi-regional download states its layout', { path: ['--mapping'] }, flags.mapping);
  const prices = flags.prices;
  if (prices !== undefined && prices !== 'bp' && prices !== 'pp') throw inputError('invalid-option', '--prices is bp (basic prices) or pp (purchasers’ prices)', { path: ['--prices'] }, prices);
  if (flags.year !== undefined && !/^\d{4}$/.test(flags.year)) throw inputError('invalid-option', '--year is a year of four digits', { path: ['--year'] }, flags.year);
  if (prices !== undefined && kind !== 'eora26') throw inputError('invalid-option', '--prices is for a download of several price bases (eora26)', { path: ['--prices'] }, prices);
  if (flags.year !== undefined && kind !== 'eora26' && kind !== 'exiobase3') throw inputError('invalid-option', '--year is for a download of several years (eora26, exiobase3)', { path: ['--year'] }, flags.year);
  if (flags.unit !== undefined && flags.unit.trim() === '') throw inputError('invalid-option', '--unit must be non-empty text', { path: ['--unit'] }, flags.unit);
  if (flags.name !== undefined && flags.name.trim() === '') throw inputError('invalid-option', '--name must be non-empty text', { path: ['--name'] }, flags.name);
  const read = readOptions(flags);
  if (kind === 'exiobase3' && read.encoding !== undefined && read.encoding !== 'utf-8') throw inputError('invalid-option', 'an EXIOBASE download is UTF-8 (its files are read as such)', { path: ['--encoding'] }, flags.encoding);
  const rules: OutputRules = { option: '-o', inputs: flags.mapping === undefined ? [path] : [path, flags.mapping] };
  await checkOutputPath(flags.output, rules);

  const progress = createProgress(`importing ${path}`);
  progress.update(null, 'reading');
  const { table, economy, text } = await importModel(kind, path, {
    ...read,
    ...(flags.mapping !== undefined ? { mapping: flags.mapping } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
    ...(flags.year !== undefined ? { year: flags.year } : {}),
    ...(prices !== undefined ? { prices } : {}),
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    priority,
    format: /\.json$/i.test(flags.output) ? 'json' : 'yaml',
  });
  progress.update(null, 'writing');
  await writeOutputFiles([{ path: flags.output, text }], rules);
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
