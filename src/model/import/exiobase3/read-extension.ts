import { inputError } from '../../errors.js';
import { DEFAULT_STRESSOR_UNIT } from '../default-units.js';
import { checkModelId } from '../model-id.js';
import type { SourceFiles } from '../source-files.js';
import type { IoExtension } from '../types.js';
import { readFileParameters, type FileParameters } from './file-parameters.js';
import { NEGATIVE_PART_SUFFIX, splitNegativeStressors } from '../split-negative-stressors.js';
import { firstNegative, negativesInRow } from './first-negative.js';
import { checkColumns, type RegionCodes, type RegionGrid } from './product-grid.js';
import { readTsvMatrix } from './read-tsv-matrix.js';
import { readUnits, type UnitTable } from './read-units.js';
import type { TsvMatrix, TsvMatrixLayout } from './tsv-matrix-parser.js';

/** What reading an extension needs from the core: its product and final-demand columns, output. */
export interface ExtensionContext {
  readonly source: SourceFiles;
  readonly products: RegionGrid;
  readonly finalDemand: RegionGrid;
  readonly codes: RegionCodes;
  /** Gross output, for an extension that gives S (coefficients) instead of F. */
  readonly x: Float64Array;
  /** Split the stressors with a negative entry in F or F_Y into their positive and negative parts, as a model needs. */
  readonly forModel?: boolean;
}

/** An extension read, with the sentences for the import's notes. */
export interface ExtensionRead {
  readonly extension: IoExtension;
  readonly read: readonly string[];
  readonly dropped: readonly string[];
}

/** Files of an extension folder that Plenty computes itself rather than reads. */
const COMPUTED = /^(S|S_Y|M|M_down|D_cba|D_pba|D_imp|D_exp)(_reg|_cap)?$/;

function entryIn(source: SourceFiles, dir: string, file: string): string | undefined {
  const name = `${dir}${file}`;
  return source.entries.some((e) => e.name === name) ? name : undefined;
}

/**
 * Reads one extension folder of the download (`satellite/`, `impacts/`, `air_emissions/`, …) by
 * its file_parameters.json (or, without one, F.txt, F_Y.txt or F_hh.txt, unit.txt): F (stressors ×
 * products; from S · diag(x) when only S is given), F_Y (stressors × final-demand columns; F_hh
 * in 3.4) and the units. Stressors are the rows' first label (a second label column is the
 * compartment); their ids must be unique model ids. F's columns must be Z's, F_Y's Y's, and F_Y's
 * rows F's. The accounts the folder also holds (S, M, D_cba, …) are not read: Plenty computes them.
 * A folder whose file_parameters.json is not an Extension's gives undefined.
 */
export async function readExtension(ctx: ExtensionContext, dir: string, name: string): Promise<ExtensionRead | undefined> {
  const { source } = ctx;
  const paramsEntry = entryIn(source, dir, 'file_parameters.json');
  const params = paramsEntry === undefined ? undefined : await readFileParameters(source, paramsEntry);
  if (params?.systemtype !== undefined && params.systemtype !== 'Extension') return undefined;
  const fileOf = (key: string, fallback: string): string | undefined => {
    const p = params?.files.get(key);
    if (p !== undefined) {
      const e = entryIn(source, dir, p.name);
      if (e === undefined) throw missing(params, key, p.name, source, dir);
      return e;
    }
    return params === undefined ? entryIn(source, dir, fallback) : undefined;
  };
  const unitEntry = fileOf('unit', 'unit.txt');
  const units = unitEntry === undefined ? undefined : await readUnits(source, unitEntry);
  const layout = (key: string): TsvMatrixLayout => ({
    indexColumns: params?.files.get(key)?.indexColumns ?? (units !== undefined && units.labelColumns >= 2 ? 2 : 1),
    headerRows: params?.files.get(key)?.headerRows ?? 2,
  });
  const read: string[] = [];
  const dropped: string[] = [];
  const n = ctx.products.regions.length * ctx.products.inner.length;

  let F: TsvMatrix;
  const fEntry = fileOf('F', 'F.txt');
  if (fEntry !== undefined) {
    F = await readTsvMatrix(source, fEntry, layout('F'));
    checkColumns(F, ctx.products, ctx.codes, 'Z');
  } else {
    const sEntry = fileOf('S', 'S.txt');
    if (sEntry === undefined) throw missing(params, 'F', 'F.txt', source, dir);
    F = await readTsvMatrix(source, sEntry, layout('S'));
    checkColumns(F, ctx.products, ctx.codes, 'Z');
    for (let k = 0; k < F.rows; k++) for (let j = 0; j < n; j++) F.values[k * n + j] *= ctx.x[j];
    read.push(`${name}: F = S diag(x) from ${sEntry} (the folder gives no F)`);
  }
  const stressors = stressorsOf(F, units, name, read);
  if (fEntry !== undefined) read.push(`${name}: F from ${fEntry} (${F.rows} stressors × ${n} products)`);
  noteEmpty(F, read);

  const fyKey = params === undefined ? undefined : ['F_Y', 'F_hh', 'FY'].find((k) => params.files.has(k));
  const fyEntry = fyKey !== undefined ? fileOf(fyKey, '') : params === undefined ? (entryIn(source, dir, 'F_Y.txt') ?? entryIn(source, dir, 'F_hh.txt')) : undefined;
  let FY: TsvMatrix | undefined;
  if (fyEntry !== undefined) {
    const m = await readTsvMatrix(source, fyEntry, layout(fyKey ?? 'F_Y'));
    checkColumns(m, ctx.finalDemand, ctx.codes, 'Y');
    checkSameRows(m, F);
    FY = m;
    read.push(`${name}: F_Y from ${fyEntry} (${m.rows} × ${m.columns})${/F_hh\.txt$/.test(fyEntry) ? ', F_hh as EXIOBASE 3.4 names it' : ''}`);
    noteEmpty(m, read);
  }
  const skipped = params === undefined ? [] : [...params.files.entries()].filter(([k]) => COMPUTED.test(k) && !(k === 'S' && fEntry === undefined)).map(([, p]) => p.name);
  if (skipped.length > 0) dropped.push(`${name}: ${skipped.join(', ')} not read (accounts Plenty computes from F, F_Y, Z and Y)`);

  const extension: IoExtension = { name, stressors, F: F.values, ...(FY === undefined ? {} : { FY: FY.values }) };
  return { extension: ctx.forModel === true ? splitForModel(extension, F, FY, read) : extension, read, dropped };
}

/**
 * The extension with each stressor that has a negative entry in F or F_Y (operating surplus,
 * taxes less subsidies, …) split in two (splitNegativeStressors): a model's resource uses are not
 * negative, and nothing is lost (published = the stressor − its "(negative part)"). Each split is
 * named in `read` with its count of negative entries and the first of them.
 */
function splitForModel(e: IoExtension, F: TsvMatrix, FY: TsvMatrix | undefined, read: string[]): IoExtension {
  const { extension, split } = splitNegativeStressors(e);
  if (split.length === 0) return e;
  const row = new Map(e.stressors.map((s, k) => [s.id, k]));
  for (const id of split) {
    const k = row.get(id) ?? 0;
    const first = firstNegative(F, k, k + 1) ?? (FY === undefined ? undefined : firstNegative(FY, k, k + 1));
    const count = negativesInRow(F, k) + (FY === undefined ? 0 : negativesInRow(FY, k));
    const where = first === undefined ? '' : ` (the first ${first.value} at ${first.file} row ${first.row}, column ${first.tableColumn})`;
    read.push(`${e.name}/${id}: ${count} negative entr${count === 1 ? 'y' : 'ies'}${where} moved to "${id}${NEGATIVE_PART_SUFFIX}", sign reversed (a model's resource uses are not negative; published = part − negative part)`);
  }
  return extension;
}

/** The stressors of F's rows: id (first label), compartment (second, if any), unit from the unit table. */
function stressorsOf(F: TsvMatrix, units: UnitTable | undefined, name: string, read: string[]): IoExtension['stressors'] {
  const seen = new Map<string, number>();
  let withoutUnit = 0;
  const out = F.rowLabels.map((labels, k) => {
    const where = { file: F.file, row: F.rowLines[k], tableColumn: 1 };
    const id = labels[0];
    checkModelId(id, 'a stressor label', where);
    const before = seen.get(id);
    if (before !== undefined) throw inputError('duplicate-label', `the stressor appears twice (also in row ${F.rowLines[before]}); stressors become resources with ids ${name}/…, which must be unique`, where, id);
    seen.set(id, k);
    const key = units === undefined ? undefined : labels.slice(0, Math.min(units.labelColumns, labels.length)).join('\t');
    const unit = key === undefined ? undefined : (units?.units.get(key) ?? units?.units.get(id));
    if (unit === undefined || unit === '') withoutUnit++;
    const u = unit === undefined || unit === '' ? DEFAULT_STRESSOR_UNIT : unit;
    return labels.length >= 2 && labels[1] !== '' ? { id, unit: u, compartment: labels[1] } : { id, unit: u };
  });
  if (withoutUnit > 0) read.push(`${name}: ${withoutUnit} stressor(s) without a unit in ${units?.file ?? 'the folder (no unit.txt)'}: unit "${DEFAULT_STRESSOR_UNIT}"`);
  return out;
}

/** F_Y's rows must be F's, in order. */
function checkSameRows(m: TsvMatrix, F: TsvMatrix): void {
  for (let k = 0; k < Math.min(m.rows, F.rows); k++) {
    if (m.rowLabels[k].join('\t') !== F.rowLabels[k].join('\t')) {
      throw inputError('label-mismatch', `row must be stressor ${JSON.stringify(F.rowLabels[k][0])}, as row ${F.rowLines[k]} of ${F.file}`, { file: m.file, row: m.rowLines[k], tableColumn: 1 }, m.rowLabels[k][0]);
    }
  }
  if (m.rows !== F.rows) {
    throw inputError('label-mismatch', `has ${m.rows} stressors where ${F.file} has ${F.rows}`, { file: m.file, row: m.rows > F.rows ? m.rowLines[F.rows] : m.layout.headerRows + m.rows + 1, tableColumn: 1 }, m.rows);
  }
}

function noteEmpty(m: TsvMatrix, read: string[]): void {
  if (m.emptyCells > 0 && m.firstEmpty !== undefined) read.push(`${m.file}: ${m.emptyCells} empty cell(s) read as 0 (the first at row ${m.firstEmpty.row}, column ${m.firstEmpty.tableColumn})`);
}

/** A file the download lacks: located at the file parameters' entry that names it, else at the folder. */
export function missing(params: FileParameters | undefined, key: string, file: string, source: SourceFiles, dir: string): never {
  if (params !== undefined && params.files.has(key)) {
    throw inputError('file-not-found', `names ${file}, which the download lacks`, { file: params.file, path: ['files', key, 'name'] }, file);
  }
  throw inputError('file-not-found', `the download has no ${file}`, { file: source.where(dir === '' ? '' : dir.slice(0, -1)), path: [file] }, file);
}
