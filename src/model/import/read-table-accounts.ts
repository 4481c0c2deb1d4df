import type { TotalsCheck } from './check-table-totals.js';
import { DEFAULT_STRESSOR_UNIT } from './default-units.js';
import type { IntermediateBlock } from './find-intermediate-block.js';
import { checkModelId } from './model-id.js';
import { readIntermediateFlows, readOutputLine, tableCells } from './table-cells.js';
import type { TableLine } from './table-lines.js';
import type { TableNumbers } from './table-numbers.js';
import type { LineRole } from './table-roles.js';
import type { IoExtension } from './types.js';

/** Where x comes from: the output row, a total row that is the sum of all inputs, or a total column that is the sum of all uses. */
export interface OutputSource {
  readonly axis: 'row' | 'column';
  readonly line: number;
}

/** The accounts read from a table's numbers, before negative primary inputs are split. */
export interface TableAccounts {
  readonly Z: Float64Array;
  /** Final-use columns read (indices into the data columns). */
  readonly finalCols: readonly number[];
  readonly Y: Float64Array;
  readonly x?: Float64Array;
  readonly xFrom?: OutputSource;
  /** Primary-input rows read (indices into the data rows), in the order of the extensions' stressors. */
  readonly primaryRows: readonly number[];
  readonly extensions: readonly IoExtension[];
  /** Rows given a unit of their own guessed from their labels or the default, with the unit, for the notes. */
  readonly guessedUnits: readonly (readonly [string, string])[];
}

export interface AccountOptions {
  readonly file: string;
  readonly unit: string;
  readonly primaryUnits?: Readonly<Record<string, string>>;
  readonly emptyIsZero: boolean;
  readonly extensionName: string;
  readonly rowIds: readonly string[];
}

/** The unit a row's labels state in brackets at their end ("Employment (1000 persons)", "CO2 [kt]"). */
function unitInLabels(line: TableLine): string | undefined {
  for (const l of line.labels) {
    const m = /[([]([^()[\]]*[A-Za-z][^()[\]]*)[)\]]\s*$/.exec(l);
    if (m !== null && m.index > 0) return m[1].trim();
  }
  return undefined;
}

/** Where x comes from (see OutputSource), if the table states it. */
function outputSource(rowCheck: TotalsCheck, colCheck: TotalsCheck): OutputSource | undefined {
  const out = rowCheck.verdicts.findIndex((v) => v.role === 'output');
  if (out >= 0) return { axis: 'row', line: out };
  const rowTotal = rowCheck.verdicts.findIndex((v) => v.role === 'total' && v.of === 'all-before');
  if (rowTotal >= 0) return { axis: 'row', line: rowTotal };
  const colTotal = colCheck.verdicts.findIndex((v) => v.role === 'total' && v.of === 'all-before');
  if (colTotal >= 0) return { axis: 'column', line: colTotal };
  return undefined;
}

/**
 * Reads Z (block), Y (block rows × final-use columns), x (see OutputSource) and the primary inputs
 * (F: rows × block columns, F_Y: rows × final-use columns) from a table's numbers. Empty cells of
 * Z, Y and x are InputErrors unless `emptyIsZero`; in primary-input rows they are 0. Negative
 * intermediate flows and outputs, and negative persons, jobs or hours, are InputErrors naming the
 * cell. Primary inputs in money are in the flows' unit; persons, hours and emissions in the unit
 * the mapping gives, else the one their labels state in brackets, else "unspecified". Emission
 * rows form the extension `emissions`, the others `extensionName`.
 */
export function readTableAccounts(numbers: TableNumbers, block: IntermediateBlock, rows: readonly TableLine[], roles: { rows: readonly LineRole[]; cols: readonly LineRole[] }, checks: { rows: TotalsCheck; cols: TotalsCheck }, o: AccountOptions): TableAccounts {
  const cells = tableCells(numbers, o.emptyIsZero);
  const cell = cells.value;
  const n = block.rows.length;
  const Z = readIntermediateFlows(cells, block.rows, block.cols);

  const finalCols = roles.cols.flatMap((r, j) => (r.read === 'final' && checks.cols.verdicts[j].role === 'part' ? [j] : []));
  const K = finalCols.length;
  const Y = new Float64Array(n * K);
  for (let a = 0; a < n; a++) for (let c = 0; c < K; c++) Y[a * K + c] = cell(block.rows[a], finalCols[c], 'final use', 'error');

  const xFrom = outputSource(checks.rows, checks.cols);
  const x = xFrom === undefined ? undefined : readOutputLine(cells, xFrom.axis, xFrom.line, xFrom.axis === 'row' ? block.cols : block.rows);

  const primaryRows = roles.rows.flatMap((r, i) => (r.read === 'primary' && (checks.rows.verdicts[i].role === 'part' || checks.rows.verdicts[i].role === 'subtotal') ? [i] : []));
  const guessedUnits: [string, string][] = [];
  const groups = new Map<string, number[]>();
  for (const i of primaryRows) {
    const ext = roles.rows[i].recognised === 'emission' ? 'emissions' : o.extensionName;
    groups.set(ext, [...(groups.get(ext) ?? []), i]);
  }
  const extensions: IoExtension[] = [];
  for (const [name, members] of groups) {
    const F = new Float64Array(members.length * n);
    const FY = new Float64Array(members.length * K);
    const stressors = members.map((i, s) => {
      const id = o.rowIds[i];
      checkModelId(id, 'a primary-input row label', { file: o.file, row: rows[i].place, tableColumn: block.idColumn + 1 });
      const quantity = !roles.rows[i].money;
      for (let b = 0; b < n; b++) {
        const v = cell(i, block.cols[b], 'a primary input', 'zero');
        F[s * n + b] = quantity && roles.rows[i].recognised !== 'emission' ? cells.nonNegative(i, block.cols[b], 'a number of persons, jobs or hours', 'zero') : v;
      }
      for (let c = 0; c < K; c++) FY[s * K + c] = cell(i, finalCols[c], 'a primary input', 'zero');
      let unit = o.primaryUnits?.[id];
      if (unit === undefined && quantity) {
        unit = unitInLabels(rows[i]) ?? DEFAULT_STRESSOR_UNIT;
        guessedUnits.push([id, unit]);
      }
      return { id, unit: unit ?? o.unit };
    });
    extensions.push({ name, stressors, F, ...(FY.some((v) => v !== 0) ? { FY } : {}) });
  }
  return { Z, finalCols, Y, ...(x === undefined ? {} : { x }), ...(xFrom === undefined ? {} : { xFrom }), primaryRows, extensions, guessedUnits };
}
