import { assembleMatrix } from '../mrio/assemble-matrix.js';
import { findDataFiles, pickYear, type DataFile } from '../mrio/find-data-files.js';
import { notesDraft, type NotesDraft } from '../mrio/import-notes.js';
import { openDownload } from '../mrio/open-download.js';
import { parseMatrixCsv } from '../mrio/parse-matrix-csv.js';
import type { IoTable } from '../types.js';
import { ICIO_LAYOUT, mergedRegion } from './icio-labels.js';

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
    const found = await findDataFiles(source, /\.csv$/i);
    try {
      const named = found.files.filter((f) => ICIO_FILE.test(baseName(f.name)));
      // One CSV under another name (saved or renamed by the user): read by its layout.
      const lone = named.length === 0 && found.files.length === 1 ? found.files[0] : undefined;
      if (lone !== undefined) notes.guessed.push(`${lone.where}: read as an ICIO table by its labels (the OECD names its files like ICIO2021_2018.csv or 2020_SML.csv)`);
      const data = lone ?? chooseFile(named, options.year, source.path, notes);
      const m = ICIO_FILE.exec(baseName(data.name));
      const raw = await parseMatrixCsv(data, ICIO_LAYOUT, options.encoding);
      notes.read.push('population: not in the ICIO tables');
      return assembleMatrix(raw, {
        name: `OECD ICIO${m?.[1] === undefined ? '' : ` ${m[1]} edition`}${m?.[2] === undefined ? '' : `, ${m[2]}`}`,
        unit: options.unit ?? ICIO_UNIT,
        notes,
        merge: mergedRegion,
      });
    } finally {
      await found.close();
    }
  } finally {
    await source.close();
  }
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The year's file; a year with both the full and the `_SML` file reads the full one. */
function chooseFile(files: readonly DataFile[], year: number | undefined, download: string, notes: NotesDraft): DataFile {
  const info = (f: DataFile) => ICIO_FILE.exec(baseName(f.name));
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

