import { basename, extname } from 'node:path';
import { inputError } from '../errors.js';
import { classifyColumn, classifyRow, isValueAddedComponent } from './classify-table-label.js';
import { parseCellNumber } from './parse-cell-number.js';
import { parseDelimited, readTextFile, type Delimiter, type DelimitedRow } from './read-delimited.js';
import { readTableMapping, type TableMapping } from './table-mapping.js';
import type { IoExtension, IoTable } from './types.js';
import type { ReadInputOptions } from '../read-input-file.js';
import { DEFAULT_FLOW_UNIT } from './default-units.js';
import { checkModelId } from './model-id.js';

/** A unit as given, or undefined when none (or only blanks) is given. */
function givenUnit(unit: string | undefined): string | undefined {
  return unit === undefined || unit.trim() === '' ? undefined : unit;
}

export interface SymmetricTableOptions extends TableMapping, ReadInputOptions {
  readonly delimiter?: Delimiter | 'auto';
  /** Name of the table; default: the file name without extension. */
  readonly name?: string;
  /** Id of the table's one region; default "domestic". An id the model format refuses (e.g. with "@") is an InputError. */
  readonly region?: string;
  /** Name of the primary-input extension; default "factor_inputs". */
  readonly extensionName?: string;
  /** Empty cells in the blocks read count as 0 (default: an empty cell is an error). */
  readonly emptyIsZero?: boolean;
  /** Check rows labelled plainly "total" against the column sums of the product rows (relative 1e-6). Default false: total rows are skipped. */
  readonly checkTotals?: boolean;
  /** readSymmetricTable only: a mapping file (YAML or JSON); options given here override it. */
  readonly mapping?: string;
}

/**
 * Reads a symmetric (product × product or industry × industry) input–output table from a CSV or
 * TSV file; see parseSymmetricTable. `options.mapping` names a mapping file whose entries override
 * the guesses (and are overridden by the other options).
 */
export async function readSymmetricTable(path: string, options: SymmetricTableOptions = {}): Promise<IoTable> {
  const text = await readTextFile(path, options);
  const fromFile = options.mapping === undefined ? {} : await readTableMapping(options.mapping, options);
  return parseSymmetricTable(text, path, { ...fromFile, ...options });
}

interface Line {
  readonly label: string;
  readonly record: DelimitedRow;
}

/**
 * Parses a symmetric input–output table. Layout: a header row of column labels; leading label
 * columns, the last of which (`labelColumn`, default the first column) holds the row labels; the
 * intermediate block (rows and columns labelled with the same products, in the same order) at the
 * top left of the data. Without a mapping, the block runs from the first data row and column until
 * a column that reads as final demand or a total and a row that reads as output, a total or a
 * primary input (compensation, taxes, imports, value added, employment …); a block whose row and
 * column labels disagree is an error. The columns after the block are final demand, except total
 * columns (total, total use, total output …) and `skipColumns`. The output row (output, P1, x,
 * total output) gives x; rows that are totals (TOTAL, P2 intermediate consumption, gross value
 * added when its components are rows too, … domestic total) are skipped (or checked, `checkTotals`);
 * every other row is a primary input of the extension `factor_inputs`. Without final-demand columns,
 * final demand is output minus the row sums of the block (one category, "final_demand").
 *
 * Flows are in `unit` (the mapping's, else "money"); primary inputs in theirs (`primaryUnits`) or
 * the flows' unit.
 *
 * Ragged rows, duplicated labels, mismatched block labels, non-numeric cells, numbers beyond 1e30,
 * negative output, intermediate flows and primary inputs, and labels that cannot be ids in a model
 * (products, primary inputs: an id has no "@") are InputErrors naming file, row, column and value.
 */
export function parseSymmetricTable(text: string, file: string, options: SymmetricTableOptions = {}): IoTable {
  const table = parseDelimited(text, file, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  if (table.rows.length < 2) throw inputError('empty-table', 'the table needs a header row and data rows', { file });
  const header = table.rows[0];
  const width = header.cells.length;
  for (const r of table.rows) {
    if (r.cells.length !== width) {
      throw inputError(
        'ragged-row',
        `row has ${r.cells.length} cells where the header has ${width}`,
        { file, row: r.row, tableColumn: Math.min(r.cells.length, width) + 1 },
        r.cells.length > width ? r.cells[width] : r.cells.length,
      );
    }
  }

  // The label column.
  let lc = 0;
  if (typeof options.labelColumn === 'number') {
    if (!Number.isInteger(options.labelColumn) || options.labelColumn < 1 || options.labelColumn >= width) {
      throw inputError('unknown-column', `label column must be a column number from 1 to ${width - 1}`, { file, row: header.row }, options.labelColumn);
    }
    lc = options.labelColumn - 1;
  } else if (typeof options.labelColumn === 'string') {
    lc = header.cells.findIndex((c) => c.trim() === options.labelColumn);
    if (lc < 0 || lc === width - 1) throw inputError('unknown-column', 'no such column in the header row (label column)', { file, row: header.row }, options.labelColumn);
  }

  // Column and row labels, unique.
  const colIndex = new Map<string, number>();
  for (let c = lc + 1; c < width; c++) {
    const label = header.cells[c].trim();
    if (label === '') throw inputError('missing-label', 'empty column label', { file, row: header.row, tableColumn: c + 1 }, '');
    if (colIndex.has(label)) throw inputError('duplicate-label', 'column label appears twice', { file, row: header.row, tableColumn: c + 1 }, label);
    colIndex.set(label, c);
  }
  const lines: Line[] = [];
  const rowIndex = new Map<string, number>();
  for (const r of table.rows.slice(1)) {
    const label = r.cells[lc].trim();
    if (label === '') throw inputError('missing-label', 'empty row label', { file, row: r.row, tableColumn: lc + 1 }, '');
    if (rowIndex.has(label)) throw inputError('duplicate-label', 'row label appears twice', { file, row: r.row, tableColumn: lc + 1 }, label);
    rowIndex.set(label, lines.length);
    lines.push({ label, record: r });
  }

  const skipRows = new Set(options.skipRows ?? []);
  const skipColumns = new Set(options.skipColumns ?? []);
  const finalDemandGiven = options.finalDemand === undefined ? undefined : new Set(options.finalDemand);
  const primaryGiven = options.primaryInputs === undefined ? undefined : new Set(options.primaryInputs);

  const findRow = (label: string, what: string): number => {
    const i = rowIndex.get(label);
    if (i === undefined) throw inputError('label-mismatch', `${what} is not a row label of column ${lc + 1}`, { file, tableColumn: lc + 1 }, label);
    return i;
  };
  const findColumn = (label: string, what: string): number => {
    const c = colIndex.get(label);
    if (c === undefined) throw inputError('label-mismatch', `${what} is not a column label of the header row`, { file, row: header.row }, label);
    return c;
  };

  // The intermediate block.
  const productRows: number[] = [];
  const productCols: number[] = [];
  const products: string[] = [];
  if (options.products !== undefined) {
    for (const p of options.products) {
      productCols.push(findColumn(p, 'product'));
      productRows.push(findRow(p, 'product'));
      products.push(p);
    }
  } else {
    for (let k = 0; ; k++) {
      const c = lc + 1 + k;
      const colLabel = c < width ? header.cells[c].trim() : undefined;
      const line = lines[k];
      const colEnd = colLabel === undefined || skipColumns.has(colLabel) || finalDemandGiven?.has(colLabel) === true || classifyColumn(colLabel) !== undefined;
      const rowEnd =
        line === undefined ||
        skipRows.has(line.label) ||
        primaryGiven?.has(line.label) === true ||
        line.label === options.outputRow ||
        classifyRow(line.label) !== undefined;
      const rowRole = line === undefined ? undefined : classifyRow(line.label);
      const sameLabel =
        colLabel !== undefined &&
        line !== undefined &&
        colLabel === line.label &&
        !skipColumns.has(colLabel) &&
        !skipRows.has(colLabel) &&
        finalDemandGiven?.has(colLabel) !== true &&
        primaryGiven?.has(colLabel) !== true &&
        colLabel !== options.outputRow &&
        classifyColumn(colLabel) !== 'total' &&
        (rowRole === undefined || rowRole === 'primary');
      if (sameLabel) {
        productCols.push(c);
        productRows.push(k);
        products.push(colLabel);
        continue;
      }
      if (colEnd && rowEnd) break;
      if (colEnd) {
        throw inputError('label-mismatch', `row is in the intermediate block (row ${k + 1} of it) but no column ${c + 1} of that label follows the block's columns; name the products in a mapping`, { file, row: line.record.row, tableColumn: lc + 1 }, line.label);
      }
      if (rowEnd || colLabel !== line.label) {
        const value = rowEnd ? (line === undefined ? '' : line.label) : line.label;
        throw inputError(
          'label-mismatch',
          `the intermediate block's column ${c + 1} is ${JSON.stringify(colLabel)} but its row ${k + 1} is not; rows and columns of the block must carry the same labels in the same order`,
          line === undefined ? { file, row: header.row, tableColumn: c + 1 } : { file, row: line.record.row, tableColumn: lc + 1 },
          value,
        );
      }
      productCols.push(c);
      productRows.push(k);
      products.push(colLabel);
    }
  }
  const n = products.length;
  for (let j = 0; j < n; j++) checkModelId(products[j], 'a product label', { file, row: header.row, tableColumn: productCols[j] + 1 });
  if (n === 0) throw inputError('no-products', 'no intermediate block found (no column label is also a row label); name the products in a mapping', { file, row: header.row, tableColumn: lc + 2 }, header.cells[lc + 1]);
  const isProductRow = new Set(productRows);
  const isProductCol = new Set(productCols);

  const place = (line: Line, c: number) => ({ file, row: line.record.row, tableColumn: c + 1 });
  const num = (line: Line, c: number): number =>
    parseCellNumber(line.record.cells[c], place(line, c), options.emptyIsZero === true ? { emptyIsZero: true } : {});

  // Output row.
  let outputRow: number | undefined;
  if (options.outputRow !== undefined) outputRow = findRow(options.outputRow, 'output row');
  else outputRow = lines.findIndex((l, i) => !isProductRow.has(i) && !skipRows.has(l.label) && classifyRow(l.label) === 'output');
  if (outputRow !== undefined && outputRow < 0) outputRow = undefined;

  // Final-demand columns.
  const fdCols: number[] = [];
  if (options.finalDemand !== undefined) {
    for (const f of options.finalDemand) fdCols.push(findColumn(f, 'final-demand column'));
  } else {
    for (let c = lc + 1; c < width; c++) {
      const label = header.cells[c].trim();
      if (isProductCol.has(c) || skipColumns.has(label) || classifyColumn(label) === 'total') continue;
      fdCols.push(c);
    }
  }

  // Primary-input rows.
  const primaryRows: number[] = [];
  const totalRows: number[] = [];
  if (options.primaryInputs !== undefined) {
    for (const p of options.primaryInputs) primaryRows.push(findRow(p, 'primary-input row'));
  } else {
    const hasComponents = lines.some((l) => isValueAddedComponent(l.label));
    lines.forEach((l, i) => {
      if (isProductRow.has(i) || i === outputRow || skipRows.has(l.label)) return;
      const role = classifyRow(l.label);
      if (role === 'output') return;
      if (role === 'total' || (role === 'value-added-total' && hasComponents)) totalRows.push(i);
      else primaryRows.push(i);
    });
  }

  // Numbers.
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const line = lines[productRows[i]];
    for (let j = 0; j < n; j++) {
      const v = num(line, productCols[j]);
      if (v < 0) throw inputError('negative', 'intermediate flow is negative', place(line, productCols[j]), line.record.cells[productCols[j]]);
      Z[i * n + j] = v;
    }
  }
  let x: Float64Array | undefined;
  if (outputRow !== undefined) {
    x = new Float64Array(n);
    const line = lines[outputRow];
    for (let j = 0; j < n; j++) {
      const v = num(line, productCols[j]);
      if (v < 0) throw inputError('negative', 'output is negative', place(line, productCols[j]), line.record.cells[productCols[j]]);
      x[j] = v;
    }
  }
  let categories: string[];
  let Y: Float64Array;
  if (fdCols.length > 0) {
    categories = fdCols.map((c) => header.cells[c].trim());
    const k = fdCols.length;
    Y = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const line = lines[productRows[i]];
      for (let c = 0; c < k; c++) Y[i * k + c] = num(line, fdCols[c]);
    }
  } else {
    if (x === undefined) throw inputError('no-final-demand', 'the table has neither final-demand columns nor an output row', { file, row: header.row });
    categories = ['final_demand'];
    Y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Z[i * n + j];
      Y[i] = x[i] - s;
    }
  }
  if (options.checkTotals === true) {
    for (const t of totalRows) {
      const line = lines[t];
      if (line.label.trim().toLowerCase() !== 'total') continue;
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += Z[i * n + j];
        const v = num(line, productCols[j]);
        if (Math.abs(v - s) > 1e-6 * Math.max(Math.abs(s), 1)) {
          throw inputError('total-mismatch', `total differs from the sum of the product rows (${s})`, place(line, productCols[j]), line.record.cells[productCols[j]]);
        }
      }
    }
  }
  const unit = givenUnit(options.unit) ?? DEFAULT_FLOW_UNIT;
  const extensions: IoExtension[] = [];
  if (primaryRows.length > 0) {
    const F = new Float64Array(primaryRows.length * n);
    primaryRows.forEach((r, s) => {
      const line = lines[r];
      checkModelId(line.label, 'a primary-input row label', { file, row: line.record.row, tableColumn: lc + 1 });
      for (let j = 0; j < n; j++) {
        const v = num(line, productCols[j]);
        if (v < 0) {
          throw inputError(
            'negative',
            'primary input is negative, and a model has no negative use of a resource; leave the row out (skip_rows, or list the rows to read as primary_inputs, in a mapping)',
            place(line, productCols[j]),
            line.record.cells[productCols[j]],
          );
        }
        F[s * n + j] = v;
      }
    });
    extensions.push({
      name: options.extensionName ?? 'factor_inputs',
      stressors: primaryRows.map((r) => ({ id: lines[r].label, unit: givenUnit(options.primaryUnits?.[lines[r].label]) ?? unit })),
      F,
    });
  }
  const region = options.region ?? 'domestic';
  checkModelId(region, 'the region', { file, path: ['region'] });
  return {
    name: options.name ?? basename(file, extname(file)),
    unit,
    regions: [region],
    sectors: products,
    Z,
    categories,
    Y,
    extensions,
    ...(x === undefined ? {} : { x }),
  };
}
