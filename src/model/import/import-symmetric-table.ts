import { basename, extname } from 'node:path';
import { inputError } from '../errors.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { classifyColumnLabels, classifyRowLabels } from './classify-table-label.js';
import { checkTableOrientation } from './check-table-orientation.js';
import { checkTableTotals, type TotalsCheck } from './check-table-totals.js';
import { DEFAULT_FLOW_UNIT } from './default-units.js';
import { findIntermediateBlock, type IntermediateBlock } from './find-intermediate-block.js';
import { cellText, findTableLayout, type TableLayout } from './find-table-layout.js';
import { checkModelId } from './model-id.js';
import type { NumberFormat } from './parse-cell-number.js';
import { readTableAccounts } from './read-table-accounts.js';
import { readTableNumbers } from './table-numbers.js';
import { notAvailable, readIntermediateFlows, readOutputLine, tableCells } from './table-cells.js';
import { publishedFormNotes } from './table-published-forms.js';
import { tableOutput } from './io-table-to-economy.js';
import { gridOfText, readTableGrid, type TableGrid } from './read-table-grid.js';
import { splitNegativeStressors } from './split-negative-stressors.js';
import { findLines, lineId, tableLines, type TableLine } from './table-lines.js';
import { readTableMapping, type TableMapping } from './table-mapping.js';
import { tableNotes } from './table-notes.js';
import { columnRoles, rowRoles, type MappedLines } from './table-roles.js';
import type { IoExtension, IoTable } from './types.js';

export interface SymmetricTableOptions extends TableMapping, ReadInputOptions {
  /** Name of the table; default the file name without extension. */
  readonly name?: string;
  /** Id of the table's one region; default "domestic". An id the model format refuses (e.g. with "@") is an InputError. */
  readonly region?: string;
  /** Name of the extension of primary inputs in money, persons and hours; default "factor_inputs" (emissions go to "emissions"). */
  readonly extensionName?: string;
  /** readSymmetricTable only: a mapping file (YAML or JSON); options given here override it. */
  readonly mapping?: string;
}

/** Default relative tolerance of totals against their sums, beyond the rounding of the printed numbers. */
export const DEFAULT_TOTAL_TOLERANCE = 1e-3;

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Reads a symmetric (product × product or industry × industry) input–output table from a CSV/TSV
 * file or a sheet of an xlsx workbook; see tableFromGrid. `options.mapping` names a mapping file
 * whose entries override the guesses (and are overridden by the other options).
 */
export async function readSymmetricTable(path: string, options: SymmetricTableOptions = {}): Promise<IoTable> {
  const fromFile = options.mapping === undefined ? {} : await readTableMapping(options.mapping, options);
  const o: SymmetricTableOptions = { ...fromFile, ...definedOnly(options) };
  const grid = await readTableGrid(path, {
    ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
    ...(o.delimiter === undefined ? {} : { delimiter: o.delimiter }),
    ...(o.sheet === undefined ? {} : { sheet: o.sheet }),
  });
  return tableFromGrid(grid, o);
}

/** Parses a symmetric table from delimited text; see tableFromGrid. */
export function parseSymmetricTable(text: string, file: string, options: SymmetricTableOptions = {}): IoTable {
  return tableFromGrid(gridOfText(text, file, options.delimiter === undefined ? {} : { delimiter: options.delimiter }), options);
}

/** The label column a mapping names by its header text or 1-based number. */
function labelColumnIndex(layout: TableLayout, given: string | number | undefined, file: string): number | undefined {
  if (given === undefined) return undefined;
  const L = layout.labelColumns;
  if (typeof given === 'number') {
    if (!Number.isInteger(given) || given < 1 || given > L) throw inputError('unknown-column', `label column must be one of the ${L} label columns (1 to ${L})`, { file, path: ['label_column'] }, given);
    return given - 1;
  }
  for (let c = 0; c < L; c++) if (layout.headerRows.some((h) => cellText(h.cells[c]) === given.trim())) return c;
  throw inputError('unknown-column', `no label column has this header (label columns: ${Array.from({ length: L }, (_, c) => layout.headerRows.map((h) => cellText(h.cells[c])).join(' ')).join(', ')})`, { file, path: ['label_column'] }, given);
}

/** The lines a mapping names for each part, for rows and columns. */
function mappedLines(rows: readonly TableLine[], cols: readonly TableLine[], o: SymmetricTableOptions, file: string): { rows: MappedLines; cols: MappedLines } {
  const set = (lines: readonly TableLine[], labels: readonly string[] | undefined, key: string, what: 'row' | 'column'): Set<number> => new Set(labels === undefined ? [] : findLines(lines, labels, key, file, what));
  const listedOnly = (lines: readonly TableLine[], labels: readonly string[] | undefined, key: string, what: 'row' | 'column'): ReadonlySet<number> | undefined =>
    labels === undefined ? undefined : set(lines, labels, key, what);
  const primary = listedOnly(rows, o.primaryInputs, 'primary_inputs', 'row');
  const final = listedOnly(cols, o.finalDemand, 'final_demand', 'column');
  const output = o.outputRow === undefined ? undefined : findLines(rows, [o.outputRow], 'output_row', file, 'row')[0];
  return {
    rows: { skip: set(rows, o.skipRows, 'skip_rows', 'row'), total: set(rows, o.totalRows, 'total_rows', 'row'), ...(output === undefined ? {} : { output }), ...(primary === undefined ? {} : { read: primary }) },
    cols: { skip: set(cols, o.skipColumns, 'skip_columns', 'column'), total: set(cols, o.totalColumns, 'total_columns', 'column'), ...(final === undefined ? {} : { read: final }) },
  };
}

/** The block of the table: named by the mapping, else found (findIntermediateBlock), its ids checked. */
function blockOf(file: string, headerRow: number, rows: readonly TableLine[], cols: readonly TableLine[], mapped: { rows: MappedLines; cols: MappedLines }, o: SymmetricTableOptions, idColumn: number | undefined): IntermediateBlock {
  const rowNamed = (i: number): boolean => mapped.rows.skip.has(i) || mapped.rows.total.has(i) || mapped.rows.output === i || mapped.rows.read?.has(i) === true;
  const colNamed = (j: number): boolean => mapped.cols.skip.has(j) || mapped.cols.total.has(j) || mapped.cols.read?.has(j) === true;
  const block = findIntermediateBlock({
    file,
    rows,
    cols,
    headerRow,
    rowStop: (i) => rowNamed(i) || classifyRowLabels(rows[i].labels) !== undefined,
    colStop: (j) => colNamed(j) || classifyColumnLabels(cols[j].labels) !== undefined,
    labelStop: (label, axis) => (axis === 'row' ? classifyRowLabels([label]) : classifyColumnLabels([label])) !== undefined,
    ...(idColumn === undefined ? {} : { idColumn }),
    ...(o.products === undefined ? {} : { products: o.products }),
    ...(o.mapping === undefined ? {} : { mappingFile: o.mapping }),
  });
  const seen = new Map<string, number>();
  block.ids.forEach((id, k) => {
    const where = { file, row: rows[block.rows[k]].place, tableColumn: block.idColumn + 1 };
    checkModelId(id, 'a product label', where);
    const before = seen.get(id);
    if (before !== undefined) throw inputError('duplicate-label', `product label appears twice in the block (also at row ${rows[before].place}); give label_column in a mapping to take the ids from another label column`, where, id);
    seen.set(id, block.rows[k]);
  });
  return block;
}

/** The header row whose labels serve best as ids of final-use categories: the block's label row, else the one with the fewest blanks in its labels. */
function categoryRow(cols: readonly TableLine[], block: IntermediateBlock): number {
  if (block.labelRow !== undefined) return block.labelRow;
  const H = cols[0].labels.length;
  let best = 0;
  let bestScore = -Infinity;
  for (let h = 0; h < H; h++) {
    const score = cols.reduce((s, c) => s + (c.labels[h] === '' ? -2 : /\s/.test(c.labels[h]) ? 0 : 1), 0);
    if (score > bestScore) [best, bestScore] = [h, score];
  }
  return best;
}

/** Without final-use columns: final demand is output minus the row sums of Z (one category, `final_demand`); without output either, an InputError. */
function derivedFinalDemand(Z: Float64Array, x: Float64Array | undefined, n: number, file: string, layout: TableLayout): { categories: string[]; Y: Float64Array } {
  if (x === undefined) throw inputError('no-final-demand', 'the table has neither final-use columns nor an output row or total; name them in a mapping (final_demand, output_row)', { file, row: layout.headerRows[0].row, tableColumn: layout.labelColumns + 1 });
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Z[i * n + j];
    Y[i] = x[i] - s;
  }
  return { categories: ['final_demand'], Y };
}

/** Ids must be unique among the lines read and differ from `taken` (the products'); a repeat is an InputError at the second. */
function checkUnique(ids: readonly string[], lines: readonly number[], place: (k: number) => { file: string; row: number; tableColumn: number }, what: string, taken: readonly string[] = []): void {
  const seen = new Set<string>(taken);
  lines.forEach((line, k) => {
    if (seen.has(ids[line])) throw inputError('duplicate-label', `${what} label appears twice${taken.includes(ids[line]) ? ' (also as a product)' : ''}; give label_column in a mapping to take the ids from another label column, or skip one of them`, place(k), ids[line]);
    seen.add(ids[line]);
  });
}

/** The parts of the table the mapping or the options state, so that the notes do not call them guesses. */
function givenParts(o: SymmetricTableOptions): { layout: boolean; products: boolean; finalDemand: boolean; primaryInputs: boolean } {
  return {
    layout: o.labelColumns !== undefined && o.headerRows !== undefined,
    products: o.products !== undefined || o.labelColumn !== undefined,
    finalDemand: o.finalDemand !== undefined,
    primaryInputs: o.primaryInputs !== undefined,
  };
}

/**
 * Builds an IoTable from a grid of cells, in named steps: the layout (header rows, label
 * columns; findTableLayout), the lines and their labels, the intermediate block (by label or by
 * position; findIntermediateBlock), the roles of the other rows and columns (output, totals,
 * primary inputs, final use; rowRoles, columnRoles), the numbers, the totals checked against
 * their sums (checkTableTotals), the accounts (readTableAccounts) with negative primary inputs
 * split (splitNegativeStressors), and notes of all that was read, guessed and dropped. See
 * docs/import.md for what is recognised and how the mapping overrides it.
 */
export function tableFromGrid(grid: TableGrid, o: SymmetricTableOptions = {}): IoTable {
  const file = grid.sheet === undefined ? grid.file : `${grid.file} [${grid.sheet}]`;
  const format: NumberFormat = { published: true, ...(o.decimal === undefined ? {} : { decimal: o.decimal }), ...(o.thousands === undefined ? {} : { thousands: o.thousands }) };
  const layout = findTableLayout({ ...grid, file }, format, { ...(o.headerRows === undefined ? {} : { headerRows: o.headerRows }), ...(o.labelColumns === undefined ? {} : { labelColumns: o.labelColumns }) });
  const { rows, cols } = tableLines(layout);
  if (rows.length === 0) throw inputError('empty-table', 'the table has header rows but no data rows', { file, row: layout.headerRows[0].row, tableColumn: 1 });
  const mapped = mappedLines(rows, cols, o, o.mapping ?? file);
  const block = blockOf(file, layout.headerRows[0].row, rows, cols, mapped, o, labelColumnIndex(layout, o.labelColumn, o.mapping ?? file));
  const rowIds = rows.map((l) => lineId(l, block.idColumn));
  block.rows.forEach((i, k) => (rowIds[i] = block.ids[k]));
  const colIds = cols.map((l) => lineId(l, categoryRow(cols, block)));
  const roles = { rows: rowRoles(rows, rowIds, block, mapped.rows), cols: columnRoles(cols, colIds, block, mapped.cols) };
  checkTableOrientation(file, layout.headerRows[0].row, block.idColumn, rows, cols, roles);
  const skipRow = roles.rows.map((r) => r.kind === 'skip');
  const skipCol = roles.cols.map((r) => r.kind === 'skip');
  const numbers = readTableNumbers(file, layout, format, skipRow, skipCol);
  // Bad cells of the block and the output row are named before totals are compared with sums.
  const cells = tableCells(numbers, o.emptyIsZero === true);
  readIntermediateFlows(cells, block.rows, block.cols);
  if (o.emptyIsZero !== true) {
    const read = (r: { kind: string; read: string }): boolean => r.read !== 'none' || r.kind === 'output';
    const gap = (numbers.readings.get('not-available') ?? []).find(([i, j]) => read(roles.rows[i]) && read(roles.cols[j]));
    if (gap !== undefined) throw notAvailable(numbers, gap[0], gap[1], 'a number');
  }
  const outputRow = roles.rows.findIndex((r) => r.kind === 'output');
  if (outputRow >= 0) readOutputLine(cells, 'row', outputRow, block.cols);
  const monetary = roles.rows.some((r) => r.read === 'primary' && (r.recognised === 'money' || r.recognised === 'value-added'));
  const tolerance = o.tolerance ?? DEFAULT_TOTAL_TOLERANCE;
  const enforce = o.checkTotals !== false;
  const checks: { rows: TotalsCheck; cols: TotalsCheck } = {
    rows: checkTableTotals(numbers, roles.rows, { axis: 'row', tolerance, monetary, crossSkip: skipCol, enforce }),
    cols: checkTableTotals(numbers, roles.cols, { axis: 'column', tolerance, monetary, crossSkip: skipRow, enforce }),
  };
  const unitGiven = o.unit !== undefined && o.unit.trim() !== '';
  const unit = unitGiven && o.unit !== undefined ? o.unit : DEFAULT_FLOW_UNIT;
  const accounts = readTableAccounts(numbers, block, rows, roles, checks, {
    file,
    unit,
    ...(o.primaryUnits === undefined ? {} : { primaryUnits: o.primaryUnits }),
    emptyIsZero: o.emptyIsZero === true,
    extensionName: o.extensionName ?? 'factor_inputs',
    rowIds,
  });
  checkUnique(rowIds, accounts.primaryRows, (k) => ({ file, row: rows[accounts.primaryRows[k]].place, tableColumn: block.idColumn + 1 }), 'a primary-input row', block.ids);
  checkUnique(colIds, accounts.finalCols, (k) => ({ file, row: layout.headerRows[0].row, tableColumn: cols[accounts.finalCols[k]].place }), 'a final-use column');

  const n = block.rows.length;
  const { categories, Y } = accounts.finalCols.length > 0 ? { categories: accounts.finalCols.map((j) => colIds[j]), Y: accounts.Y } : derivedFinalDemand(accounts.Z, accounts.x, n, file, layout);
  const split: string[] = [];
  const extensions: IoExtension[] = accounts.extensions.map((e) => {
    const s = splitNegativeStressors(e);
    split.push(...s.split);
    return s.extension;
  });
  const x = tableOutput({ name: '', unit, regions: ['r'], sectors: block.ids, Z: accounts.Z, categories, Y, extensions: [], ...(accounts.x === undefined ? {} : { x: accounts.x }) });
  const zeroOutput = block.ids.filter((_, k) => x[k] === 0);
  const region = o.region ?? 'domestic';
  checkModelId(region, 'the region', { file, path: ['region'] });
  const notes = tableNotes({ grid, layout, block, rows, cols, rowIds, colIds, roles, checks: enforce ? checks : undefined, accounts, categories, split, zeroOutput, unit: { value: unit, given: unitGiven }, tolerance, monetary, given: givenParts(o) });
  return {
    name: o.name ?? basename(grid.file, extname(grid.file)),
    unit,
    regions: [region],
    sectors: block.ids,
    Z: accounts.Z,
    categories,
    Y,
    extensions,
    ...(accounts.x === undefined ? {} : { x: accounts.x }),
    notes: { ...notes, guessed: [...notes.guessed, ...publishedFormNotes(numbers, o.emptyIsZero === true)] },
  };
}
