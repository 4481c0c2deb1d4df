import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError, inputError } from '../errors.js';
import { readDocument } from '../parse-document.js';
import { dataColumnNumber, parseLabelledMatrix, type LabelledMatrix, type LabelledMatrixLayout } from './labelled-matrix.js';
import { parseDelimited, readTextFile } from './read-delimited.js';
import type { IoExtension, IoTable } from './types.js';
import { DEFAULT_FLOW_UNIT, DEFAULT_STRESSOR_UNIT } from './default-units.js';
import { checkModelId } from './model-id.js';
import type { ReadInputOptions } from '../read-input-file.js';

export interface PymrioOptions extends ReadInputOptions {
  /** Unit of the flows when the folder states none; default "money". A stated unit that differs is an InputError. */
  readonly unit?: string;
}

/** Reads one of the folder's text files (in the encoding the import was given). */
type ReadText = (file: string) => Promise<string>;

/**
 * Reads a pymrio IO system saved as text: either the layout of pymrio's test system
 * (`trade_flows_Z.txt`, `finald_demand_Y.txt`, one file per extension such as `emissions.txt`
 * with `FDemissions.txt` as its final-demand part, `factor_input.txt`, `population.txt`,
 * `metadata.json`) or the layout of pymrio's `save_all` (`file_parameters.json`, `Z.txt`,
 * `Y.txt`, `unit.txt`, optionally `x.txt` and `population.txt`, one sub-folder per extension with
 * its own `file_parameters.json`, `F.txt`, `F_Y.txt` and `unit.txt`).
 *
 * Files are tab-separated with two header rows (region, then sector or category) and leading label
 * columns; regions, sectors and categories keep the order of the files. Z's row and column labels
 * must agree, Y's rows must be Z's rows, every extension's columns Z's columns (and its F_Y columns
 * Y's); any disagreement is an InputError naming file, row, column and value. File names are
 * matched without regard to case. The `factor_input` extension of the test system is named
 * `factor_inputs`, as pymrio names it.
 *
 * What the model format has no place for is an InputError at its cell: a negative number in Z, x,
 * an extension's F or F_Y, or population (negative final demand is kept: it becomes plan imports),
 * and a region, sector, stressor or extension name that cannot be an id (an id has no "@"). Flows
 * without a stated unit are in `options.unit` (default "money"); stressors without one in
 * "unspecified".
 */
export async function readPymrioFolder(path: string, options: PymrioOptions = {}): Promise<IoTable> {
  const read: ReadText = (file) => readTextFile(file, options);
  const folder = await listFolder(path);
  const params = folder.has('file_parameters.json') ? await readParameters(read, join(path, folder.get('file_parameters.json') ?? '')) : undefined;

  const zFile = pick(folder, params?.files.Z?.name, ['Z.txt', 'trade_flows_Z.txt']);
  if (zFile === undefined) {
    throw inputError('missing-file', 'the folder has no Z table (Z.txt or trade_flows_Z.txt)', { file: join(path, params?.files.Z?.name ?? 'Z.txt') });
  }
  const yFile = pick(folder, params?.files.Y?.name, ['Y.txt', 'finald_demand_Y.txt', 'final_demand_Y.txt']);
  if (yFile === undefined) {
    throw inputError('missing-file', 'the folder has no Y table (Y.txt or finald_demand_Y.txt)', { file: join(path, params?.files.Y?.name ?? 'Y.txt') });
  }

  const Z = await readMatrix(read, join(path, zFile), layoutOf(params, 'Z'));
  const grid = productGrid(Z);
  checkSquare(Z, grid);
  checkNonNegative(Z, 'intermediate flow');
  const n = grid.keys.length;

  const Ym = await readMatrix(read, join(path, yFile), layoutOf(params, 'Y'));
  checkRowsMatch(Ym, Z);
  const yGrid = categoryGrid(Ym, grid.regions);

  // Units of the flows: a unit label column (old layout) or unit.txt (save_all layout).
  const units = new Set<string>();
  const unitCol = unitColumn(Z, 2);
  if (unitCol >= 0) for (const lab of Z.rowLabels) units.add(lab[unitCol]);
  const unitFile = pick(folder, params?.files.unit?.name, params === undefined ? [] : ['unit.txt']);
  if (unitFile !== undefined) for (const u of (await readUnits(read, join(path, unitFile))).values()) units.add(u);
  units.delete('');
  if (units.size > 1) {
    throw inputError('mixed-units', 'the flows are in more than one unit', { file: join(path, unitFile ?? zFile) }, [...units]);
  }
  const stated = units.size === 1 ? [...units][0] : undefined;
  if (stated !== undefined && options.unit !== undefined && options.unit !== stated) {
    throw inputError('unit-mismatch', `the folder states the unit of the flows as ${JSON.stringify(stated)}, not the unit given`, { file: join(path, unitFile ?? zFile), path: ['unit'] }, options.unit);
  }
  const unit = stated ?? options.unit ?? DEFAULT_FLOW_UNIT;

  let x: Float64Array | undefined;
  const xFile = params === undefined ? undefined : pick(folder, params.files.x?.name, ['x.txt']);
  if (xFile !== undefined) {
    const xm = await readMatrix(read, join(path, xFile), layoutOf(params, 'x'));
    checkRowsMatch(xm, Z);
    if (xm.columns !== 1) {
      throw inputError('bad-shape', 'x must have one column', { file: xm.file, row: 1, tableColumn: dataColumnNumber(xm, 1) }, xm.columns);
    }
    checkNonNegative(xm, 'output');
    x = xm.values;
  }

  const extensions: IoExtension[] = [];
  if (params === undefined) {
    const claimed = new Set([zFile, yFile].map((f) => f.toLowerCase()));
    const known = new Set(['population.txt', 'x.txt', 'a.txt', 'l.txt', 'unit.txt', 'readme.txt']);
    const fdFiles = new Map<string, string>();
    const fFiles: string[] = [];
    for (const [lower, name] of folder) {
      if (!lower.endsWith('.txt') || claimed.has(lower) || known.has(lower)) continue;
      if (lower.startsWith('fd')) fdFiles.set(lower.slice(2), name);
      else fFiles.push(name);
    }
    for (const [stemTxt, name] of fdFiles) {
      if (!fFiles.some((f) => f.toLowerCase() === stemTxt)) {
        throw inputError('orphan-file', `final-demand extension file has no extension file ${stemTxt}`, { file: join(path, name) });
      }
    }
    for (const fName of fFiles) {
      const stem = fName.slice(0, -4);
      const id = stem.toLowerCase() === 'factor_input' ? 'factor_inputs' : stem;
      const fdName = fdFiles.get(fName.toLowerCase());
      extensions.push(await readExtension(read, id, join(path, fName), fdName === undefined ? undefined : join(path, fdName), undefined, {}, {}, Z, Ym));
    }
  } else {
    for (const [, name] of folder) {
      const sub = join(path, name);
      const subList = await listFolder(sub, true);
      if (subList === undefined || !subList.has('file_parameters.json')) continue;
      const p = await readParameters(read, join(sub, subList.get('file_parameters.json') ?? ''));
      if (p.systemtype !== undefined && p.systemtype !== 'Extension') continue;
      const f = pick(subList, p.files.F?.name, ['F.txt']);
      if (f === undefined) throw inputError('missing-file', 'the extension folder has no F table (F.txt)', { file: join(sub, 'F.txt') });
      const fyKey = p.files.F_Y !== undefined ? 'F_Y' : 'F_hh';
      const fy = pick(subList, p.files[fyKey]?.name, ['F_Y.txt', 'F_hh.txt']);
      const u = pick(subList, p.files.unit?.name, ['unit.txt']);
      extensions.push(
        await readExtension(read, name, join(sub, f), fy === undefined ? undefined : join(sub, fy), u === undefined ? undefined : join(sub, u), layoutOf(p, 'F'), layoutOf(p, fyKey), Z, Ym),
      );
    }
  }

  let population: Float64Array | undefined;
  const popFile = pick(folder, params?.files.population?.name, ['population.txt']);
  if (popFile !== undefined) population = await readPopulation(read, join(path, popFile), grid.regions, layoutOf(params, 'population'));

  let name = basename(path);
  const metaFile = folder.get('metadata.json');
  if (metaFile !== undefined) {
    const meta = parseJson(await read(join(path, metaFile)), join(path, metaFile));
    if (isRecord(meta) && typeof meta.name === 'string' && meta.name !== '') name = meta.name;
  }

  const table: IoTable = {
    name,
    unit,
    regions: grid.regions,
    sectors: grid.sectors,
    Z: Z.values,
    categories: yGrid,
    Y: Ym.values,
    extensions,
    ...(x === undefined ? {} : { x }),
    ...(population === undefined ? {} : { population }),
  };
  if (n === 0) throw inputError('empty-table', 'Z has no products', { file: Z.file });
  return table;
}

interface FileParameters {
  readonly files: Readonly<Record<string, { readonly name?: string; readonly nr_index_col?: number; readonly nr_header?: number } | undefined>>;
  readonly systemtype?: string;
}

/** Lower-case name → actual name of the entries of a folder; a missing folder is an InputError. */
async function listFolder(path: string, quiet: true): Promise<Map<string, string> | undefined>;
async function listFolder(path: string): Promise<Map<string, string>>;
async function listFolder(path: string, quiet = false): Promise<Map<string, string> | undefined> {
  try {
    const names = await readdir(path);
    const m = new Map<string, string>();
    for (const nm of names.sort()) m.set(nm.toLowerCase(), nm);
    return m;
  } catch (err) {
    if (quiet) return undefined;
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(code === 'ENOENT' ? 'missing-file' : 'unreadable-file', code === 'ENOENT' ? 'folder not found' : 'not a readable folder', { file: path });
  }
}

function pick(folder: ReadonlyMap<string, string>, given: string | undefined, names: readonly string[]): string | undefined {
  for (const nm of given === undefined ? names : [given]) {
    const hit = folder.get(nm.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON file of the folder (strict JSON, nesting within MAX_NESTING_DEPTH): located errors. */
function parseJson(text: string, file: string): unknown {
  const { data, issues } = readDocument(text, file, 'json');
  if (issues.length > 0) throw new InputError(issues);
  return data;
}

async function readParameters(read: ReadText, file: string): Promise<FileParameters> {
  const raw = parseJson(await read(file), file);
  if (!isRecord(raw) || !isRecord(raw.files)) throw inputError('bad-parameters', 'file parameters need a "files" object', { file, path: ['files'] });
  const files: Record<string, { name?: string; nr_index_col?: number; nr_header?: number }> = {};
  for (const [key, v] of Object.entries(raw.files)) {
    if (!isRecord(v)) continue;
    const entry: { name?: string; nr_index_col?: number; nr_header?: number } = {};
    if (typeof v.name === 'string') entry.name = v.name;
    for (const field of ['nr_index_col', 'nr_header'] as const) {
      const num = Number(v[field]);
      if (v[field] !== undefined) {
        if (!Number.isInteger(num) || num < 0) throw inputError('bad-parameters', 'must be a whole number', { file, path: ['files', key, field] }, v[field]);
        entry[field] = num;
      }
    }
    files[key] = entry;
  }
  return typeof raw.systemtype === 'string' ? { files, systemtype: raw.systemtype } : { files };
}

function layoutOf(params: FileParameters | undefined, key: string): LabelledMatrixLayout {
  const f = params?.files[key];
  const layout: { indexColumns?: number; headerRows?: number } = {};
  if (f?.nr_index_col !== undefined) layout.indexColumns = f.nr_index_col;
  if (f?.nr_header !== undefined) layout.headerRows = f.nr_header;
  return layout;
}

async function readMatrix(read: ReadText, file: string, layout: LabelledMatrixLayout): Promise<LabelledMatrix> {
  return parseLabelledMatrix(parseDelimited(await read(file), file, { delimiter: '\t' }), layout);
}

interface ProductGrid {
  readonly regions: string[];
  readonly sectors: string[];
  /** "region\u0000sector" per product, region-major. */
  readonly keys: string[];
}

/** Regions and sectors from Z's two header rows; the columns must run region-major over one sector list. */
function productGrid(Z: LabelledMatrix): ProductGrid {
  if (Z.headerRows < 2) {
    throw inputError('bad-header', 'Z needs two header rows (region, sector)', { file: Z.file, row: 1, tableColumn: Z.indexColumns + 1 });
  }
  if (Z.indexColumns < 2) {
    throw inputError('bad-header', 'Z needs two label columns (region, sector)', { file: Z.file, row: Z.headerRows + 1, tableColumn: 1 });
  }
  const { regions, inner: sectors } = regionMajor(Z, 'sector');
  for (let j = 0; j < Z.columns; j++) {
    checkModelId(Z.columnLabels[j][0], 'a region label', { file: Z.file, row: 1, tableColumn: dataColumnNumber(Z, j) });
    checkModelId(Z.columnLabels[j][1], 'a sector label', { file: Z.file, row: 2, tableColumn: dataColumnNumber(Z, j) });
  }
  const keys: string[] = [];
  for (const r of regions) for (const s of sectors) keys.push(`${r}\u0000${s}`);
  return { regions, sectors, keys };
}

/** Splits region-major two-level column labels into regions and the inner level, checking the grid. */
function regionMajor(m: LabelledMatrix, innerName: string): { regions: string[]; inner: string[] } {
  const regions: string[] = [];
  const inner: string[] = [];
  const seenInner = new Set<string>();
  for (let j = 0; j < m.columns; j++) {
    const lab = m.columnLabels[j];
    for (let level = 0; level < 2; level++) {
      if (lab[level] === '') {
        throw inputError('missing-label', `empty ${level === 0 ? 'region' : innerName} label`, { file: m.file, row: level + 1, tableColumn: dataColumnNumber(m, j) }, '');
      }
    }
    if (regions[regions.length - 1] !== lab[0]) {
      if (regions.includes(lab[0])) {
        throw inputError('duplicate-label', 'region appears in two separate blocks of columns', { file: m.file, row: 1, tableColumn: dataColumnNumber(m, j) }, lab[0]);
      }
      regions.push(lab[0]);
    }
    if (regions.length === 1) {
      if (seenInner.has(lab[1])) {
        throw inputError('duplicate-label', `${innerName} appears twice in region ${JSON.stringify(lab[0])}`, { file: m.file, row: 2, tableColumn: dataColumnNumber(m, j) }, lab[1]);
      }
      seenInner.add(lab[1]);
      inner.push(lab[1]);
    }
  }
  const k = inner.length;
  for (let j = k; j < m.columns; j++) {
    const lab = m.columnLabels[j];
    const want = inner[j % k];
    if (lab[1] !== want || lab[0] !== regions[Math.floor(j / k)]) {
      throw inputError(
        'bad-grid',
        `expected ${innerName} ${JSON.stringify(want)}: every region must list the ${k} ${innerName}s of the first region in the same order`,
        { file: m.file, row: 2, tableColumn: dataColumnNumber(m, j) },
        lab[1],
      );
    }
  }
  return { regions, inner };
}

/**
 * A model has no negative flows, outputs, resource uses or populations (only final demand may be
 * negative: it becomes plan imports): the first negative number is an InputError at its cell.
 */
function checkNonNegative(m: LabelledMatrix, what: string): void {
  const k = m.values.findIndex((v) => v < 0);
  if (k < 0) return;
  const i = Math.floor(k / m.columns);
  const j = k % m.columns;
  throw inputError('negative', `${what} is negative, which the model format has no place for`, { file: m.file, row: m.rowNumbers[i], tableColumn: dataColumnNumber(m, j) }, m.values[k]);
}

/** Z must be square with row i labelled as column i. */
function checkSquare(Z: LabelledMatrix, grid: ProductGrid): void {
  for (let i = 0; i < Z.rows; i++) {
    if (i >= Z.columns) {
      throw inputError('label-mismatch', 'Z has more rows than columns', { file: Z.file, row: Z.rowNumbers[i], tableColumn: 1 }, Z.rowLabels[i][0]);
    }
    const lab = Z.rowLabels[i];
    const col = Z.columnLabels[i];
    for (let level = 0; level < 2; level++) {
      if (lab[level] !== col[level]) {
        throw inputError(
          'label-mismatch',
          `row label ${level === 0 ? 'region' : 'sector'} differs from column ${dataColumnNumber(Z, i)}'s (${JSON.stringify(col[level])})`,
          { file: Z.file, row: Z.rowNumbers[i], tableColumn: level + 1 },
          lab[level],
        );
      }
    }
  }
  if (Z.rows < grid.keys.length) {
    throw inputError('label-mismatch', `Z has ${Z.rows} rows for ${grid.keys.length} columns`, { file: Z.file, row: Z.headerRows + Z.rows + 1, tableColumn: 1 }, Z.rows);
  }
}

/** The rows of m (Y, x) must be the rows of Z, in Z's order. */
function checkRowsMatch(m: LabelledMatrix, Z: LabelledMatrix): void {
  if (m.indexColumns < 2) {
    throw inputError('bad-header', 'needs two label columns (region, sector)', { file: m.file, row: m.headerRows + 1, tableColumn: 1 });
  }
  for (let i = 0; i < Math.min(m.rows, Z.rows); i++) {
    for (let level = 0; level < 2; level++) {
      if (m.rowLabels[i][level] !== Z.rowLabels[i][level]) {
        throw inputError(
          'label-mismatch',
          `row label differs from Z's row ${Z.rowNumbers[i]} (${JSON.stringify(Z.rowLabels[i][level])})`,
          { file: m.file, row: m.rowNumbers[i], tableColumn: level + 1 },
          m.rowLabels[i][level],
        );
      }
    }
  }
  if (m.rows !== Z.rows) {
    const row = m.rows > Z.rows ? m.rowNumbers[Z.rows] : m.headerRows + m.rows + 1;
    throw inputError('label-mismatch', `has ${m.rows} rows where Z has ${Z.rows}`, { file: m.file, row, tableColumn: 1 }, m.rows);
  }
}

/** Y's columns: region-major (region, category), over Z's regions in Z's order. Returns the categories. */
function categoryGrid(Y: LabelledMatrix, regions: readonly string[]): string[] {
  if (Y.headerRows < 2) {
    throw inputError('bad-header', 'Y needs two header rows (region, category)', { file: Y.file, row: 1, tableColumn: Y.indexColumns + 1 });
  }
  const { regions: yRegions, inner } = regionMajor(Y, 'category');
  for (let r = 0; r < Math.max(yRegions.length, regions.length); r++) {
    if (yRegions[r] !== regions[r]) {
      const j = Math.min(r * inner.length, Y.columns - 1);
      throw inputError('label-mismatch', `final-demand regions must be Z's regions in Z's order (expected ${JSON.stringify(regions[r] ?? '')})`, { file: Y.file, row: 1, tableColumn: dataColumnNumber(Y, j) }, yRegions[r] ?? '');
    }
  }
  return inner;
}

/** Columns of an extension table must be the columns of `like` (Z or Y). */
function checkColumnsMatch(m: LabelledMatrix, like: LabelledMatrix, what: string): void {
  if (m.headerRows < 2) {
    throw inputError('bad-header', 'needs two header rows (region, sector or category)', { file: m.file, row: 1, tableColumn: m.indexColumns + 1 });
  }
  for (let j = 0; j < Math.min(m.columns, like.columns); j++) {
    for (let level = 0; level < 2; level++) {
      if (m.columnLabels[j][level] !== like.columnLabels[j][level]) {
        throw inputError(
          'label-mismatch',
          `column label differs from ${what}'s column ${dataColumnNumber(like, j)} (${JSON.stringify(like.columnLabels[j][level])})`,
          { file: m.file, row: level + 1, tableColumn: dataColumnNumber(m, j) },
          m.columnLabels[j][level],
        );
      }
    }
  }
  if (m.columns !== like.columns) {
    throw inputError('label-mismatch', `has ${m.columns} data columns where ${what} has ${like.columns}`, { file: m.file, row: 1, tableColumn: dataColumnNumber(m, Math.min(m.columns, like.columns)) }, m.columns);
  }
}

/** Position of the label column holding units: named "unit", else the one after `positional` label columns. */
function unitColumn(m: LabelledMatrix, positional: number): number {
  const named = m.indexNames.findIndex((nm) => nm.toLowerCase() === 'unit');
  if (named >= 0) return named;
  if (m.indexNames.some((nm) => nm !== '')) return -1;
  return m.indexColumns > positional ? positional : -1;
}

/** unit.txt: label columns, then a column named "unit". Key: the label cells joined by NUL. */
async function readUnits(read: ReadText, file: string): Promise<Map<string, string>> {
  const t = parseDelimited(await read(file), file, { delimiter: '\t' });
  const out = new Map<string, string>();
  if (t.rows.length === 0) return out;
  const head = t.rows[0].cells;
  let u = head.findIndex((c) => c.trim().toLowerCase() === 'unit');
  if (u < 0) u = head.length - 1;
  for (const r of t.rows.slice(1)) {
    if (r.cells.length !== head.length) {
      throw inputError('ragged-row', `row has ${r.cells.length} cells where the header has ${head.length}`, { file, row: r.row, tableColumn: Math.min(r.cells.length, head.length) + 1 }, r.cells.length);
    }
    out.set(r.cells.slice(0, u).map((c) => c.trim()).join('\u0000'), r.cells[u].trim());
  }
  return out;
}

async function readExtension(
  read: ReadText,
  id: string,
  fFile: string,
  fyFile: string | undefined,
  unitFile: string | undefined,
  fLayout: LabelledMatrixLayout,
  fyLayout: LabelledMatrixLayout,
  Z: LabelledMatrix,
  Y: LabelledMatrix,
): Promise<IoExtension> {
  checkModelId(id, 'the name of a satellite account', { file: fFile });
  const F = await readMatrix(read, fFile, fLayout);
  checkColumnsMatch(F, Z, 'Z');
  checkNonNegative(F, 'satellite account entry');
  const units = unitFile === undefined ? undefined : await readUnits(read, unitFile);
  // Label columns: stressor [, compartment] [, unit]; named by the file or by position.
  const named = F.indexNames.some((nm) => nm !== '');
  const uCol = units === undefined ? unitColumn(F, F.indexColumns > 2 ? 2 : 1) : -1;
  let cCol = -1;
  if (named) cCol = F.indexNames.findIndex((nm) => nm.toLowerCase() === 'compartment');
  else if (F.indexColumns >= 2 && uCol !== 1) cCol = 1;
  const stressors: { id: string; unit: string; compartment?: string }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < F.rows; i++) {
    const lab = F.rowLabels[i];
    const sid = lab[0];
    if (sid === '' || seen.has(sid)) {
      throw inputError(sid === '' ? 'missing-label' : 'duplicate-label', sid === '' ? 'empty stressor label' : 'stressor appears twice', { file: F.file, row: F.rowNumbers[i], tableColumn: 1 }, sid);
    }
    seen.add(sid);
    checkModelId(sid, 'a stressor label', { file: F.file, row: F.rowNumbers[i], tableColumn: 1 });
    let unit = uCol >= 0 ? lab[uCol] : '';
    if (units !== undefined) {
      const u = units.get(lab.join('\u0000')) ?? units.get(sid);
      if (u === undefined) throw inputError('missing-unit', 'stressor has no unit in the unit file', { file: unitFile ?? F.file, row: F.rowNumbers[i], tableColumn: 1 }, sid);
      unit = u;
    }
    if (unit.trim() === '') unit = DEFAULT_STRESSOR_UNIT;
    stressors.push(cCol >= 0 && lab[cCol] !== '' ? { id: sid, unit, compartment: lab[cCol] } : { id: sid, unit });
  }
  if (fyFile === undefined) return { name: id, stressors, F: F.values };
  const FY = await readMatrix(read, fyFile, fyLayout);
  checkColumnsMatch(FY, Y, 'Y');
  checkNonNegative(FY, 'satellite account entry of final demand');
  for (let i = 0; i < Math.max(FY.rows, F.rows); i++) {
    if (FY.rowLabels[i]?.[0] !== F.rowLabels[i]?.[0]) {
      const row = i < FY.rows ? FY.rowNumbers[i] : FY.headerRows + FY.rows + 1;
      throw inputError('label-mismatch', `stressor differs from row ${F.rowNumbers[i] ?? '?'} of ${basename(F.file)} (${JSON.stringify(F.rowLabels[i]?.[0] ?? '')})`, { file: FY.file, row, tableColumn: 1 }, FY.rowLabels[i]?.[0] ?? '');
    }
  }
  return { name: id, stressors, F: F.values, FY: FY.values };
}

/** population.txt: one row, one column per region (any order); returns values in `regions` order. */
async function readPopulation(read: ReadText, file: string, regions: readonly string[], layout: LabelledMatrixLayout): Promise<Float64Array> {
  const m = await readMatrix(read, file, layout);
  checkNonNegative(m, 'population');
  if (m.rows !== 1) throw inputError('bad-shape', `population needs one row of numbers, found ${m.rows}`, { file, row: m.rowNumbers[1] ?? 1, tableColumn: 1 }, m.rows);
  const out = new Float64Array(regions.length).fill(Number.NaN);
  const at = new Map(regions.map((r, k) => [r, k]));
  for (let j = 0; j < m.columns; j++) {
    const r = m.columnLabels[j][m.headerRows - 1];
    const k = at.get(r);
    if (k === undefined || !Number.isNaN(out[k])) {
      throw inputError(k === undefined ? 'unknown-region' : 'duplicate-label', k === undefined ? 'not a region of Z' : 'region appears twice', { file, row: m.headerRows, tableColumn: dataColumnNumber(m, j) }, r);
    }
    out[k] = m.values[j];
  }
  const missing = regions.findIndex((_, k) => Number.isNaN(out[k]));
  if (missing >= 0) throw inputError('missing-region', 'population lacks a region of Z', { file, row: m.headerRows, tableColumn: m.indexColumns + m.columns + 1 }, regions[missing]);
  return out;
}
