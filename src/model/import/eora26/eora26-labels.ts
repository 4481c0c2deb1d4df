import { inputError } from '../../errors.js';
import { didYouMean } from '../../suggest.js';
import { checkModelId } from '../model-id.js';
import { parseDelimited } from '../read-delimited.js';

/** One line of an Eora label file: its 1-based row in the file and its cells, trimmed (trailing empty cells left out). */
export interface LabelRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The lines of a tab-separated Eora label file (`labels_T.txt` …); blank lines are left out. */
export function labelRows(text: string, file: string): LabelRow[] {
  const out: LabelRow[] = [];
  for (const r of parseDelimited(text, file, { delimiter: '\t' }).rows) {
    const cells = r.cells.map((c) => c.trim());
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) out.push({ row: r.row, cells });
  }
  return out;
}

/** Eora's code of the rest of the world, the region where it books its statistical discrepancies. */
export const EORA_REST_OF_WORLD = 'ROW';

/** A sector (or final-demand category) that holds Eora's statistical discrepancies. */
export function isDiscrepancyLabel(label: string): boolean {
  return /^statistical discrepanc/i.test(label);
}

/**
 * The layout of one axis of Eora's tables (the products of T, or the final-demand columns of FD):
 * the kept regions, the inner labels (sectors or categories) every kept region has in the same
 * order, and for each line of the label file its position in the kept grid (r · inner + s), or −1
 * when it is dropped.
 */
export interface AxisLayout {
  readonly file: string;
  readonly regions: readonly string[];
  readonly inner: readonly string[];
  /** Per line of the label file (0-based, in file order): the kept position, or −1. */
  readonly position: Int32Array;
  /** Lines dropped, with why: the rest of the world, or a statistical-discrepancy sector or category. */
  readonly dropped: readonly { readonly region: string; readonly inner: string; readonly why: 'rest-of-world' | 'discrepancy' }[];
  /** Full names of the kept regions (the first column), by code. */
  readonly regionNames: ReadonlyMap<string, string>;
}

/**
 * Reads `labels_T.txt` or `labels_FD.txt`: four columns (country name, country code, "Industries"
 * or "Final Demand", sector or category). Regions are identified by their code (column 2), in the
 * order they first appear, each in one block of lines; every kept region must list the same
 * sectors (categories) in the same order. The rest of the world (ROW) and sectors or categories
 * named "Statistical discrepancies" are dropped. With `regionsOf` (the layout of T), the regions
 * of FD must be T's, in T's order: a code T does not have is an InputError.
 */
export function axisLayout(rows: readonly LabelRow[], file: string, innerName: 'sector' | 'category', regionsOf?: AxisLayout): AxisLayout {
  const plural = innerName === 'sector' ? 'sectors' : 'categories';
  const position = new Int32Array(rows.length).fill(-1);
  const regions: string[] = [];
  const names = new Map<string, string>();
  const inner: string[] = [];
  const dropped: { region: string; inner: string; why: 'rest-of-world' | 'discrepancy' }[] = [];
  const known = regionsOf === undefined ? undefined : new Set([...regionsOf.regions, ...regionsOf.dropped.map((d) => d.region)]);
  let k = 0;
  let lastRow = 0;
  const complete = (): void => {
    if (regions.length > 1 && k !== inner.length) {
      throw inputError('bad-grid', `region ${regions[regions.length - 1]} lists ${k} ${plural} where ${regions[0]} lists ${inner.length}`, { file, row: lastRow, tableColumn: 4 }, regions[regions.length - 1]);
    }
  };
  rows.forEach((line, i) => {
    if (line.cells.length < 4) {
      throw inputError('ragged-row', `a line has four cells (country, code, kind, ${innerName}); this one has ${line.cells.length}`, { file, row: line.row, tableColumn: line.cells.length + 1 }, line.cells.join('\t'));
    }
    const [name, code, , label] = line.cells;
    const at = { file, row: line.row, tableColumn: 2 };
    if (known !== undefined && !known.has(code)) {
      throw inputError('unknown-region', `country code not among the regions of labels_T.txt${didYouMean(code, known)}`, at, code);
    }
    if (code === EORA_REST_OF_WORLD || isDiscrepancyLabel(label)) {
      dropped.push({ region: code, inner: label, why: code === EORA_REST_OF_WORLD ? 'rest-of-world' : 'discrepancy' });
      return;
    }
    if (code !== regions[regions.length - 1]) {
      complete();
      if (names.has(code)) throw inputError('bad-grid', 'the lines of a region must follow each other; this region appeared before', at, code);
      checkModelId(code, 'a country code', at);
      regions.push(code);
      names.set(code, name);
      k = 0;
    }
    const place = { file, row: line.row, tableColumn: 4 };
    if (regions.length === 1) {
      if (inner.includes(label)) throw inputError('duplicate-label', `${innerName} appears twice in region ${code}`, place, label);
      checkModelId(label, `a ${innerName}`, place);
      inner.push(label);
    } else if (inner[k] !== label) {
      const want = inner[k] === undefined ? `no more than the ${inner.length} ${plural} of ${regions[0]}` : `${innerName} ${JSON.stringify(inner[k])}`;
      throw inputError('bad-grid', `expected ${want}: every region lists the ${plural} of the first (${regions[0]}) in the same order`, place, label);
    }
    position[i] = (regions.length - 1) * inner.length + k;
    k++;
    lastRow = line.row;
  });
  complete();
  if (regionsOf !== undefined) checkSameRegions(regions, regionsOf.regions, rows, file);
  return { file, regions, inner, position, dropped, regionNames: names };
}

/** The regions of final demand must be those of T in T's order. */
function checkSameRegions(regions: readonly string[], want: readonly string[], rows: readonly LabelRow[], file: string): void {
  for (let q = 0; q < Math.max(regions.length, want.length); q++) {
    if (regions[q] === want[q]) continue;
    const missing = want[q];
    const line = rows.find((l) => l.cells[1] === regions[q]);
    throw inputError(
      'bad-grid',
      missing === undefined || regions.includes(missing)
        ? `the regions of final demand must be those of labels_T.txt in the same order (expected ${JSON.stringify(missing ?? '')} here)`
        : `region ${missing} of labels_T.txt has no final demand here`,
      { file, row: line?.row ?? (rows[rows.length - 1]?.row ?? 0) + 1, tableColumn: 2 },
      regions[q] ?? missing,
    );
  }
}

/** One satellite row (a value-added component or a stressor of Q): its id, unit and the line it is on. */
export interface StressorLabel {
  readonly id: string;
  readonly unit: string;
  /** pymrio's two labels of the row (its index in pymrio's F), for comparisons. */
  readonly labels: readonly [string, string];
  readonly row: number;
}

/**
 * `labels_VA.txt`: two columns, a group ("Primary Inputs") and the component ("Compensation of
 * employees D.1"); the component is the id (the group if the component is blank), in `unit`.
 */
export function valueAddedLabels(rows: readonly LabelRow[], file: string, unit: string): StressorLabel[] {
  return uniqueIds(
    rows.map((line) => {
      const group = line.cells[0] ?? '';
      const item = line.cells[1] ?? '';
      return { id: item === '' ? group : item, unit, labels: [group, item] as const, row: line.row };
    }),
    file,
  );
}

/**
 * `labels_Q.txt`: a stressor with its unit in parentheses ("CO2 emissions (Gg)") and a
 * compartment or source ("1A1 Energy industries"). The unit is the text of the last parenthesised
 * group that ends the name (none: "unspecified"), the id the name without it, then "/" and the
 * compartment when there is one: `CO2 emissions/1A1 Energy industries`.
 */
export function satelliteLabels(rows: readonly LabelRow[], file: string, noUnit: string): StressorLabel[] {
  return uniqueIds(
    rows.map((line) => {
      const full = line.cells[0] ?? '';
      const compartment = line.cells[1] ?? '';
      const m = /^(.*?)\s*\(([^()]*)\)$/.exec(full);
      const name = m === null ? full : m[1];
      const unit = m === null || m[2].trim() === '' ? noUnit : m[2].trim();
      return { id: compartment === '' ? name : `${name}/${compartment}`, unit, labels: [name, compartment] as const, row: line.row };
    }),
    file,
  );
}

function uniqueIds(labels: StressorLabel[], file: string): StressorLabel[] {
  const seen = new Map<string, number>();
  for (const l of labels) {
    const at = { file, row: l.row, tableColumn: 1 };
    if (l.id === '') throw inputError('missing-label', 'empty label', at, '');
    checkModelId(l.id, 'a satellite label', at);
    const first = seen.get(l.id);
    if (first !== undefined) throw inputError('duplicate-label', `the same label as row ${first}`, at, l.id);
    seen.set(l.id, l.row);
  }
  return labels;
}
