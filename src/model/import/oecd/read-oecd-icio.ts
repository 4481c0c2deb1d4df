import { checkModelId } from '../model-id.js';
import { checkTotals, outputFromStated } from '../mrio/check-output.js';
import { findDataFiles, pickYear, type DataFile } from '../mrio/find-data-files.js';
import { frozenNotes, listed, noteNumber, notesDraft, type NotesDraft } from '../mrio/import-notes.js';
import { openDownload } from '../mrio/open-download.js';
import { categoryColumns, productGrid, type ProductGrid } from '../mrio/product-grid.js';
import type { IoExtension, IoTable } from '../types.js';
import { mergedRegion } from './icio-labels.js';
import { parseIcioCsv, type RawIcio } from './parse-icio-csv.js';

/** Unit of the ICIO's flows, as the OECD publishes them. */
export const ICIO_UNIT = 'USD million';

export interface OecdOptions {
  /** The year to read when the download holds several. */
  readonly year?: number;
  /** Unit of the flows; default "USD million". */
  readonly unit?: string;
  /** Text encoding of the CSV; default UTF-8. */
  readonly encoding?: string;
}

/** Names of ICIO CSVs: `ICIO2018_2010.csv` (2016, 2018, 2021), `2020.csv` and `2020_SML.csv` (2023 and later). */
const ICIO_FILE = /^(?:ICIO(\d{4})_)?(\d{4})(_SML)?\.csv$/i;

/**
 * Reads an OECD Inter-Country Input-Output table as the OECD publishes it (the yearly CSV, the zip
 * holding it, a zip or folder of several years with `year`), editions 2016, 2018, 2021, 2023 and
 * later, into an IoTable in USD million:
 *
 * - rows and columns `COUNTRY_INDUSTRY` (split at the first `_`, so industry codes may hold `_`:
 *   `AUS_A01_02`); the sub-regions CN1, CN2 … and MX1, MX2 … (processing trade) are added into CHN
 *   and MEX, as pymrio does;
 * - final demand `COUNTRY_CODE` (HFCE, NPISH, GGFC, GFCF, INVNT, DPABR; the older P33, NPS, INV,
 *   DIRP; 2016 writes them `CODE_COUNTRY`); negative inventory changes are kept;
 * - the primary-input rows (TLS and VA; VALU and the countries' TAXSUB rows of 2018; VA+TAXSUB of
 *   2016) as the extension `factor_inputs`, with their final-demand part as F_Y;
 * - the output column (OUT, TOTAL) as x where it equals the row sums, the output row (OUT, OUTPUT)
 *   checked against the column sums; the 2016 edition's statistical discrepancy column DISC is left
 *   out of final demand (x keeps it).
 *
 * Signed primary inputs stay signed here (importers.oecd makes the table loadable). The notes say
 * what was read, merged, checked and dropped.
 */
export async function readOecdIcio(path: string, options: OecdOptions = {}): Promise<IoTable> {
  const source = await openDownload(path);
  const notes = notesDraft();
  try {
    const found = await findDataFiles(source, ICIO_FILE);
    try {
      const data = chooseFile(found.files, options.year, source.path, notes);
      const m = ICIO_FILE.exec(data.name.slice(data.name.lastIndexOf('/') + 1));
      const raw = await parseIcioCsv(data, options.encoding);
      return assemble(raw, {
        name: `OECD ICIO${m?.[1] === undefined ? '' : ` ${m[1]} edition`}${m?.[2] === undefined ? '' : `, ${m[2]}`}`,
        unit: options.unit ?? ICIO_UNIT,
        notes,
      });
    } finally {
      await found.close();
    }
  } finally {
    await source.close();
  }
}

/** The year's file; a year with both the full and the `_SML` file reads the full one. */
function chooseFile(files: readonly DataFile[], year: number | undefined, download: string, notes: NotesDraft): DataFile {
  const info = (f: DataFile) => ICIO_FILE.exec(f.name.slice(f.name.lastIndexOf('/') + 1));
  const yearOf = (f: DataFile): number | undefined => {
    const y = info(f)?.[2];
    return y === undefined ? undefined : Number(y);
  };
  const full = new Set(files.filter((f) => info(f)?.[3] === undefined).map(yearOf));
  const kept = files.filter((f) => info(f)?.[3] === undefined || !full.has(yearOf(f)));
  const chosen = pickYear(kept, yearOf, year, 'ICIO tables (CSV files named like ICIO2021_2018.csv or 2020.csv)', download);
  const twin = files.find((f) => f !== chosen && info(f)?.[3] !== undefined && yearOf(f) === yearOf(chosen));
  if (twin !== undefined) notes.dropped.push(`${twin.where}: the same year's _SML table, not read (${chosen.where} was)`);
  return chosen;
}

interface Naming {
  readonly name: string;
  readonly unit: string;
  readonly notes: NotesDraft;
}

function assemble(raw: RawIcio, naming: Naming): IoTable {
  const { notes } = naming;
  const file = raw.file;
  const grid = productGrid(raw.industries, (j) => ({ file, row: 1, tableColumn: raw.industryColumn[j] }), mergedRegion);
  const fd = categoryColumns(raw.finals, grid.regions, (j) => ({ file, row: 1, tableColumn: raw.finalColumn[j] }), mergedRegion);
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

  const factor = factorInputs(raw, grid, fd.columnOf, K, naming.unit);
  const labels = (i: number) => `${grid.regions[Math.floor(i / grid.sectors.length)]}_${grid.sectors[i % grid.sectors.length]}`;
  readNotes(raw, grid, fd.categories, notes);

  // Output: the output column (or, in 2016, the output row) against the row sums.
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
  const stateWhat = raw.hasOutputColumn ? 'the output column' : 'the output row';
  const fromTotals = outputFromStated(
    { what: stateWhat, against: raw.hasDiscrepancy ? 'the row sums of Z, Y and DISC' : 'the row sums of Z and Y', stated: raw.hasOutputColumn ? stated : (outRow ?? new Float64Array(n).fill(Number.NaN)), sums: rowSums, labels },
    notes,
  );
  // Without a published output, x is still the row sums with DISC (which Y leaves out).
  const x = fromTotals ?? (raw.hasDiscrepancy ? rowSums : undefined);
  if (outRow !== undefined) {
    const colSums = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) colSums[j] += Z[i * n + j];
    for (let s = 0; s < factor.stressors.length; s++) for (let j = 0; j < n; j++) colSums[j] += factor.F[s * n + j];
    checkTotals({ what: 'the output row', against: 'the column sums of Z and the primary inputs', stated: outRow, sums: colSums, labels }, notes);
  }
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
    name: naming.name,
    unit: naming.unit,
    regions: grid.regions,
    sectors: grid.sectors,
    Z,
    categories: fd.categories,
    Y,
    ...(x === undefined ? {} : { x }),
    extensions: factor.stressors.length === 0 ? [] : [factor],
    notes: frozenNotes(notes),
  };
}

/** The primary-input rows as the extension factor_inputs (columns merged like Z's). */
function factorInputs(raw: RawIcio, grid: ProductGrid, columnOf: Int32Array, K: number, unit: string): IoExtension {
  const n = grid.regions.length * grid.sectors.length;
  const m = raw.primary.length;
  const F = new Float64Array(m * n);
  const FY = new Float64Array(m * K);
  raw.primary.forEach((p, s) => {
    checkModelId(p.id, 'a primary-input row label', { file: raw.file, row: p.row, tableColumn: 1 });
    for (let j = 0; j < p.industry.length; j++) F[s * n + grid.productOf[j]] += p.industry[j];
    for (let c = 0; c < p.final.length; c++) FY[s * K + columnOf[c]] += p.final[c];
  });
  return { name: 'factor_inputs', stressors: raw.primary.map((p) => ({ id: p.id, unit })), F, FY };
}

function readNotes(raw: RawIcio, grid: ProductGrid, categories: readonly string[], notes: NotesDraft): void {
  const merged = [...new Set(raw.industries.map((l) => l.region).filter((r) => !grid.regions.includes(r)))];
  notes.read.unshift(
    `${raw.file}: ${grid.regions.length} countries × ${grid.sectors.length} industries (${listed([...grid.sectors])}), final demand ${categories.join(', ')}${raw.reversedFinal ? ' (written category first, as in the 2016 edition)' : ''}, primary inputs ${listed(raw.primary.map((p) => p.id))}`,
  );
  if (merged.length > 0) notes.read.push(`the sub-regions ${merged.join(', ')} (processing trade) added into ${[...new Set(merged.map(mergedRegion))].join(' and ')}, rows and columns`);
  if (raw.guessedPrimary.length > 0) notes.guessed.push(`rows without a country read as primary inputs: ${listed([...raw.guessedPrimary])}`);
  notes.read.push('population: not in the ICIO tables');
}
