import { classifyColumnLabels, classifyRowLabels, isMoneyRow, type ColumnKind, type RowKind } from './classify-table-label.js';
import type { TotalKind, TotalsLine } from './check-table-totals.js';
import type { IntermediateBlock } from './find-intermediate-block.js';
import type { TableLine } from './table-lines.js';

/** What is read from a line: a product of the block, a primary input (row), a final-use category (column), or nothing. */
export type LineRead = 'product' | 'primary' | 'final' | 'none';

/** The part a data row or column plays: its kind for the totals check, what is read from it, and why (for the notes). */
export interface LineRole extends TotalsLine {
  readonly read: LineRead;
  /** What its labels were recognised as; undefined when not recognised. */
  readonly recognised?: RowKind | ColumnKind;
  /** Set by the mapping rather than guessed. */
  readonly mapped: boolean;
  /** Why a line that is not a total is not read (skip_rows, not in primary_inputs, a statistical discrepancy). */
  readonly dropped?: string;
}

/** Lines the mapping names for each part (indices into the data rows or columns). */
export interface MappedLines {
  readonly skip: ReadonlySet<number>;
  readonly total: ReadonlySet<number>;
  readonly output?: number;
  /** Primary-input rows or final-use columns, when the mapping lists them (then no other is read). */
  readonly read?: ReadonlySet<number>;
}

function name(line: TableLine, id: string, axis: 'row' | 'column'): string {
  return `${JSON.stringify(id)} (${axis} ${line.place})`;
}

/**
 * The roles of the data rows: the block's rows are products; after it, what the mapping says,
 * else what the labels say (classifyRowLabels): the first output row gives x, further ones and
 * totals are checked, value added and total employment are subtotals where their components are
 * rows too, statistical discrepancies are not read, and every other row is a primary input
 * (unrecognised ones too, in money).
 */
export function rowRoles(rows: readonly TableLine[], ids: readonly string[], block: IntermediateBlock, mapped: MappedLines): LineRole[] {
  const inBlock = new Set(block.rows);
  let output = mapped.output;
  return rows.map((line, i): LineRole => {
    const n = name(line, ids[i], 'row');
    if (inBlock.has(i)) return { kind: 'product', money: true, name: n, read: 'product', mapped: false };
    const recognised = classifyRowLabels(line.labels);
    const money = isMoneyRow(recognised) || recognised === 'discrepancy' || recognised === 'output' || recognised === 'total';
    const base = { money, name: n, ...(recognised === undefined ? {} : { recognised }) };
    if (mapped.skip.has(i)) return { ...base, kind: 'skip', counted: recognised !== 'output' && recognised !== 'total', read: 'none', mapped: true, dropped: 'skip_rows' };
    if (i === mapped.output) return { ...base, kind: 'output', read: 'none', mapped: true };
    if (mapped.total.has(i)) return { ...base, kind: 'total', read: 'none', mapped: true };
    const kind: TotalKind = recognised === 'value-added' || recognised === 'employment-total' ? 'subtotal' : 'part';
    if (mapped.read?.has(i) === true) return { ...base, kind, read: 'primary', mapped: true };
    if (recognised === 'output' && output === undefined) {
      output = i;
      return { ...base, kind: 'output', read: 'none', mapped: false };
    }
    if (recognised === 'output' || recognised === 'total') return { ...base, kind: 'total', read: 'none', mapped: false };
    if (mapped.read !== undefined) return { ...base, kind, read: 'none', mapped: true, dropped: 'not in primary_inputs' };
    if (recognised === 'discrepancy') return { ...base, kind, read: 'none', mapped: false, dropped: 'a statistical discrepancy' };
    return { ...base, kind, read: 'primary', mapped: false };
  });
}

/**
 * The roles of the data columns: the block's columns are products; after it, what the mapping
 * says, else what the labels say (classifyColumnLabels): totals are checked, statistical
 * discrepancies are not read, and every other column is final use (unrecognised ones too);
 * final-use columns that turn out to be the sum of their neighbours (P3 of S13, S14, S15) are
 * subtotals, checked and not read.
 */
export function columnRoles(cols: readonly TableLine[], ids: readonly string[], block: IntermediateBlock, mapped: MappedLines): LineRole[] {
  const inBlock = new Set(block.cols);
  return cols.map((line, j): LineRole => {
    const n = name(line, ids[j], 'column');
    if (inBlock.has(j)) return { kind: 'product', money: true, name: n, read: 'product', mapped: false };
    const recognised = classifyColumnLabels(line.labels);
    const base = { money: true, name: n, ...(recognised === undefined ? {} : { recognised }) };
    if (mapped.skip.has(j)) return { ...base, kind: 'skip', counted: recognised !== 'total', read: 'none', mapped: true, dropped: 'skip_columns' };
    if (mapped.total.has(j)) return { ...base, kind: 'total', read: 'none', mapped: true };
    if (mapped.read !== undefined) {
      if (mapped.read.has(j)) return { ...base, kind: 'part', read: 'final', mapped: true };
      if (recognised === 'total') return { ...base, kind: 'total', read: 'none', mapped: false };
      return { ...base, kind: 'part', read: 'none', mapped: true, dropped: 'not in final_demand' };
    }
    if (recognised === 'total') return { ...base, kind: 'total', read: 'none', mapped: false };
    if (recognised === 'discrepancy') return { ...base, kind: 'part', read: 'none', mapped: false, dropped: 'a statistical discrepancy' };
    return { ...base, kind: 'part', read: 'final', mapped: false };
  });
}
