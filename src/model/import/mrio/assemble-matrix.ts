import { checkModelId } from '../model-id.js';
import type { IoExtension, IoTable } from '../types.js';
import { checkTotals, outputFromStated } from './check-output.js';
import { frozenNotes, listed, noteNumber, type NotesDraft } from './import-notes.js';
import type { PrimaryRow, RawMatrix } from './parse-matrix-csv.js';
import { categoryColumns, productGrid, type ProductGrid } from './product-grid.js';

export interface AssembleOptions {
  readonly name: string;
  readonly unit: string;
  readonly notes: NotesDraft;
  /** The region a label's region is added into (the OECD's CN1 → CHN); default itself. */
  readonly merge?: (region: string) => string;
  /** The extension a primary-input row belongs to; default factor_inputs. */
  readonly extensionOf?: (row: PrimaryRow) => string;
}

/**
 * The IoTable of a multi-regional matrix as read (parseMatrixCsv, or a flat file gathered into
 * one): products on a region-major grid (regions that `merge` maps to another are added into it,
 * rows and columns), final demand by region and category, the primary-input rows as the extension
 * `factor_inputs` (with their final-demand part as F_Y), all in `unit`. Gross output is the
 * published output column where it equals the row sums (with any discrepancy column, which final
 * demand leaves out), else the row sums; the output row, or without one x itself, is checked
 * against the column sums of Z and the primary inputs. The notes say what was read, checked,
 * merged and dropped.
 */
export function assembleMatrix(raw: RawMatrix, o: AssembleOptions): IoTable {
  const { notes } = o;
  const merge = o.merge ?? ((r: string) => r);
  const grid = productGrid(raw.industries, raw.industryPlace, merge);
  const fd = categoryColumns(raw.finals, grid.regions, raw.finalPlace, merge);
  const rawN = raw.industries.length;
  const n = grid.regions.length * grid.sectors.length;
  const K = grid.regions.length * fd.categories.length;
  const P = grid.productOf;
  const F = raw.finals.length;

  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * K);
  const stated = new Float64Array(n);
  const disc = new Float64Array(n);
  for (let i = 0; i < rawN; i++) {
    const pi = P[i];
    for (let j = 0; j < rawN; j++) Z[pi * n + P[j]] += raw.Z[i * rawN + j];
    for (let c = 0; c < F; c++) Y[pi * K + fd.columnOf[c]] += raw.Y[i * F + c];
    stated[pi] += raw.output[i];
    disc[pi] += raw.discrepancy[i];
  }
  const extensions = primaryExtensions(raw, grid, fd.columnOf, K, o.unit, o.extensionOf ?? (() => 'factor_inputs'));
  const labels = (i: number) => `${grid.regions[Math.floor(i / grid.sectors.length)]}_${grid.sectors[i % grid.sectors.length]}`;
  readNotes(raw, grid, fd.categories, merge, notes);

  const rowSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = disc[i];
    for (let j = 0; j < n; j++) s += Z[i * n + j];
    for (let c = 0; c < K; c++) s += Y[i * K + c];
    rowSums[i] = s;
  }
  let outRow: Float64Array | undefined;
  if (raw.outputRow !== undefined) {
    outRow = new Float64Array(n);
    for (let j = 0; j < rawN; j++) outRow[P[j]] += raw.outputRow[j];
  }
  const against = raw.hasDiscrepancy ? 'the row sums of Z, Y and DISC' : 'the row sums of Z and Y';
  const published = raw.hasOutputColumn ? stated : (outRow ?? new Float64Array(n).fill(Number.NaN));
  const fromTotals = outputFromStated({ what: raw.hasOutputColumn ? 'the output column' : 'the output row', against, stated: published, sums: rowSums, labels }, notes);
  // Without a published output, x is the row sums; with DISC it must be said (Y leaves DISC out).
  const x = fromTotals ?? (raw.hasDiscrepancy ? rowSums : undefined);

  const colSums = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) colSums[j] += Z[i * n + j];
  for (const e of extensions) for (let s = 0; s < e.stressors.length; s++) for (let j = 0; j < n; j++) colSums[j] += e.F[s * n + j];
  if (outRow !== undefined) checkTotals({ what: 'the output row', against: 'the column sums of Z and the primary inputs', stated: outRow, sums: colSums, labels }, notes);
  else if (extensions.length > 0) checkTotals({ what: 'x (the row sums of Z and Y)', against: 'the column sums of Z and the primary inputs', stated: x ?? rowSums, sums: colSums, labels }, notes);

  if (raw.hasDiscrepancy) {
    let count = 0;
    let total = 0;
    for (const v of disc) {
      if (v !== 0) count++;
      total += v;
    }
    notes.dropped.push(`column DISC (statistical discrepancy, not final demand${count === 0 ? ', all zero' : `: ${count} non-zero entries summing to ${noteNumber(total)}, kept in x`})`);
  }
  return {
    name: o.name,
    unit: o.unit,
    regions: grid.regions,
    sectors: grid.sectors,
    Z,
    categories: fd.categories,
    Y,
    ...(x === undefined ? {} : { x }),
    extensions,
    notes: frozenNotes(notes),
  };
}

/** The primary-input rows as extensions (factor_inputs unless `extensionOf` says otherwise), columns merged like Z's. */
function primaryExtensions(raw: RawMatrix, grid: ProductGrid, columnOf: Int32Array, K: number, unit: string, extensionOf: (row: PrimaryRow) => string): IoExtension[] {
  const n = grid.regions.length * grid.sectors.length;
  const groups = new Map<string, PrimaryRow[]>();
  for (const p of raw.primary) {
    const name = extensionOf(p);
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  return [...groups].map(([name, rows]) => {
    const F = new Float64Array(rows.length * n);
    const FY = new Float64Array(rows.length * K);
    rows.forEach((p, s) => {
      checkModelId(p.id, 'a primary-input row label', { file: raw.file, row: p.row, tableColumn: 1 });
      for (let j = 0; j < p.industry.length; j++) F[s * n + grid.productOf[j]] += p.industry[j];
      for (let c = 0; c < p.final.length; c++) FY[s * K + columnOf[c]] += p.final[c];
    });
    return { name, stressors: rows.map((p) => ({ id: p.id, unit })), F, FY };
  });
}

function readNotes(raw: RawMatrix, grid: ProductGrid, categories: readonly string[], merge: (r: string) => string, notes: NotesDraft): void {
  const merged = [...new Set(raw.industries.map((l) => l.region).filter((r) => !grid.regions.includes(r)))];
  notes.read.unshift(
    `${raw.file}: ${grid.regions.length} region${grid.regions.length === 1 ? '' : 's'} × ${grid.sectors.length} sectors (${listed([...grid.sectors])}), final demand ${categories.join(', ')}${raw.reversedFinal ? ' (written category first)' : ''}, primary inputs ${listed(raw.primary.map((p) => p.id)) || 'none'}`,
  );
  if (merged.length > 0) notes.read.push(`the sub-regions ${merged.join(', ')} added into ${[...new Set(merged.map(merge))].join(' and ')}, rows and columns`);
  if (raw.guessedPrimary.length > 0) notes.guessed.push(`rows read as primary inputs by their place (no known name): ${listed([...raw.guessedPrimary])}`);
}
