import { inputError } from '../../errors.js';
import type { SutRowBlock } from '../../sut/index.js';
import type { ParsedSupplyUse } from '../sut/parse-supply-use.js';
import { isBeaTotal, isCommodityOutputTotal, isIndustryOutputTotal, type BeaLine, type BeaSheet } from './bea-sheet.js';

/**
 * BEA's make (or supply) table and use table as supply and use tables, labelled by BEA's codes.
 * Use table: the commodity rows up to the first total (T005, "Total Intermediate"), the industry
 * columns up to the first total (T001), the final uses after it (totals T004, T007, T019 left
 * out; imports F050 are negative there already), the value-added rows between the intermediate
 * total and total industry output (T008, T018; the subtotals T006 and VABAS left out, and the
 * rows below, taxes on products and value added at producers' prices, dropped). The first table
 * is a make table when its title says so (or, without one, its rows are the use table's industries) (industries × commodities, BEA's
 * make–use framework), else a supply table (commodities × industries, the supply–use framework),
 * whose columns that are not industries (imports MCIF, MADJ, margins TRADE, TRANS, taxes MDTY,
 * TOP, SUB) become negative final-use columns, so that each commodity's use is its domestic output.
 * Commodities and industries are matched by code; one missing on either side is a located error,
 * as is a negative entry of the make, supply or intermediate-use table.
 */
export function beaSupplyUse(first: BeaSheet, use: BeaSheet, unit: string): ParsedSupplyUse & { readonly framework: 'make-use' | 'supply-use' } {
  const read: string[] = [];
  const guessed: string[] = [];
  const dropped: string[] = [];
  const endRow = firstTotal(use.rows);
  const commodities = use.rows.slice(0, endRow);
  const endColumn = firstTotal(use.columns);
  const industries = use.columns.slice(0, endColumn);
  if (commodities.length === 0) throw inputError('no-commodities', 'the use table has no commodity rows before its first total', { file: use.file, row: use.headerRow + 1, tableColumn: 1 }, use.rows[0]?.code);
  if (industries.length === 0) throw inputError('no-industries', 'the use table has no industry columns before its first total', { file: use.file, row: use.headerRow, tableColumn: 3 }, use.columns[0]?.code);
  unique(commodities, use, 'row');
  unique(industries, use, 'column');
  const finals = use.columns.slice(endColumn).filter((c) => !isBeaTotal(c));
  const outputRow = use.rows.findIndex(isIndustryOutputTotal);
  const vaLines = use.rows.slice(endRow, outputRow < 0 ? undefined : outputRow).filter((r) => !isBeaTotal(r));
  const totals = [...use.rows.slice(endRow, outputRow < 0 ? undefined : outputRow + 1), ...use.columns.slice(endColumn)].filter(isBeaTotal);
  dropped.push(`totals of the use table (recomputed from the cells): ${totals.map((t) => t.code).join(', ')}`);
  if (outputRow >= 0 && outputRow + 1 < use.rows.length) dropped.push(`use table rows below total industry output (taxes on products, value added at producers’ prices; not inputs of industries at basic prices): ${use.rows.slice(outputRow + 1).map((r) => r.code).join(', ')}`);

  const p = commodities.length;
  const m = industries.length;
  const make = isMakeTable(first, industries);
  const S = new Float64Array(p * m);
  const outside: BeaLine[] = [];
  if (make) {
    const rows = first.rows.slice(0, firstTotal(first.rows));
    const columns = first.columns.slice(0, firstTotal(first.columns));
    const industryAt = align(rows, industries, first, use, 'industry', 'row');
    const commodityAt = align(columns, commodities, first, use, 'commodity', 'column');
    rows.forEach((r, a) => columns.forEach((c, b) => (S[commodityAt[b] * m + industryAt[a]] = nonNegative(first, r, c, 'make'))));
    dropped.push(`totals of the make table: ${[...first.rows.slice(rows.length), ...first.columns.slice(columns.length)].map((t) => t.code).join(', ')}`);
    read.push(`make table ${first.file}: ${rows.length} industries × ${columns.length} commodities`);
  } else {
    const rows = first.rows.slice(0, firstTotal(first.rows));
    const known = new Set(industries.map((c) => c.code));
    const columns = first.columns.filter((c) => known.has(c.code));
    outside.push(...first.columns.filter((c) => !known.has(c.code) && !isBeaTotal(c)));
    const commodityAt = align(rows, commodities, first, use, 'commodity', 'row');
    const industryAt = align(columns, industries, first, use, 'industry', 'column');
    rows.forEach((r, a) => columns.forEach((c, b) => (S[commodityAt[a] * m + industryAt[b]] = nonNegative(first, r, c, 'supply'))));
    dropped.push(`totals of the supply table: ${[...first.rows.slice(rows.length), ...first.columns.filter(isBeaTotal)].map((t) => t.code).join(', ')}`);
    read.push(`supply table ${first.file}: ${rows.length} commodities × ${columns.length} industries; supply from outside domestic production (negative final use): ${outside.map((c) => c.code).join(', ') || 'none'}`);
    guessed.push('the use table is at purchasers’ prices: its flows include margins and taxes on products, which the supply table’s margin and tax columns take back as negative final use');
  }

  const U = new Float64Array(p * m);
  commodities.forEach((r, i) => industries.forEach((c, j) => (U[i * m + j] = nonNegative(use, r, c, 'intermediate use'))));
  const categories = [...finals.map((c) => c.code), ...outside.map((c) => c.code)];
  const k = categories.length;
  const Y = new Float64Array(p * k);
  const supplyRow = make ? undefined : new Map(first.rows.map((r) => [r.code, r]));
  commodities.forEach((r, i) => {
    finals.forEach((c, l) => (Y[i * k + l] = use.value(r, c)));
    const s = supplyRow?.get(r.code);
    if (s !== undefined) outside.forEach((c, l) => (Y[i * k + finals.length + l] = 0 - first.value(s, c)));
  });
  const W = new Float64Array(vaLines.length * m);
  vaLines.forEach((r, v) => industries.forEach((c, j) => (W[v * m + j] = use.value(r, c))));
  const rowBlocks: SutRowBlock[] = vaLines.length === 0 ? [] : [{ name: 'value_added', rows: vaLines.map((r) => r.code), values: W, valueAdded: true, units: vaLines.map(() => unit) }];
  read.push(`use table ${use.file}: ${p} commodities × ${m} industries, final uses ${finals.map((c) => c.code).join(', ') || 'none'}, value added ${vaLines.map((r) => `${r.code} (${r.name})`).join(', ') || 'none'}`);
  const q = new Float64Array(p);
  const g = new Float64Array(m);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < m; j++) {
      q[i] += S[i * m + j];
      g[j] += S[i * m + j];
    }
  }
  const checked = [
    ...checkTotal(use, outputRow < 0 ? undefined : use.rows[outputRow], industries, g, 'column', 'industry output'),
    ...checkTotal(use, use.columns.find(isCommodityOutputTotal), commodities, q, 'row', 'commodity output'),
    ...(make ? [] : checkTotal(first, first.columns.find(isCommodityOutputTotal), first.rows.slice(0, p), q, 'row', 'commodity output')),
  ];
  if (checked.length > 0) read.push(`published totals agree with the make (supply) table to rounding: ${checked.join(', ')}`);
  const dots = first.dots + use.dots;
  if (dots > 0) read.push(`${dots} cells "..." (BEA: zero or less than half a unit) read as 0`);
  return {
    framework: make ? 'make-use' : 'supply-use',
    tables: { products: commodities.map((r) => r.code), industries: industries.map((c) => c.code), supply: S, use: U, categories, finalUse: Y, rowBlocks },
    read,
    guessed,
    dropped,
    productPlace: (i) => ({ file: use.file, row: commodities[i].index, tableColumn: 1 }),
    industryPlace: (j) => ({ file: use.file, row: use.headerRow, tableColumn: industries[j].index }),
    cellPlace: (i, j) => use.place(commodities[i], industries[j]),
  };
}

function firstTotal(lines: readonly BeaLine[]): number {
  const t = lines.findIndex(isBeaTotal);
  return t < 0 ? lines.length : t;
}

/** A make table by its title ("The Make of Commodities by Industries"), a supply table by its ("Supply of Commodities …"); else a make table when its rows are the use table's industries. */
function isMakeTable(first: BeaSheet, industries: readonly BeaLine[]): boolean {
  const title = first.title.join(' ');
  if (/\bmake\b/i.test(title)) return true;
  if (/\bsupply\b/i.test(title)) return false;
  const codes = new Set(industries.map((t) => t.code));
  return first.rows.slice(0, firstTotal(first.rows)).every((l) => codes.has(l.code));
}

function unique(lines: readonly BeaLine[], sheet: BeaSheet, kind: 'row' | 'column'): void {
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.code)) throw inputError('duplicate-label', `the code appears in two ${kind}s`, kind === 'row' ? { file: sheet.file, row: l.index, tableColumn: 1 } : { file: sheet.file, row: sheet.headerRow, tableColumn: l.index }, l.code);
    seen.add(l.code);
  }
}

/** Position in the use table's `targets` of each of `lines` (matched by code); a code on one side only is a located error. */
function align(lines: readonly BeaLine[], targets: readonly BeaLine[], sheet: BeaSheet, use: BeaSheet, what: string, kind: 'row' | 'column'): number[] {
  unique(lines, sheet, kind);
  const at = new Map(targets.map((t, i) => [t.code, i]));
  const where = (l: BeaLine): { file: string; row: number; tableColumn: number } => (kind === 'row' ? { file: sheet.file, row: l.index, tableColumn: 1 } : { file: sheet.file, row: sheet.headerRow, tableColumn: l.index });
  const out = lines.map((l) => {
    const i = at.get(l.code);
    if (i === undefined) throw inputError('unknown-code', `${what} ${JSON.stringify(l.code)} (${l.name}) is not one of the use table's ${what === 'industry' ? 'industry columns' : 'commodity rows'}`, where(l), l.code);
    return i;
  });
  const have = new Set(lines.map((l) => l.code));
  const missing = targets.find((t) => !have.has(t.code));
  if (missing !== undefined) {
    const place = what === 'industry' ? { file: use.file, row: use.headerRow, tableColumn: missing.index } : { file: use.file, row: missing.index, tableColumn: 1 };
    throw inputError('unknown-code', `the use table's ${what} ${JSON.stringify(missing.code)} (${missing.name}) is not in ${sheet.file}`, place, missing.code);
  }
  return out;
}

function nonNegative(sheet: BeaSheet, row: BeaLine, column: BeaLine, what: string): number {
  const v = sheet.value(row, column);
  if (v < 0) throw inputError('negative', `${what} is negative (${row.code} × ${column.code}); a model has no negative inputs or outputs`, sheet.place(row, column), v);
  return v;
}

/**
 * Checks a published total (the use table's total industry output row, a total commodity output
 * column) against the output the make (supply) table gives, to BEA's rounding: a difference beyond
 * 1% of the larger, or beyond half a unit per cell summed, is a located error. Returns what it checked.
 */
function checkTotal(sheet: BeaSheet, total: BeaLine | undefined, lines: readonly BeaLine[], want: Float64Array, kind: 'row' | 'column', what: string): string[] {
  if (total === undefined) return [];
  const allowance = 0.5 * (want.length + 1);
  lines.forEach((l, i) => {
    const v = kind === 'column' ? sheet.value(total, l) : sheet.value(l, total);
    if (Math.abs(v - want[i]) > Math.max(allowance, 0.01 * Math.max(Math.abs(v), Math.abs(want[i])))) {
      throw inputError('total-mismatch', `published ${what} of ${l.code} (${total.code}) is ${v}, but the make (supply) table's cells add up to ${want[i]}`, kind === 'column' ? sheet.place(total, l) : sheet.place(l, total), v);
    }
  });
  return [`${total.code} in ${sheet.file}`];
}
