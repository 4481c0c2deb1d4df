import { inputError } from '../../errors.js';
import { DEFAULT_FLOW_UNIT } from '../default-units.js';
import type { SourceFiles } from '../source-files.js';
import type { IoExtension, IoTable } from '../types.js';
import { flowsFromCoefficients, outputFromCoefficients, rowSumsOf } from './derive-flows.js';
import { readFileParameters, readJson, type FileParameters } from './file-parameters.js';
import { firstNegative } from './first-negative.js';
import { openExiobase3Download, yearInName, type Exiobase3Download } from './open-download.js';
import { checkProductRows, regionGrid, RegionCodes, type RegionGrid } from './product-grid.js';
import { missing, readExtension } from './read-extension.js';
import { readTsvMatrix } from './read-tsv-matrix.js';
import { readUnits } from './read-units.js';
import type { TsvMatrix, TsvMatrixLayout } from './tsv-matrix-parser.js';

export interface Exiobase3Options {
  /** Picks the download of this year in a folder that holds several. */
  readonly year?: number;
  /** Unit of the flows where the download states none (default "money"); a stated unit that differs is an InputError. */
  readonly unit?: string;
  /**
   * Read for a model, whose flows, outputs and resource uses are not negative: a negative entry of
   * Z, A or x is an InputError at its cell, and a stressor with a negative entry in F or F_Y is
   * split into its positive part and "… (negative part)" (named in the notes). Without it every
   * number is kept as published, as pymrio keeps it.
   */
  readonly forModel?: boolean;
}

/** Relative difference between x and rowsum(Z) + rowsum(Y) beyond which the import says so. */
export const IDENTITY_TOLERANCE = 1e-6;

/** The core files of the download's root, by pymrio's keys. */
interface CoreFiles {
  readonly params?: FileParameters;
  readonly Z?: string;
  readonly A?: string;
  readonly x?: string;
  readonly Y: string;
  readonly unit?: string;
  readonly population?: string;
  /** Files the parameters list that are not read (L, G, …). */
  readonly unread: readonly string[];
}

/**
 * Reads an EXIOBASE 3 download (pxp or ixi, versions 3.4 to 3.10, the zip or the folder, or one
 * year of a folder of several) into an IoTable with every extension and its units:
 *
 * - the core by its file_parameters.json (or, without one, by the usual names): Z, or A with x
 *   (Z = A diag(x)), or A alone (x = (I − A)⁻¹ rowsum(Y) first, as pymrio does for 3.4), Y, x,
 *   unit.txt (the flows' unit), population where the download gives it;
 * - every extension folder (satellite/ and impacts/ in 3.4–3.8, factor_inputs/, air_emissions/,
 *   … in 3.9 and later): F and F_Y (F_hh in 3.4) with their units (readExtension);
 * - region codes are EXIOBASE's 49; the three-letter codes of some 3.4 files are renamed to them;
 *   any other is an InputError at its header cell;
 * - the identity x = rowsum(Z) + rowsum(Y) is checked where x is given, and a difference beyond
 *   IDENTITY_TOLERANCE (relative) is reported in the notes with the worst product.
 *
 * Matrices are read from the byte stream (readTsvMatrix), never held as text. Notes say what was
 * read, derived and left out. Negative numbers are kept (the accounts are pymrio's) unless
 * `forModel` asks for what a model can hold.
 */
export async function readExiobase3(path: string, options: Exiobase3Options = {}): Promise<IoTable> {
  const download = await openExiobase3Download(path, options.year);
  try {
    return await readDownload(download, options);
  } finally {
    await download.source.close();
  }
}

async function readDownload(download: Exiobase3Download, options: Exiobase3Options): Promise<IoTable> {
  const { source, root } = download;
  const read: string[] = [];
  const dropped: string[] = [];
  const core = await coreFiles(source, root);
  const meta = await metadata(source, root);
  const year = yearInName(meta.name ?? '') ?? yearInName(meta.description ?? '') ?? yearInName(download.name);
  if (options.year !== undefined && year !== undefined && year !== options.year) {
    throw inputError('no-such-year', `this download is for ${year}, not the year asked for`, { file: download.label, path: ['--year'] }, options.year);
  }
  read.push(describe(download, meta, year, core));
  const codes = new RegionCodes();

  // Z (or A): the products.
  const flowsEntry = core.Z ?? core.A;
  if (flowsEntry === undefined) throw missing(core.params, 'Z', 'Z.txt (or A.txt)', source, root);
  const flows = await readTsvMatrix(source, flowsEntry, layoutOf(core.params, core.Z !== undefined ? 'Z' : 'A', 2, 2), 'columns');
  const products = regionGrid(flows, codes, 'sector');
  checkProductRows(flows, products, codes, flowsEntry);
  if (options.forModel === true) refuseNegative(flows, core.Z !== undefined ? 'a flow of Z' : 'a coefficient of A');
  const n = flows.rows;
  if (n === 0) throw inputError('empty-table', 'no products', { file: flows.file, row: 1, tableColumn: 1 });
  noteEmpty(flows, read);

  const Ym = await readTsvMatrix(source, core.Y, layoutOf(core.params, 'Y', 2, 2), n);
  const finalDemand = regionGrid(Ym, codes, 'category');
  if (finalDemand.regions.join() !== products.regions.join()) {
    const r = finalDemand.regions.findIndex((reg, k) => reg !== products.regions[k]);
    throw inputError('label-mismatch', `the final-demand regions must be Z's regions in Z's order (expected ${products.regions[r] ?? 'none'})`, { file: Ym.file, row: 1, tableColumn: Ym.layout.indexColumns + Math.max(0, r) * finalDemand.inner.length + 1 }, finalDemand.regions[r] ?? '');
  }
  checkProductRows(Ym, products, codes, flowsEntry);
  noteEmpty(Ym, read);
  read.push(`${core.Y}: Y, ${n} products × ${Ym.columns} final-demand columns (${finalDemand.inner.length} categories per region: ${finalDemand.inner.join('; ')})`);

  let xGiven: Float64Array | undefined;
  if (core.x !== undefined) {
    const xm = await readTsvMatrix(source, core.x, layoutOf(core.params, 'x', 2, 1), n);
    checkProductRows(xm, products, codes, flowsEntry);
    if (xm.columns !== 1) throw inputError('bad-shape', 'x must have one column of numbers', { file: xm.file, row: 1, tableColumn: xm.layout.indexColumns + 2 }, xm.columns);
    if (options.forModel === true) refuseNegative(xm, 'a gross output');
    xGiven = xm.values;
  }

  let Z: Float64Array;
  let x: Float64Array | undefined = xGiven;
  const shape = `${n} × ${n} (${products.regions.length} regions × ${products.inner.length} ${products.inner.length === 1 ? 'sector' : 'sectors'})`;
  if (core.Z !== undefined) {
    Z = flows.values;
    read.push(`${core.Z}: Z, ${shape}${core.A === undefined ? '' : '; A is not read (A = Z diag(1/x))'}`);
  } else if (xGiven !== undefined) {
    Z = flowsFromCoefficients(flows.values, xGiven);
    read.push(`${flowsEntry}: A, ${shape}; Z = A diag(x) with x from ${core.x ?? 'x.txt'}`);
  } else {
    const solved = outputFromCoefficients(flows.values, Ym.values, n, flows.file);
    x = solved.x;
    const negative = x.findIndex((v) => v < 0);
    if (options.forModel === true && negative >= 0) {
      throw inputError('negative', `the gross output solved from A and Y is negative for ${products.regions[Math.floor(negative / products.inner.length)]}/${products.inner[negative % products.inner.length]}, which a model has no place for`, { file: flows.file, row: flows.rowLines[negative], tableColumn: 1 }, x[negative]);
    }
    Z = flowsFromCoefficients(flows.values, x);
    read.push(`${flowsEntry}: A, ${shape}; the download gives neither Z nor x: x = (I − A)⁻¹ rowsum(Y) (relative residual ${solved.residual.toExponential(1)}), then Z = A diag(x), as pymrio does`);
  }
  if (xGiven !== undefined) read.push(identitySentence(Z, Ym.values, xGiven, products, core.x ?? 'x.txt'));

  const unit = await flowUnit(source, core, options, read);
  const population = core.population === undefined ? undefined : await readPopulation(source, core, products, codes, read);
  if (core.unread.length > 0) dropped.push(`${core.unread.join(', ')} not read (Plenty computes what it needs from Z and Y)`);

  const xOut = x ?? rowSumsOf(Z, Ym.values, n);
  const extensions: IoExtension[] = [];
  for (const dir of extensionDirs(source, root)) {
    const name = dir.slice(root.length, -1);
    const e = await readExtension({ source, products, finalDemand, codes, x: xOut, forModel: options.forModel === true }, dir, name);
    if (e === undefined) continue;
    read.push(...e.read);
    dropped.push(...e.dropped);
    extensions.push(e.extension);
  }
  if (codes.renamed.size > 0) {
    read.push(`region codes ${[...codes.renamed].map(([a, b]) => `${a} → ${b}`).join(', ')}: the three-letter codes of some EXIOBASE 3.4 files read as EXIOBASE's two-letter codes (as pymrio does)`);
  }

  return {
    name: meta.name ?? download.name.replace(/\.zip$/i, '').replace(/^.*\//, ''),
    unit,
    regions: products.regions,
    sectors: products.inner,
    Z,
    categories: finalDemand.inner,
    Y: Ym.values,
    ...(x === undefined ? {} : { x }),
    extensions,
    ...(population === undefined ? {} : { population }),
    notes: { read, guessed: [], dropped },
  };
}

/** The layout pymrio's parameters give a file, else the usual one. */
function layoutOf(params: FileParameters | undefined, key: string, indexColumns: number, headerRows: number): TsvMatrixLayout {
  const p = params?.files.get(key);
  return { indexColumns: p?.indexColumns ?? indexColumns, headerRows: p?.headerRows ?? headerRows };
}

/** The core files: by the root's file_parameters.json, or by their usual names. */
async function coreFiles(source: SourceFiles, root: string): Promise<CoreFiles> {
  const has = (name: string): boolean => source.entries.some((e) => e.name === `${root}${name}`);
  const paramsName = `${root}file_parameters.json`;
  const params = has('file_parameters.json') ? await readFileParameters(source, paramsName) : undefined;
  const pick = (key: string, usual: string): string | undefined => {
    if (params === undefined) return has(usual) ? `${root}${usual}` : undefined;
    const p = params.files.get(key);
    if (p === undefined) return undefined;
    if (!has(p.name)) throw missing(params, key, p.name, source, root);
    return `${root}${p.name}`;
  };
  const Y = pick('Y', 'Y.txt');
  if (Y === undefined) throw missing(params, 'Y', 'Y.txt', source, root);
  const known = new Set(['Z', 'A', 'x', 'Y', 'unit', 'population']);
  const unread = params === undefined ? [] : [...params.files.entries()].filter(([k]) => !known.has(k)).map(([, p]) => p.name);
  const optional = (key: 'Z' | 'A' | 'x' | 'unit' | 'population', usual: string): Partial<Record<typeof key, string>> => {
    const entry = pick(key, usual);
    return entry === undefined ? {} : { [key]: entry };
  };
  return {
    ...(params === undefined ? {} : { params }),
    Y,
    unread,
    ...optional('Z', 'Z.txt'),
    ...optional('A', 'A.txt'),
    ...optional('x', 'x.txt'),
    ...optional('unit', 'unit.txt'),
    ...optional('population', 'population.txt'),
  };
}

interface Metadata {
  readonly name?: string;
  readonly description?: string;
  readonly version?: string;
  readonly system?: string;
}

async function metadata(source: SourceFiles, root: string): Promise<Metadata> {
  const entry = `${root}metadata.json`;
  if (!source.entries.some((e) => e.name === entry)) return {};
  const raw = await readJson(source, entry);
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string> = {};
  for (const key of ['name', 'description', 'version', 'system'] as const) {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim() !== '') out[key] = v.trim();
  }
  return out;
}

/** The first sentence of the notes: which download, version, system and year, and its layout. */
function describe(download: Exiobase3Download, meta: Metadata, year: number | undefined, core: CoreFiles): string {
  const system = meta.system ?? /(pxp|ixi)/i.exec(download.name)?.[1]?.toLowerCase();
  const parts = [
    meta.version === undefined ? 'version not stated' : `version ${meta.version}`,
    system === undefined ? 'system not stated' : system === 'pxp' ? 'pxp (product by product)' : system === 'ixi' ? 'ixi (industry by industry)' : system,
    year === undefined ? 'year not stated' : String(year),
  ];
  const layout = core.Z !== undefined ? 'Z given' : core.x !== undefined ? 'A and x given' : 'A given, without x';
  return `EXIOBASE 3 download ${download.label}: ${parts.join(', ')}; ${layout}${core.params === undefined ? ', no file_parameters.json (files by their usual names)' : ''}`;
}

/** A negative cell of `m` is an InputError at it: a model has no negative flows or outputs. */
function refuseNegative(m: TsvMatrix, what: string): void {
  const at = firstNegative(m);
  if (at !== undefined) throw inputError('negative', `${what} is negative, which a model has no place for`, { file: at.file, row: at.row, tableColumn: at.tableColumn }, at.value);
}

function noteEmpty(m: TsvMatrix, read: string[]): void {
  if (m.emptyCells > 0 && m.firstEmpty !== undefined) read.push(`${m.file}: ${m.emptyCells} empty cell(s) read as 0 (the first at row ${m.firstEmpty.row}, column ${m.firstEmpty.tableColumn})`);
}

/** Whether x = rowsum(Z) + rowsum(Y) holds within IDENTITY_TOLERANCE, as a sentence. */
function identitySentence(Z: Float64Array, Y: Float64Array, x: Float64Array, grid: RegionGrid, file: string): string {
  const n = x.length;
  const sums = rowSumsOf(Z, Y, n);
  let worst = -1;
  let worstDiff = 0;
  let beyond = 0;
  for (let i = 0; i < n; i++) {
    const scale = Math.max(Math.abs(x[i]), Math.abs(sums[i]));
    const diff = scale === 0 ? 0 : Math.abs(x[i] - sums[i]) / scale;
    if (diff > IDENTITY_TOLERANCE) beyond++;
    if (diff > worstDiff) {
      worstDiff = diff;
      worst = i;
    }
  }
  const product = (i: number): string => `${grid.regions[Math.floor(i / grid.inner.length)]}/${grid.inner[i % grid.inner.length]}`;
  if (beyond === 0) return `x = rowsum(Z) + rowsum(Y) holds within ${IDENTITY_TOLERANCE} (relative) for every product${worst >= 0 ? ` (largest difference ${worstDiff.toExponential(1)}, ${product(worst)})` : ''}`;
  return `x (${file}) differs from rowsum(Z) + rowsum(Y) by more than ${IDENTITY_TOLERANCE} (relative) for ${beyond} of ${n} products, most for ${product(worst)} (x = ${x[worst]}, row sums ${sums[worst]}); x is used as given`;
}

/** The unit of the flows: unit.txt's one unit, else --unit, else "money". */
async function flowUnit(source: SourceFiles, core: CoreFiles, options: Exiobase3Options, read: string[]): Promise<string> {
  if (core.unit === undefined) {
    const unit = options.unit ?? DEFAULT_FLOW_UNIT;
    read.push(`no unit.txt: flows in "${unit}"${options.unit === undefined ? ' (give --unit)' : ''}`);
    return unit;
  }
  const table = await readUnits(source, core.unit);
  if (table.distinct.length > 1) throw inputError('mixed-units', `the flows are in more than one unit (${table.distinct.join(', ')})`, { file: table.file, row: 2, tableColumn: table.labelColumns + 1 }, table.distinct);
  const stated = table.distinct[0];
  if (stated !== undefined && options.unit !== undefined && options.unit !== stated) {
    throw inputError('unit-mismatch', `the download states the flows' unit as ${JSON.stringify(stated)}, not the unit given`, { file: table.file, row: 2, tableColumn: table.labelColumns + 1 }, options.unit);
  }
  const unit = stated ?? options.unit ?? DEFAULT_FLOW_UNIT;
  read.push(`${core.unit}: flows in ${unit}`);
  return unit;
}

/** population.txt: one row of numbers, a column per region (any order, every region once). */
async function readPopulation(source: SourceFiles, core: CoreFiles, grid: RegionGrid, codes: RegionCodes, read: string[]): Promise<Float64Array> {
  const entry = core.population ?? 'population.txt';
  const m = await readTsvMatrix(source, entry, layoutOf(core.params, 'population', 1, 1));
  const level = m.layout.headerRows - 1;
  if (m.rows !== 1 || level < 0) throw inputError('bad-shape', `population needs one header row of regions and one row of numbers, not ${m.rows} rows`, { file: m.file, row: m.rows > 1 ? m.rowLines[1] : 1, tableColumn: 1 }, m.rows);
  const out = new Float64Array(grid.regions.length).fill(Number.NaN);
  const at = new Map(grid.regions.map((r, k) => [r, k]));
  for (let j = 0; j < m.columns; j++) {
    const where = { file: m.file, row: level + 1, tableColumn: m.layout.indexColumns + j + 1 };
    const k = at.get(codes.code(m.columnLabels[level][j], where));
    if (k === undefined || !Number.isNaN(out[k])) throw inputError(k === undefined ? 'unknown-region' : 'duplicate-label', k === undefined ? 'not a region of Z' : 'the region appears twice', where, m.columnLabels[level][j]);
    if (m.values[j] < 0) throw inputError('negative', 'a population is not negative', { file: m.file, row: m.rowLines[0], tableColumn: m.layout.indexColumns + j + 1 }, m.values[j]);
    out[k] = m.values[j];
  }
  const lacking = grid.regions.findIndex((_, k) => Number.isNaN(out[k]));
  if (lacking >= 0) throw inputError('missing-region', 'population lacks a region of Z', { file: m.file, row: level + 1, tableColumn: m.layout.indexColumns + m.columns + 1 }, grid.regions[lacking]);
  read.push(`${entry}: population of the ${grid.regions.length} regions`);
  return out;
}

/** The extension folders: sub-folders of the root with a file_parameters.json of an Extension, or (without) an F.txt. */
function extensionDirs(source: SourceFiles, root: string): string[] {
  const dirs = new Set<string>();
  for (const e of source.entries) {
    if (!e.name.startsWith(root)) continue;
    const rest = e.name.slice(root.length);
    const m = /^([^/]+)\/(file_parameters\.json|F\.txt|S\.txt)$/.exec(rest);
    if (m !== null) dirs.add(`${root}${m[1]}/`);
  }
  return [...dirs].sort();
}

