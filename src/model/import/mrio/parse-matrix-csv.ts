import { inputError, type Location } from '../../errors.js';
import type { DataFile } from '../mrio/find-data-files.js';
import { forEachRecord } from '../mrio/for-each-record.js';
import type { RegionCode } from '../mrio/product-grid.js';
import { parseCellNumber } from '../parse-cell-number.js';
import type { DelimitedRow } from '../read-delimited.js';

/** What a column of a multi-regional matrix CSV is. */
export type MatrixColumn =
  | { readonly kind: 'industry'; readonly region: string; readonly code: string }
  | { readonly kind: 'final'; readonly region: string; readonly code: string; readonly reversed?: boolean }
  | { readonly kind: 'output' }
  | { readonly kind: 'discrepancy' }
  | { readonly kind: 'unknown' };

/** What a row that is not an industry's is: the output row, or a primary input (guessed: by no known name). */
export type MatrixRow = { readonly kind: 'output' } | { readonly kind: 'primary'; readonly id: string; readonly guessed?: boolean };

/** How a database names its rows and columns. */
export interface MatrixLayout {
  /** What a column label is. */
  column(label: string): MatrixColumn;
  /** What the columns may be, for the message about a column that is none of them. */
  readonly columnsAre: string;
  /** What a row label that is no industry's is; undefined: not known (an InputError). */
  row(label: string): MatrixRow | undefined;
  /** A label split into region and code (at the first `_`). */
  split(label: string): { readonly region: string; readonly code: string } | undefined;
}

/** A primary-input row of a matrix CSV, over its industry and final-demand columns. */
export interface PrimaryRow {
  readonly id: string;
  readonly row: number;
  readonly industry: Float64Array;
  readonly final: Float64Array;
}

/** A matrix CSV as read, before regions are merged: its blocks over the file's own columns. */
export interface RawMatrix {
  readonly file: string;
  /** Industry columns (region, code) and where each is labelled (for errors). */
  readonly industries: readonly RegionCode[];
  readonly industryPlace: (j: number) => Location;
  readonly finals: readonly RegionCode[];
  readonly finalPlace: (c: number) => Location;
  /** Final demand is written category first (`HFCE_AUS`, the OECD's 2016 edition). */
  readonly reversedFinal: boolean;
  readonly hasOutputColumn: boolean;
  readonly hasDiscrepancy: boolean;
  /** industries × industries, row-major. */
  readonly Z: Float64Array;
  /** industries × finals. */
  readonly Y: Float64Array;
  /** Per industry row: the output column (NaN without one) and the discrepancy column. */
  readonly output: Float64Array;
  readonly discrepancy: Float64Array;
  readonly primary: readonly PrimaryRow[];
  /** The output row over the industry columns, if there is one. */
  readonly outputRow?: Float64Array;
  /** Rows read as primary inputs without being known names. */
  readonly guessedPrimary: readonly string[];
}

/**
 * Reads a multi-regional table written as one CSV matrix (the OECD ICIO, FIGARO's matrix format:
 * one header record of column labels after a corner cell, then one record per row label) into its
 * blocks, as `layout` names them. Every cell is a number (an empty cell is 0, as pymrio reads it); a
 * record with more or fewer cells than the header, a label the layout does not know (a country
 * without columns, an industry the country lacks, a column that is neither an industry, final demand
 * nor a total), a row twice, or an industry without its row is an InputError at its row and column.
 */
export async function parseMatrixCsv(data: DataFile, layout: MatrixLayout, encoding: string | undefined): Promise<RawMatrix> {
  const file = data.where;
  let head: Header | undefined;
  let body: Body | undefined;
  await forEachRecord(
    data.source,
    data.name,
    (rec) => {
      if (head === undefined || body === undefined) {
        head = header(rec, file, layout);
        body = emptyBody(head);
        return;
      }
      readRow(rec, head, body, file, layout);
    },
    encoding === undefined ? {} : { encoding },
  );
  if (head === undefined || body === undefined) throw inputError('empty-table', 'the file has no header record', { file, line: 1 });
  const missing = body.seen.indexOf(false);
  if (missing >= 0) {
    const lab = head.industries[missing];
    throw inputError('missing-row', `industry ${lab.region}_${lab.code} has a column but no row`, { file, row: 1, tableColumn: head.industryColumn[missing] }, `${lab.region}_${lab.code}`);
  }
  return {
    file,
    industries: head.industries,
    industryPlace: (j) => ({ file, row: head?.row ?? 1, tableColumn: head?.industryColumn[j] ?? 1 }),
    finals: head.finals,
    finalPlace: (c) => ({ file, row: head?.row ?? 1, tableColumn: head?.finalColumn[c] ?? 1 }),
    reversedFinal: head.reversed,
    hasOutputColumn: head.outputColumn >= 0,
    hasDiscrepancy: head.discColumn >= 0,
    Z: body.Z,
    Y: body.Y,
    output: body.output,
    discrepancy: body.disc,
    primary: body.primary,
    ...(body.outputRow === undefined ? {} : { outputRow: body.outputRow }),
    guessedPrimary: body.guessed,
  };
}

interface Header {
  readonly row: number;
  readonly width: number;
  readonly industries: RegionCode[];
  readonly industryColumn: number[];
  readonly finals: RegionCode[];
  readonly finalColumn: number[];
  readonly reversed: boolean;
  readonly outputColumn: number;
  readonly discColumn: number;
  /** Raw industry index by its label as written. */
  readonly byLabel: Map<string, number>;
  readonly regions: Set<string>;
}

function header(rec: DelimitedRow, file: string, layout: MatrixLayout): Header {
  const industries: RegionCode[] = [];
  const industryColumn: number[] = [];
  const finals: RegionCode[] = [];
  const finalColumn: number[] = [];
  const byLabel = new Map<string, number>();
  let reversed = false;
  let outputColumn = -1;
  let discColumn = -1;
  for (let c = 1; c < rec.cells.length; c++) {
    const label = rec.cells[c].trim();
    const at: Location = { file, row: rec.row, tableColumn: c + 1 };
    const col = layout.column(label);
    if (col.kind === 'industry') {
      if (byLabel.has(label)) throw inputError('duplicate-label', 'column label appears twice', at, label);
      byLabel.set(label, industries.length);
      industries.push({ region: col.region, code: col.code });
      industryColumn.push(c + 1);
    } else if (col.kind === 'final') {
      finals.push({ region: col.region, code: col.code });
      finalColumn.push(c + 1);
      reversed ||= col.reversed === true;
    } else if (col.kind === 'output') outputColumn = c;
    else if (col.kind === 'discrepancy') discColumn = c;
    else throw inputError('unknown-column', `column label is not one of ${layout.columnsAre}`, at, label);
  }
  if (industries.length === 0) throw inputError('empty-table', 'no industry columns (labels such as AUS_D01T02) in the header', { file, row: rec.row, tableColumn: 2 });
  return { row: rec.row, width: rec.cells.length, industries, industryColumn, finals, finalColumn, reversed, outputColumn, discColumn, byLabel, regions: new Set(industries.map((l) => l.region)) };
}

interface Body {
  readonly Z: Float64Array;
  readonly Y: Float64Array;
  readonly output: Float64Array;
  readonly disc: Float64Array;
  readonly seen: boolean[];
  readonly primary: PrimaryRow[];
  readonly guessed: string[];
  outputRow?: Float64Array;
}

function emptyBody(h: Header): Body {
  const n = h.industries.length;
  return {
    Z: new Float64Array(n * n),
    Y: new Float64Array(n * h.finals.length),
    output: new Float64Array(n).fill(Number.NaN),
    disc: new Float64Array(n),
    seen: new Array<boolean>(n).fill(false),
    primary: [],
    guessed: [],
  };
}

function readRow(rec: DelimitedRow, h: Header, b: Body, file: string, layout: MatrixLayout): void {
  const label = rec.cells[0].trim();
  if (rec.cells.length !== h.width) {
    throw inputError('ragged-row', `row has ${rec.cells.length} cells where the header has ${h.width}`, { file, row: rec.row, tableColumn: Math.min(rec.cells.length, h.width) + 1 }, label);
  }
  const num = (c: number): number => parseCellNumber(rec.cells[c - 1], { file, row: rec.row, tableColumn: c }, { emptyIsZero: true });
  const n = h.industries.length;
  const i = h.byLabel.get(label);
  if (i !== undefined) {
    if (b.seen[i]) throw inputError('duplicate-label', 'row label appears twice', { file, row: rec.row, tableColumn: 1 }, label);
    b.seen[i] = true;
    for (let j = 0; j < n; j++) b.Z[i * n + j] = num(h.industryColumn[j]);
    const F = h.finals.length;
    for (let c = 0; c < F; c++) b.Y[i * F + c] = num(h.finalColumn[c]);
    if (h.outputColumn >= 0) b.output[i] = num(h.outputColumn + 1);
    if (h.discColumn >= 0) b.disc[i] = num(h.discColumn + 1);
    return;
  }
  const values = (): { industry: Float64Array; final: Float64Array } => ({
    industry: Float64Array.from(h.industryColumn, (c) => num(c)),
    final: Float64Array.from(h.finalColumn, (c) => num(c)),
  });
  const what = layout.row(label);
  if (what?.kind === 'output') {
    b.outputRow = values().industry;
    return;
  }
  if (what?.kind === 'primary') {
    b.primary.push({ id: what.id, row: rec.row, ...values() });
    if (what.guessed === true) b.guessed.push(label);
    return;
  }
  const parts = layout.split(label);
  if (parts !== undefined && !h.regions.has(parts.region)) {
    throw inputError('unknown-region', `row of country ${parts.region}, which has no industry columns in the table`, { file, row: rec.row, tableColumn: 1 }, label);
  }
  if (parts !== undefined) throw inputError('unknown-sector', `row of industry ${parts.code} of ${parts.region}, which has no column in the table`, { file, row: rec.row, tableColumn: 1 }, label);
  throw inputError(label === '' ? 'missing-label' : 'unknown-row', label === '' ? 'row without a label' : 'row label is neither an industry of the table, an output row nor a primary input', { file, row: rec.row, tableColumn: 1 }, label);
}
