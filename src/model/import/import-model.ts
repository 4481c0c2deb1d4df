import type { Economy } from '../types.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { readEora26 } from './eora26/read-eora26.js';
import { readExiobase3 } from './exiobase3/read-exiobase3.js';
import { readPymrioFolder } from './import-pymrio.js';
import { readSymmetricTable } from './import-symmetric-table.js';
import { importedModelBytes, importedModelText } from './imported-model-text.js';
import { ioTableToEconomy, type IoTableToEconomyOptions } from './io-table-to-economy.js';
import { singleRegionTable } from './single-region-table.js';
import type { TableReading } from './table-mapping.js';
import type { IoTable, SparseIoTable } from './types.js';
import { readSupplyUseTables } from './sut/import-sut.js';
import { readGloria, readGloriaSparse, type GloriaOptions } from './gloria/import-gloria.js';
import { economyFolderParts } from '../binary/index.js';
import { writeCheckedModelFolder } from '../checked-model-file.js';
import { sparseTableToModelFolder } from './sparse-table-model.js';
import type { ColumnarEconomy } from '../types.js';
import { readBea } from './bea/import-bea.js';
import type { BeaLevel } from './bea/bea-files.js';
import type { SutModel } from '../sut/index.js';
import { splitSignedStressors } from './mrio/split-signed-stressors.js';
import { readOecdIcio } from './oecd/read-oecd-icio.js';
import { readFigaro } from './figaro/read-figaro.js';
import { readWiod } from './wiod/read-wiod.js';

/** What an importer is told besides the path (each reads what applies to it). */
export interface ImporterOptions extends ReadInputOptions {
  /** Table: a mapping file of rows and columns. */
  readonly mapping?: string;
  /**
   * The region: a single-region table's id for its one region (default `domestic`); of a
   * multi-regional table, the region whose own table is imported (importModel: singleRegionTable).
   */
  readonly region?: string;
  /** Unit of the flows (table: overrides the mapping's; pymrio: where the folder states none). */
  readonly unit?: string;
  /** Table: how its text and sheets are read (decimal mark, thousands separator, field separator, sheet of a workbook). */
  readonly tableReading?: TableReading;
  /** eora26: basic (`bp`) or purchasers' (`pp`) prices. */
  readonly prices?: 'bp' | 'pp';
  /** sut: the use table (the path imported is the supply table); bea: the use workbook, where it is not beside the make workbook. */
  readonly use?: string;
  /** sut, bea, gloria: the model that makes supply and use tables symmetric (Eurostat's A, B, C, D). */
  readonly model?: SutModel;
  /** sut: model A's negatives: refused with each one located ('report', the default) or resolved by Almon's procedure. */
  readonly negatives?: 'report' | 'almon';
  /** eora26, gloria, bea, oecd, figaro, wiod, exiobase3: which year (four digits) (bea: the workbook's sheet; exiobase3: of a folder of downloads); gloria: which version of a folder that holds several, which prices (Markup001 basic, Markup005 purchaser). */
  readonly year?: string;
  readonly version?: string;
  readonly markup?: 'basic' | 'purchaser';
  /** bea: summary, detail or sector, where the path is a folder or zip holding several. */
  readonly level?: BeaLevel;
  /** wiod: the socio-economic accounts workbook (WIOD SEA), when not found beside the tables. */
  readonly sea?: string;
  /** gloria: called as its big files are read (the share of the file's bytes, and the file). */
  readonly onProgress?: (fraction: number, detail: string) => void;
}

/** The options readGloria and readGloriaSparse take, from an importer's. */
function gloriaOptions(o: ImporterOptions): GloriaOptions {
  return {
    ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
    ...(o.year === undefined ? {} : { year: o.year }),
    ...(o.version === undefined ? {} : { version: o.version }),
    ...(o.markup === undefined ? {} : { markup: o.markup }),
    ...(o.model === undefined ? {} : { model: o.model }),
    ...(o.onProgress === undefined ? {} : { onProgress: o.onProgress }),
  };
}

/** The options an importer of a database download (oecd, figaro, wiod) reads. */
function downloadOptions(o: ImporterOptions): { year?: number; unit?: string; encoding?: string } {
  return { ...(o.year === undefined ? {} : { year: Number(o.year) }), ...(o.unit === undefined ? {} : { unit: o.unit }), ...(o.encoding === undefined ? {} : { encoding: o.encoding }) };
}

/** Reads a table (a file or a folder) into an IoTable. */
export type Importer = (path: string, options: ImporterOptions) => Promise<IoTable>;

/** Every importer, by the kind `plenty import KIND` names. A new importer is added here. */
export const importers = {
  table: (path, o) =>
    readSymmetricTable(path, {
      ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      ...(o.mapping === undefined ? {} : { mapping: o.mapping }),
      ...(o.region === undefined ? {} : { region: o.region }),
      ...(o.unit === undefined ? {} : { unit: o.unit }),
      ...o.tableReading,
    }),
  pymrio: (path, o) => readPymrioFolder(path, { ...(o.encoding === undefined ? {} : { encoding: o.encoding }), ...(o.unit === undefined ? {} : { unit: o.unit }) }),
  eora26: (path, o) =>
    readEora26(path, {
      ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      ...(o.unit === undefined ? {} : { unit: o.unit }),
      ...(o.year === undefined ? {} : { year: o.year }),
      ...(o.prices === undefined ? {} : { prices: o.prices }),
    }),
  exiobase3: (path, o) => readExiobase3(path, { forModel: true, ...(o.unit === undefined ? {} : { unit: o.unit }), ...(o.year === undefined ? {} : { year: Number(o.year) }) }),
  sut: (path, o) =>
    readSupplyUseTables(path, {
      ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      ...(o.use === undefined ? {} : { use: o.use }),
      ...(o.model === undefined ? {} : { model: o.model }),
      ...(o.negatives === undefined ? {} : { negatives: o.negatives }),
      ...(o.region === undefined ? {} : { region: o.region }),
      ...(o.unit === undefined ? {} : { unit: o.unit }),
    }),
  gloria: (path, o) => readGloria(path, gloriaOptions(o)),
  bea: (path, o) =>
    readBea(path, {
      ...(o.use === undefined ? {} : { use: o.use }),
      ...(o.year === undefined ? {} : { year: o.year }),
      ...(o.level === undefined ? {} : { level: o.level }),
      ...(o.model === undefined ? {} : { model: o.model }),
      ...(o.region === undefined ? {} : { region: o.region }),
      ...(o.unit === undefined ? {} : { unit: o.unit }),
    }),
  oecd: async (path, o) => splitSignedStressors(await readOecdIcio(path, downloadOptions(o))),
  figaro: async (path, o) => splitSignedStressors(await readFigaro(path, downloadOptions(o))),
  // --region (a national table's name, or the one region cut out of the world table) is importModel's.
  wiod: async (path, o) => splitSignedStressors(await readWiod(path, { ...downloadOptions(o), ...(o.sea === undefined ? {} : { sea: o.sea }) })),
} as const satisfies Record<string, Importer>;

export type ImporterKind = keyof typeof importers;

export interface ImportModelOptions extends ImporterOptions, IoTableToEconomyOptions {
  /** Format of the model text; default YAML. */
  readonly format?: 'yaml' | 'json';
}

/** An imported model: the table read, the economy made of it, and its file text. */
export interface ImportedModel {
  readonly table: IoTable;
  readonly economy: Economy;
  readonly text: string;
}

/** An imported model in the binary format: the table read, the economy made of it, and the bytes of its file. */
export interface ImportedBinaryModel {
  readonly table: IoTable;
  readonly economy: Economy;
  readonly bytes: Uint8Array;
}

/**
 * Imports a table as a model: reads it with the importer of `kind`, turns it into an economy
 * (ioTableToEconomy) and writes its text, checked as the loader checks a model file
 * (importedModelText). Every importer goes through here, so what any importer writes loads, and
 * every importer takes `region`: a multi-regional table becomes that region's own table
 * (singleRegionTable), a single-region table's one region is named by it.
 */
export async function importModel(kind: ImporterKind, path: string, options: ImportModelOptions = {}): Promise<ImportedModel> {
  const { table, economy } = await importEconomy(kind, path, options);
  return { table, economy, text: importedModelText(economy, options.format ?? 'yaml', path) };
}

/**
 * Imports a table as a model in the binary format (docs/binary-format.md), as importModel does for
 * text: the file's bytes are checked as the loader reads them (importedModelBytes). No text is made
 * on the way, so that a table too big for a model text (a whole EXIOBASE with its satellite
 * accounts: some 10⁷ coefficients) imports.
 */
export async function importBinaryModel(kind: ImporterKind, path: string, options: Omit<ImportModelOptions, 'format'> = {}): Promise<ImportedBinaryModel> {
  const { table, economy } = await importEconomy(kind, path, options);
  return { table, economy, bytes: await importedModelBytes(economy, path) };
}

/** An imported model written as a model folder: the table read (without its flows), and the model as read back from the folder. */
export interface ImportedModelFolder {
  readonly table: Omit<IoTable, 'Z'>;
  readonly model: ColumnarEconomy;
}

/**
 * Imports a table as a model folder at `dir` (the binary format's version 2, docs/binary-format.md),
 * checked as the loader reads it before it is renamed into place (writeCheckedModelFolder). GLORIA
 * (without `region`) is read sparse and written without a record per coefficient or target
 * (readGloriaSparse, sparseTableToModelFolder): its whole database, 19,680 products, imports this
 * way. Every other table goes through ioTableToEconomy, as importModel.
 */
export async function importModelFolder(kind: ImporterKind, path: string, dir: string, options: Omit<ImportModelOptions, 'format'> = {}): Promise<ImportedModelFolder> {
  const economyOptions = { ...(options.priority === undefined ? {} : { priority: options.priority }), ...(options.name === undefined ? {} : { name: options.name }) };
  if (kind === 'gloria' && options.region === undefined) {
    const sparse = await readGloriaSparse(path, gloriaOptions(options));
    const parts = sparseTableToModelFolder(sparse, economyOptions);
    return { table: withoutFlows(sparse), model: await writeCheckedModelFolder(parts, dir, path, IMPORT_REFUSAL) };
  }
  const { table, economy } = await importEconomy(kind, path, options);
  return { table, model: await writeCheckedModelFolder(economyFolderParts(economy), dir, path, IMPORT_REFUSAL) };
}

/** A sparse table's all but its flows (what is reported of an import). */
function withoutFlows(t: SparseIoTable): Omit<IoTable, 'Z'> {
  const rest: { -readonly [K in keyof SparseIoTable]?: SparseIoTable[K] } = { ...t };
  delete rest.zByColumn;
  return rest as Omit<IoTable, 'Z'>;
}

const IMPORT_REFUSAL = 'the model imported from it would not load';

async function importEconomy(kind: ImporterKind, path: string, options: ImportModelOptions): Promise<{ table: IoTable; economy: Economy }> {
  // GLORIA's one region is cut out of the table read sparse: so it is at any size (the whole database's dense table is not made).
  const table = kind === 'gloria' && options.region !== undefined ? singleRegionTable(await readGloriaSparse(path, gloriaOptions(options)), options.region, path) : regionOf(await importers[kind](path, options), options.region, path);
  const economy = ioTableToEconomy(table, {
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    ...(options.name === undefined ? {} : { name: options.name }),
  });
  return { table, economy };
}

/** `table` as `--region` asks: the region's own table of a multi-regional one; a single region named `region`. */
function regionOf(table: IoTable, region: string | undefined, path: string): IoTable {
  if (region === undefined) return table;
  if (table.regions.length > 1) return singleRegionTable(table, region, path);
  return table.regions[0] === region ? table : { ...table, regions: [region] };
}
