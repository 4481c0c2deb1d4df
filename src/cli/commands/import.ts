import { inputError } from '../../model/errors.js';
import { checkModelId, delimiterOf, importBinaryModel, importModel, importModelFolder, importers, thousandsOf, type ImporterKind, type ImportModelOptions, type ImportNotes, type TableReading } from '../../model/index.js';
import { countsTable } from '../../report/index.js';
import type { IoTable } from '../../model/import/index.js';
import { outputFormat } from './convert.js';
import { MAX_TEXT_MODEL_BYTES } from '../load-model.js';
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
  readonly decimal?: string;
  readonly thousands?: string;
  readonly separator?: string;
  readonly sheet?: string;
  /** sut: the supply table (instead of PATH) and the use table. */
  readonly supply?: string;
  readonly use?: string;
  /** sut, bea, gloria: A | B | C | D. */
  readonly model?: string;
  /** sut: report | almon. */
  readonly negatives?: string;
  /** eora26, gloria, oecd, figaro, wiod: year; bea: year, level; gloria: version, basic | purchaser. */
  readonly year?: string;
  /** wiod: the socio-economic accounts workbook. */
  readonly sea?: string;
  /** eora26: bp | pp. */
  readonly prices?: string;
  readonly level?: string;
  readonly version?: string;
  readonly markup?: string;
}

const SUT_MODELS = ['A', 'B', 'C', 'D'] as const;

/** Importers whose files have an encoding of their own, which --encoding cannot change: why. */
const FIXED_ENCODING: Partial<Record<string, string>> = {
  exiobase3: 'an EXIOBASE download is UTF-8 (its files are read as such)',
  wiod: 'WIOD publishes xlsx workbooks, which state their own encoding',
  bea: 'BEA publishes xlsx workbooks, which state their own encoding',
};

function isImporterKind(kind: string): kind is ImporterKind {
  return Object.hasOwn(importers, kind);
}

/** --decimal, --thousands, --separator and --sheet: how a table is read; each checked at its option, and refused for a folder. */
function tableReading(kind: ImporterKind, flags: ImportFlags): TableReading {
  const given = (['decimal', 'thousands', 'separator', 'sheet'] as const).filter((k) => flags[k] !== undefined);
  if (given.length > 0 && kind !== 'table') throw inputError('invalid-option', `--${given[0]} is for a table: a folder of a database states its layout`, { path: [`--${given[0]}`] }, flags[given[0]]);
  const out: { -readonly [K in keyof TableReading]: TableReading[K] } = {};
  if (flags.decimal !== undefined) {
    if (flags.decimal !== '.' && flags.decimal !== ',') throw inputError('invalid-option', '--decimal is "." or ","', { path: ['--decimal'] }, flags.decimal);
    out.decimal = flags.decimal;
  }
  if (flags.thousands !== undefined) {
    const thousands = thousandsOf(flags.thousands);
    if (thousands === undefined) throw inputError('invalid-option', `--thousands is ",", ".", "'", "space" or "none"`, { path: ['--thousands'] }, flags.thousands);
    out.thousands = thousands;
  }
  if (flags.separator !== undefined) {
    const delimiter = delimiterOf(flags.separator);
    if (delimiter === undefined) throw inputError('invalid-option', '--separator is ",", ";" or "tab"', { path: ['--separator'] }, flags.separator);
    out.delimiter = delimiter;
  }
  if (flags.sheet !== undefined) out.sheet = flags.sheet;
  return out;
}

/**
 * `plenty import KIND PATH -o MODEL` (table, pymrio, eora26, exiobase3 …): reads an input–output table and writes it as a
 * model file (YAML, JSON when MODEL ends in .json, the binary format when it ends in .parquet), documented in docs/import.md. Options are
 * checked first (an id the model format refuses, an unknown encoding, an output that cannot be
 * written or is an input); the model is checked as the loader checks it before it is written, to
 * a temporary file that is then renamed, so a failed import leaves nothing behind.
 */
export async function importCommand(kind: string, pathArgument: string | undefined, flags: ImportFlags): Promise<CommandOutput> {
  if (!isImporterKind(kind)) throw inputError('invalid-option', `the kind of import is one of ${Object.keys(importers).join(', ')} (docs/import.md)`, { path: ['kind'] }, kind);
  const sut = sutFlags(kind, pathArgument, flags);
  const path = sut.path;
  const priority = flags.priority === undefined ? 1 : Number(flags.priority);
  if (!Number.isInteger(priority) || priority < 1) throw inputError('invalid-option', '--priority must be a positive whole number', { path: ['--priority'] }, flags.priority);
  if (flags.region !== undefined) {
    checkModelId(flags.region, '--region', { path: ['--region'] });
  }
  if (flags.mapping !== undefined && kind !== 'table') throw inputError('invalid-option', `--mapping is for a table: ${kind === 'pymrio' ? 'a pymrio folder' : 'a database download'} states its layout`, { path: ['--mapping'] }, flags.mapping);
  const prices = flags.prices;
  if (prices !== undefined && prices !== 'bp' && prices !== 'pp') throw inputError('invalid-option', '--prices is bp (basic prices) or pp (purchasers’ prices)', { path: ['--prices'] }, prices);
  if (flags.year !== undefined && !/^\d{4}$/.test(flags.year)) throw inputError('invalid-option', '--year is a year of four digits', { path: ['--year'] }, flags.year);
  if (prices !== undefined && kind !== 'eora26') throw inputError('invalid-option', '--prices is for a download of several price bases (eora26)', { path: ['--prices'] }, prices);
  if (flags.sea !== undefined && kind !== 'wiod') throw inputError('invalid-option', '--sea is for wiod: the WIOD socio-economic accounts workbook', { path: ['--sea'] }, flags.sea);
  if (flags.unit !== undefined && flags.unit.trim() === '') throw inputError('invalid-option', '--unit must be non-empty text', { path: ['--unit'] }, flags.unit);
  if (flags.name !== undefined && flags.name.trim() === '') throw inputError('invalid-option', '--name must be non-empty text', { path: ['--name'] }, flags.name);
  const read = readOptions(flags);
  const reading = tableReading(kind, flags);
  const fixedEncoding = FIXED_ENCODING[kind];
  if (fixedEncoding !== undefined && read.encoding !== undefined && read.encoding !== 'utf-8') throw inputError('invalid-option', fixedEncoding, { path: ['--encoding'] }, flags.encoding);
  const rules: OutputRules = { option: '-o', inputs: [path, ...(flags.mapping === undefined ? [] : [flags.mapping]), ...(sut.use === undefined ? [] : [sut.use]), ...(flags.sea === undefined ? [] : [flags.sea])] };
  // -o MODEL/ (a path ending in a slash): the binary format's folder, as `plenty convert` writes it.
  const format = outputFormat(flags.output);
  const written = format === 'parquet-folder' ? flags.output.replace(/[\\/]+$/, '') : flags.output;
  await checkOutputPath(written, rules);

  const progress = createProgress(`importing ${path}`);
  progress.update(null, 'reading');
  const options: Omit<ImportModelOptions, 'format'> = {
    ...read,
    ...(flags.mapping !== undefined ? { mapping: flags.mapping } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
    ...(prices !== undefined ? { prices } : {}),
    ...(flags.sea !== undefined ? { sea: flags.sea } : {}),
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    ...(Object.keys(reading).length > 0 ? { tableReading: reading } : {}),
    ...(sut.use !== undefined ? { use: sut.use } : {}),
    ...(sut.model !== undefined ? { model: sut.model } : {}),
    ...(sut.negatives !== undefined ? { negatives: sut.negatives } : {}),
    ...gloriaFlags(kind, flags),
    priority,
    onProgress: (fraction, detail) => progress.update(fraction, `reading ${detail}`),
  };
  let imported: { table: Omit<IoTable, 'Z'>; name: string; products: number; resources: number; targets: number; what: string; tooBig: string[] };
  if (format === 'parquet-folder') {
    const { table, model } = await importModelFolder(kind, path, written, options);
    imported = { table, name: model.name, products: model.products.length, resources: model.resources.length, targets: model.targets.amount.length, what: ' (a model folder)', tooBig: [] };
  } else {
    // A binary model is written without a text on the way: a table too big for one (EXIOBASE with its satellite) imports.
    const made = format === 'parquet' ? await importBinaryModel(kind, path, options) : await importModel(kind, path, { ...options, format });
    progress.update(null, 'writing');
    await writeOutputFiles([{ path: flags.output, text: 'bytes' in made ? made.bytes : made.text }], rules);
    const { table, economy } = made;
    imported = { table, name: economy.name, products: economy.products.length, resources: economy.resources.length, targets: economy.targets.length, what: '', tooBig: 'text' in made ? tooBigNote(flags.output, made.text) : [] };
  }
  progress.done();
  const { table, name } = imported;
  const counts = { regions: table.regions.length, sectors: table.sectors.length, products: imported.products, resources: imported.resources, targets: imported.targets };
  return {
    header: [`Imported ${path} into ${flags.output}${imported.what}: “${name}” (flows in ${table.unit}).`, ...imported.tooBig, ...notesLines(table.notes, kind)],
    tables: [countsTable('import', 'What was imported', counts)],
    json: { source: path, kind, output: flags.output, name, unit: table.unit, counts, notes: table.notes ?? { read: [], guessed: [], dropped: [] } },
  };
}

/**
 * The supply–use options, checked: `sut` takes --supply and --use instead of PATH; --model is for
 * the kinds that make supply and use tables symmetric; --negatives for sut.
 */
function sutFlags(kind: ImporterKind, pathArgument: string | undefined, flags: ImportFlags): { path: string; use?: string; model?: (typeof SUT_MODELS)[number]; negatives?: 'report' | 'almon' } {
  const isSut = (kind as string) === 'sut';
  const isBea = (kind as string) === 'bea';
  if (!isSut && (flags.supply !== undefined || (flags.use !== undefined && !isBea))) throw inputError('invalid-option', '--supply and --use are for import sut (and --use for import bea)', { path: [flags.supply !== undefined ? '--supply' : '--use'] }, flags.supply ?? flags.use);
  if (flags.negatives !== undefined && !isSut) throw inputError('invalid-option', '--negatives is for import sut', { path: ['--negatives'] }, flags.negatives);
  if (flags.model !== undefined && !['sut', 'bea', 'gloria'].includes(kind)) throw inputError('invalid-option', '--model is for supply and use tables (sut, bea, gloria)', { path: ['--model'] }, flags.model);
  const model = flags.model?.toUpperCase();
  if (model !== undefined && !(SUT_MODELS as readonly string[]).includes(model)) throw inputError('invalid-option', '--model is A (product technology), B (industry technology), C (fixed industry sales structure) or D (fixed product sales structure)', { path: ['--model'] }, flags.model);
  if (flags.negatives !== undefined && flags.negatives !== 'report' && flags.negatives !== 'almon') throw inputError('invalid-option', '--negatives is report (refuse, listing each negative) or almon (Almon’s procedure)', { path: ['--negatives'] }, flags.negatives);
  const extra = { ...(model === undefined ? {} : { model: model as (typeof SUT_MODELS)[number] }), ...(flags.negatives === undefined ? {} : { negatives: flags.negatives as 'report' | 'almon' }) };
  if (!isSut) {
    if (pathArgument === undefined) throw inputError('invalid-option', `import ${kind} needs the path of what to import`, { path: ['path'] });
    return { path: pathArgument, ...(flags.use === undefined ? {} : { use: flags.use }), ...extra };
  }
  const supply = flags.supply ?? pathArgument;
  if (supply === undefined || flags.use === undefined) throw inputError('invalid-option', 'import sut needs the supply table and the use table: --supply FILE --use FILE', { path: [supply === undefined ? '--supply' : '--use'] });
  if (flags.supply !== undefined && pathArgument !== undefined) throw inputError('invalid-option', 'give the supply table once: as --supply FILE', { path: ['path'] }, pathArgument);
  return { path: supply, use: flags.use, ...extra };
}

/** --year, --version and --markup, checked: for gloria (--year also for eora26, bea and exiobase3, --level for bea). */
function gloriaFlags(kind: ImporterKind, flags: ImportFlags): { year?: string; version?: string; markup?: 'basic' | 'purchaser'; level?: 'summary' | 'detail' | 'sector' } {
  for (const [flag, value, kinds] of [['--year', flags.year, ['eora26', 'gloria', 'bea', 'oecd', 'figaro', 'wiod', 'exiobase3']], ['--version', flags.version, ['gloria']], ['--markup', flags.markup, ['gloria']], ['--level', flags.level, ['bea']]] as const) {
    if (value !== undefined && !(kinds as readonly string[]).includes(kind)) throw inputError('invalid-option', `${flag} is for import ${kinds.join(', ')}`, { path: [flag] }, value);
  }
  if (flags.level !== undefined && !['summary', 'detail', 'sector'].includes(flags.level)) throw inputError('invalid-option', '--level is summary, detail or sector', { path: ['--level'] }, flags.level);
  if (flags.markup !== undefined && flags.markup !== 'basic' && flags.markup !== 'purchaser') throw inputError('invalid-option', '--markup is basic (Markup001) or purchaser (Markup005)', { path: ['--markup'] }, flags.markup);
  return {
    ...(flags.year === undefined ? {} : { year: flags.year }),
    ...(flags.version === undefined ? {} : { version: flags.version }),
    ...(flags.markup === undefined ? {} : { markup: flags.markup as 'basic' | 'purchaser' }),
    ...(flags.level === undefined ? {} : { level: flags.level as 'summary' | 'detail' | 'sector' }),
  };
}

/** A line saying that a text model is above what the other commands read, and what to do. */
function tooBigNote(output: string, text: string): string[] {
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_TEXT_MODEL_BYTES) return [];
  return [`Note: the model is ${(bytes / 1e6).toFixed(1)} MB of text, above the ${MAX_TEXT_MODEL_BYTES / 1e6} MB the other commands read: import with -o MODEL.parquet, or run plenty convert ${output} -o MODEL.parquet (docs/binary-format.md).`];
}

/** The importer's notes as header lines: what it read, guessed and dropped. */
function notesLines(notes: ImportNotes | undefined, kind: ImporterKind): string[] {
  if (notes === undefined) return [];
  const part = (title: string, lines: readonly string[]): string[] => (lines.length === 0 ? [] : [`${title}:`, ...lines.map((l) => `  ${l}`)]);
  return [...part('Read', notes.read), ...part(kind === 'table' ? 'Guessed (override with --mapping or the options)' : 'Guessed (override with the options)', notes.guessed), ...part('Dropped', notes.dropped)];
}
