import type { TotalOf, TotalsCheck } from './check-table-totals.js';
import type { IntermediateBlock } from './find-intermediate-block.js';
import { cellText, type TableLayout } from './find-table-layout.js';
import type { TableAccounts } from './read-table-accounts.js';
import type { TableGrid } from './read-table-grid.js';
import { NEGATIVE_PART_SUFFIX } from './split-negative-stressors.js';
import type { TableLine } from './table-lines.js';
import type { LineRole } from './table-roles.js';
import type { ImportNotes } from './types.js';

/** Everything an import of a table decided, for its notes. */
export interface TableFacts {
  readonly grid: TableGrid;
  readonly layout: TableLayout;
  readonly block: IntermediateBlock;
  readonly rows: readonly TableLine[];
  readonly cols: readonly TableLine[];
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
  readonly roles: { readonly rows: readonly LineRole[]; readonly cols: readonly LineRole[] };
  readonly checks: { readonly rows: TotalsCheck; readonly cols: TotalsCheck } | undefined;
  readonly accounts: TableAccounts;
  readonly categories: readonly string[];
  readonly split: readonly string[];
  readonly zeroOutput: readonly string[];
  readonly unit: { readonly value: string; readonly given: boolean };
  readonly tolerance: number;
  readonly monetary: boolean;
  /** What the mapping or the options stated rather than left to a guess: the notes list it as read. */
  readonly given?: { readonly layout: boolean; readonly products: boolean; readonly finalDemand: boolean; readonly primaryInputs: boolean };
}

const LISTED = 12;

/** A list for a sentence, the first LISTED items and how many more. */
export function listed(items: readonly string[]): string {
  if (items.length <= LISTED) return items.join(', ');
  return `${items.slice(0, LISTED).join(', ')} … and ${items.length - LISTED} more`;
}

const OF: Readonly<Record<TotalOf, string>> = {
  products: 'the sum of the products',
  'run-before': 'the sum of the lines before it',
  'all-before': 'the sum of everything before it',
  'outer-before': 'the sum of the primary inputs or final uses before it',
  'run-after': 'the sum of the lines after it',
};

function range(a: number, b: number): string {
  return a === b ? String(a) : `${a}–${b}`;
}

function readNotes(f: TableFacts): string[] {
  const { block, rows, cols, accounts } = f;
  const n = block.rows.length;
  const source = f.grid.read.join('; ');
  const out = [
    `${source}: ${n} products (rows ${range(rows[block.rows[0]].place, rows[block.rows[n - 1]].place)}, columns ${range(cols[block.cols[0]].place, cols[block.cols[n - 1]].place)}), ${accounts.finalCols.length} final-use columns, ${accounts.primaryRows.length} primary-input rows`,
  ];
  const x = accounts.xFrom;
  if (x === undefined) out.push('x: the row sums of Z and Y (the table states no output)');
  else if (x.axis === 'row' && f.checks?.rows.verdicts[x.line].role === 'output') out.push(`x from the output row ${f.roles.rows[x.line].name}`);
  else if (x.axis === 'row') out.push(`x from the total row ${f.roles.rows[x.line].name}, the sum of all inputs (the table has no output row)`);
  else out.push(`x from the total column ${f.roles.cols[x.line].name}, the sum of all uses (the table has no output row)`);
  return out;
}

function layoutNotes(f: TableFacts): string[] {
  const { layout, block, cols } = f;
  const L = layout.labelColumns;
  const heads = Array.from({ length: L }, (_, c) => layout.headerRows.map((h) => cellText(h.cells[c])).find((t) => t !== '') ?? '').map((h, c) => (h === '' ? `${c + 1}` : `${c + 1} ${JSON.stringify(h)}`));
  const out = [`label columns: ${heads.join(', ')}; header rows: ${layout.headerRows.map((r) => r.row).join(', ')}`];
  if (layout.numericLabelColumns.length > 0) out.push(`columns ${layout.numericLabelColumns.map((c) => c + 1).join(', ')} hold numbers read as labels (a running number, a quadrant code)`);
  const ids = block.rows.map((i) => f.rowIds[i]);
  const idHead = heads[block.idColumn];
  if (block.byPosition) {
    const colLabels = block.cols.map((j) => cols[j].labels.find((l) => l !== '') ?? '');
    out.push(`the block's rows (${listed(ids)}) and columns (${listed(colLabels)}) carry different labels and are matched by position; product ids from label column ${idHead}`);
  } else {
    out.push(`product ids from label column ${idHead}, the same labels as header row ${layout.headerRows[block.labelRow ?? 0].row}: ${listed(ids)}`);
  }
  return out;
}

function roleNotes(f: TableFacts): string[] {
  const { roles, accounts } = f;
  const out: string[] = [];
  const finals = accounts.finalCols.map((j) => f.colIds[j]);
  if (finals.length > 0) out.push(`final-use columns: ${listed(finals)}`);
  else out.push('no final-use columns: final demand is output minus the row sums of Z (one category, final_demand)');
  const unknownCols = accounts.finalCols.filter((j) => roles.cols[j].recognised === undefined && !roles.cols[j].mapped).map((j) => f.colIds[j]);
  if (unknownCols.length > 0) out.push(`columns not recognised, read as final use: ${listed(unknownCols)}`);
  const primaries = accounts.primaryRows.map((i) => f.rowIds[i]);
  if (primaries.length > 0) out.push(`rows treated as primary inputs: ${listed(primaries)}`);
  const unknownRows = accounts.primaryRows.filter((i) => roles.rows[i].recognised === undefined && !roles.rows[i].mapped).map((i) => f.rowIds[i]);
  if (unknownRows.length > 0) out.push(`rows not recognised, read as primary inputs in money: ${listed(unknownRows)}`);
  return out;
}

function totalNotes(f: TableFacts): string[] {
  const out: string[] = [];
  if (f.checks === undefined) return ['totals not checked (check_totals: false)'];
  for (const [axis, check, roles] of [
    ['row', f.checks.rows, f.roles.rows],
    ['column', f.checks.cols, f.roles.cols],
  ] as const) {
    const totals = check.verdicts.flatMap((v, k) => (v.of !== undefined && v.role !== 'subtotal' ? [`${roles[k].name}: ${OF[v.of]}`] : []));
    if (totals.length > 0) out.push(`${axis} totals checked: ${listed(totals)}`);
    const subtotals = check.verdicts.flatMap((v, k) => (v.role === 'subtotal' && v.of !== undefined ? [`${roles[k].name}: ${OF[v.of]}`] : []));
    if (subtotals.length > 0) out.push(axis === 'row' ? `rows that are subtotals of other primary inputs, checked and kept as accounts of their own: ${listed(subtotals)}` : `final-use columns that are subtotals of others, checked and not read: ${listed(subtotals)}`);
    const unchecked = check.verdicts.flatMap((v, k) => (v.of === undefined && (v.role === 'output' || v.role === 'total') ? [roles[k].name] : []));
    if (unchecked.length > 0) out.push(`not checked against sums${axis === 'row' && !f.monetary ? ' (the table has no value-added rows: in physical units?)' : ''}: ${listed(unchecked)}`);
    const diffs = check.discrepancies.map((d) => {
      const rel = Math.abs(d.stated - d.sum) / Math.max(Math.abs(d.stated), Math.abs(d.sum));
      const crossName = axis === 'row' ? f.roles.cols[d.cross].name : f.roles.rows[d.cross].name;
      return `${roles[d.line].name} at ${crossName}: stated ${d.stated}, sum ${d.sum} (${rel.toPrecision(2)} relative)`;
    });
    if (diffs.length > 0) out.push(`totals that differ from their sums by more than rounding, within the tolerance ${f.tolerance}: ${listed(diffs)}`);
  }
  return out;
}

function accountNotes(f: TableFacts): string[] {
  const out: string[] = [];
  out.push(f.unit.given ? `flows in ${f.unit.value}` : `flows in "${f.unit.value}" (the default; name the currency with --unit)`);
  if (f.accounts.guessedUnits.length > 0) out.push(`rows in units of their own (give primary_units in a mapping): ${listed(f.accounts.guessedUnits.map(([id, u]) => `${id} (${u})`))}`);
  if (f.split.length > 0) out.push(`rows with negative entries, each split into two accounts that are never negative (the row is the first minus the second): ${listed(f.split.map((id) => `${id} → "${id}" and "${id}${NEGATIVE_PART_SUFFIX}"`))}`);
  if (f.zeroOutput.length > 0) out.push(`products without output, kept with no inputs (A's column is 0, as pymrio masks them): ${listed(f.zeroOutput)}`);
  return out;
}

function droppedNotes(f: TableFacts): string[] {
  const out: string[] = [];
  const { layout } = f;
  for (const r of layout.marginRows) out.push(`row ${r.row} ${JSON.stringify(r.cells.map(cellText).find((t) => t !== '') ?? '')} (a title or note)`);
  for (const r of layout.headingRows) out.push(`row ${r.row} ${JSON.stringify(r.cells.map(cellText).filter((t) => t !== '').join(' '))} (no numbers)`);
  if (layout.emptyColumns.length > 0) out.push(`columns ${layout.emptyColumns.map((c) => c + 1).join(', ')} (no numbers)`);
  for (const [axis, roles, check] of [
    ['row', f.roles.rows, f.checks?.rows],
    ['column', f.roles.cols, f.checks?.cols],
  ] as const) {
    const totals = roles.flatMap((r, k) => {
      const role = check?.verdicts[k].role ?? r.kind;
      if (role === 'total' || (role === 'output' && axis === 'row' && f.accounts.xFrom?.line !== k)) return [r.name];
      if (role === 'subtotal' && axis === 'column') return [r.name];
      return [];
    });
    if (totals.length > 0) out.push(`${axis === 'row' ? 'rows' : 'columns'} of totals (not read): ${listed(totals)}`);
    const other = roles.flatMap((r) => (r.dropped === undefined ? [] : [`${r.name} (${r.dropped})`]));
    if (other.length > 0) out.push(`${axis === 'row' ? 'rows' : 'columns'} not read: ${listed(other)}`);
  }
  return out;
}

/** Whether a note of layoutNotes, roleNotes or accountNotes states what the mapping or the options gave, by its opening words. */
function stated(f: TableFacts, note: string): boolean {
  const g = f.given;
  if (note.startsWith('flows in ')) return f.unit.given;
  if (g === undefined) return false;
  if (note.startsWith('label columns: ')) return g.layout;
  if (note.startsWith('product ids from ') || note.startsWith("the block's rows ")) return g.products;
  if (note.startsWith('final-use columns: ') || note.startsWith('no final-use columns')) return g.finalDemand;
  if (note.startsWith('rows treated as primary inputs: ')) return g.primaryInputs;
  return false;
}

/**
 * The notes of a table import: what was read (and what the mapping or the options stated), what
 * was guessed (and can be overridden with --mapping), what was dropped.
 */
export function tableNotes(f: TableFacts): ImportNotes {
  const notes = [...layoutNotes(f), ...roleNotes(f), ...totalNotes(f), ...accountNotes(f)];
  return {
    read: [...readNotes(f), ...notes.filter((n) => stated(f, n))],
    guessed: notes.filter((n) => !stated(f, n)),
    dropped: droppedNotes(f),
  };
}
