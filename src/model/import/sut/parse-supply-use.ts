import { inputError, type Location } from '../../errors.js';
import type { SupplyUseTables, SutRowBlock } from '../../sut/index.js';
import { classifyColumn, classifyRow, isValueAddedComponent } from '../classify-table-label.js';
import { cellNumber, cellPlace, gridLayout, type GridLayout, type LabelledRow } from './grid-layout.js';
import type { Grid } from './read-grid.js';

/** Supply and use tables read from their published layout, with where each product and industry is. */
export interface ParsedSupplyUse {
  readonly tables: SupplyUseTables;
  readonly read: string[];
  readonly guessed: string[];
  readonly dropped: string[];
  /** The use table's label cell of product i. */
  productPlace(i: number): Location;
  /** The use table's header cell of industry j. */
  industryPlace(j: number): Location;
  /** The use table's cell of product i and industry j. */
  cellPlace(i: number, j: number): Location;
}

/** Columns of a supply table after its industries: imports, margins, taxes on products, totals. */
const SUPPLY_EXTRA = /import|\bcif\b|\bfob\b|margin|tax|subsid|adjust|purchaser|total|supply|^output|\bp7\b|d21|d31/i;

/**
 * Reads a supply table and a use table as offices publish them: products in rows, industries in
 * columns, label columns (code, description) on the left and header rows on top (gridLayout).
 * Supply: the industries are the columns up to the first of imports, margins, taxes or totals;
 * those after them (but totals) are supply from outside domestic production and become negative
 * final-use columns, so that each product's use equals its output; the products are the rows up
 * to a total or output row. Use: the same products in the same order (matched by position when
 * the labels differ, and said so), the same industries, then final-use columns (totals left
 * out); the rows after the products are value added (totals, the output row and a gross value
 * added row whose components are rows too are left out). Negative supply or intermediate use is
 * an InputError at its cell; negative final use and value added are kept.
 */
export function parseSupplyUse(supplyGrid: Grid, useGrid: Grid, unit: string): ParsedSupplyUse {
  const supply = gridLayout(supplyGrid);
  const use = gridLayout(useGrid);
  const read: string[] = [];
  const guessed: string[] = [];
  const dropped: string[] = [];

  // Supply: industries, then the other columns.
  let m = supply.columns.findIndex((c) => SUPPLY_EXTRA.test(c));
  if (m < 0) m = supply.columns.length;
  if (m === 0) throw inputError('no-industries', 'the supply table has no industry columns before its imports, margins, taxes or totals', { file: supply.file, row: supply.headerRow, tableColumn: supply.labelColumns + 1 }, supply.columns[0]);
  const industries = supply.columns.slice(0, m);
  const outside: number[] = [];
  for (let c = m; c < supply.columns.length; c++) {
    const label = supply.columns[c];
    if (label === '' || classifyColumn(label) === 'total' || /total|supply at/i.test(label)) dropped.push(`supply table column ${JSON.stringify(label)} (a total)`);
    else outside.push(c);
  }
  const productEnd = endOfBlock(supply.rows);
  if (productEnd === 0) throw inputError('no-products', 'the supply table has no product rows', { file: supply.file, row: supply.headerRow + 1, tableColumn: 1 });
  const supplyRows = supply.rows.slice(0, productEnd);
  const products = supplyRows.map((r) => r.label);
  for (const r of supply.rows.slice(productEnd)) dropped.push(`supply table row ${JSON.stringify(r.label)} (a total)`);
  const p = products.length;
  const S = new Float64Array(p * m);
  supplyRows.forEach((row, i) => {
    for (let j = 0; j < m; j++) {
      const v = cellNumber(supply, row, j);
      if (v < 0) throw inputError('negative', 'supply is negative', cellPlace(supply, row, j), row.record.cells[supply.labelColumns + j]);
      S[i * m + j] = v;
    }
  });
  read.push(`supply table ${supply.file}: ${p} products × ${m} industries${outside.length > 0 ? `, supply from outside domestic production: ${outside.map((c) => supply.columns[c]).join(', ')}` : ''}`);

  // Use: the same products and industries, then final use; value added below.
  const useIndustries = use.columns.slice(0, m);
  if (use.columns.length < m) throw inputError('label-mismatch', `the use table has ${use.columns.length} data columns, fewer than the supply table's ${m} industries`, { file: use.file, row: use.headerRow, tableColumn: use.labelColumns + use.columns.length }, use.columns[use.columns.length - 1]);
  matchLabels('industry', industries, useIndustries, guessed, (j) => ({ file: use.file, row: use.headerRow, tableColumn: use.labelColumns + j + 1 }));
  if (use.rows.length < p) throw inputError('label-mismatch', `the use table has ${use.rows.length} rows, fewer than the supply table's ${p} products`, { file: use.file, row: use.headerRow, tableColumn: 1 });
  const useRows = use.rows.slice(0, p);
  const early = endOfBlock(useRows);
  if (early < p) throw inputError('label-mismatch', `the use table's row ${early + 1} of products is a total, but the supply table has ${p} products`, { file: use.file, row: useRows[early].record.row, tableColumn: 1 }, useRows[early].label);
  matchLabels('product', products, useRows.map((r) => r.label), guessed, (i) => ({ file: use.file, row: useRows[i].record.row, tableColumn: 1 }));
  const finalColumns: number[] = [];
  for (let c = m; c < use.columns.length; c++) {
    const label = use.columns[c];
    if (label === '' || classifyColumn(label) === 'total') dropped.push(`use table column ${JSON.stringify(label)} (a total)`);
    else finalColumns.push(c);
  }
  const U = new Float64Array(p * m);
  useRows.forEach((row, i) => {
    for (let j = 0; j < m; j++) {
      const v = cellNumber(use, row, j);
      if (v < 0) throw inputError('negative', 'intermediate use is negative', cellPlace(use, row, j), row.record.cells[use.labelColumns + j]);
      U[i * m + j] = v;
    }
  });
  const categories = [...finalColumns.map((c) => use.columns[c]), ...outside.map((c) => supply.columns[c])];
  const k = categories.length;
  const Y = new Float64Array(p * k);
  for (let i = 0; i < p; i++) {
    finalColumns.forEach((c, l) => (Y[i * k + l] = cellNumber(use, useRows[i], c)));
    outside.forEach((c, l) => (Y[i * k + finalColumns.length + l] = 0 - cellNumber(supply, supplyRows[i], c)));
  }
  const rowBlocks = valueAddedRows(use, use.rows.slice(p), m, unit, guessed, dropped);
  read.push(`use table ${use.file}: ${p} products × ${m} industries, ${finalColumns.length} final-use column(s) (${finalColumns.map((c) => use.columns[c]).join(', ')}), ${rowBlocks.length === 0 ? 'no' : rowBlocks[0].rows.length} value-added row(s)`);
  for (const r of [...supply.skipped.map((row) => ({ row, file: supply.file })), ...use.skipped.map((row) => ({ row, file: use.file }))]) dropped.push(`${r.file} row ${r.row} (a label without numbers)`);

  return {
    tables: { products, industries, supply: S, use: U, categories, finalUse: Y, rowBlocks },
    read,
    guessed,
    dropped,
    productPlace: (i) => ({ file: use.file, row: useRows[i].record.row, tableColumn: 1 }),
    industryPlace: (j) => ({ file: use.file, row: use.headerRow, tableColumn: use.labelColumns + j + 1 }),
    cellPlace: (i, j) => cellPlace(use, useRows[i], j),
  };
}

/** Index of the first row that is a total or an output row (the end of the product block). */
function endOfBlock(rows: readonly LabelledRow[]): number {
  const k = rows.findIndex((r) => {
    const role = classifyRow(r.label);
    return role === 'output' || role === 'total';
  });
  return k < 0 ? rows.length : k;
}

function matchLabels(what: string, want: readonly string[], got: readonly string[], guessed: string[], place: (k: number) => Location): void {
  const differ = want.findIndex((w, k) => w !== got[k]);
  if (differ < 0) return;
  if (want.some((w) => got.includes(w))) {
    throw inputError('label-mismatch', `the use table's ${what} ${differ + 1} is ${JSON.stringify(got[differ])} where the supply table has ${JSON.stringify(want[differ])}: the two tables must list the same ${what}s in the same order`, place(differ), got[differ]);
  }
  guessed.push(`the use table's ${what}s carry other labels than the supply table's (${JSON.stringify(got[0])} for ${JSON.stringify(want[0])}): matched by position`);
}

function valueAddedRows(use: GridLayout, rows: readonly LabelledRow[], m: number, unit: string, guessed: string[], dropped: string[]): SutRowBlock[] {
  const hasComponents = rows.some((r) => isValueAddedComponent(r.label));
  const kept: LabelledRow[] = [];
  for (const r of rows) {
    const role = classifyRow(r.label);
    if (role === 'output' || role === 'total') dropped.push(`use table row ${JSON.stringify(r.label)} (a total)`);
    else if (role === 'value-added-total' && hasComponents) dropped.push(`use table row ${JSON.stringify(r.label)} (the total of the value-added rows)`);
    else kept.push(r);
  }
  if (kept.length === 0) return [];
  const seen = new Set<string>();
  for (const r of kept) {
    if (seen.has(r.label)) throw inputError('duplicate-label', 'value-added row label appears twice', { file: use.file, row: r.record.row, tableColumn: 1 }, r.label);
    seen.add(r.label);
  }
  guessed.push(`rows treated as value added: ${kept.map((r) => r.label).join(', ')}`);
  const values = new Float64Array(kept.length * m);
  kept.forEach((r, s) => {
    for (let j = 0; j < m; j++) values[s * m + j] = cellNumber(use, r, j);
  });
  return [{ name: 'factor_inputs', rows: kept.map((r) => r.label), values, valueAdded: true, units: kept.map(() => unit) }];
}
