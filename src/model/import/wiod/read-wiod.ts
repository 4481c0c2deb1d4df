import { inputError } from '../../errors.js';
import { assembleMatrix } from '../mrio/assemble-matrix.js';
import { findDataFiles, pickYear, type DataFile } from '../mrio/find-data-files.js';
import { listed, notesDraft, type NotesDraft } from '../mrio/import-notes.js';
import { openDownload } from '../mrio/open-download.js';
import { placedError } from '../mrio/placed-error.js';
import type { RawMatrix } from '../mrio/parse-matrix-csv.js';
import { readWorkbook, type Sheet } from '../read-workbook.js';
import { IMPORTS_EXTENSION } from '../single-region-table.js';
import type { IoTable } from '../types.js';
import { niotYears, parseNiot } from './parse-niot.js';
import { parseWiot } from './parse-wiot.js';
import { readSea } from './read-sea.js';
import { cellText } from './wiod-labels.js';

/** Unit of WIOD's tables: millions of US dollars. */
export const WIOD_UNIT = 'USD million';

export interface WiodOptions {
  readonly year?: number;
  readonly unit?: string;
  /** The socio-economic accounts workbook, when not in the download. */
  readonly sea?: string;
  /** The region id of a national table; default its country code (AUS_NIOT_nov16.xlsx: AUS). */
  readonly region?: string;
}

const WORLD_2016 = /^WIOT(\d{4})_(?:PYP_)?Nov16_ROW\.xls[xb]$/i;
const WORLD_2013 = /^wiot(\d{2})_row_[a-z]{3}\d{2}\.xls[xb]$/i;
const NATIONAL = /^([A-Z]{3})_NIOT_nov16\.xls[xb]$/i;
const SEA = /^WIOD_SEA.*\.xlsx$/i;

interface Table extends DataFile {
  readonly kind: 'world' | 'national';
  readonly year?: number;
  readonly country?: string;
}

/**
 * Reads WIOD as published (a workbook, or a zip or folder of them, with `year`) into an IoTable
 * in USD million: the 2016 release's world table (`WIOT2014_Nov16_ROW.xlsx`, 43 countries and the
 * rest of the world × 56 industries) or one of its national tables (`AUS_NIOT_nov16.xlsx`: one
 * country, domestic flows as Z and Y with exports as final use, imported inputs as the extension
 * `imports`), and the 2013 release's world table (`wiot09_row_sep12.xlsx`, 35 industries). Rows
 * below the industries (TXSP, EXP_adj, PURR, PURNR, VA, IntTTM) are the extension factor_inputs.
 * The socio-economic accounts (`WIOD_SEA_Nov16.xlsx` in the download, or `sea`) add the extension
 * sea: persons engaged, employees, their hours. The world tables are published as .xlsb, which is
 * refused with the way out (save it as .xlsx); the 2013 release's environmental accounts (.xls)
 * are not read, and the notes list them as dropped.
 */
export async function readWiod(path: string, options: WiodOptions = {}): Promise<IoTable> {
  const source = await openDownload(path);
  const notes = notesDraft();
  try {
    const found = await findDataFiles(source, /\.(xlsx|xlsb|xls)$/i);
    try {
      const workbooks = found.files.filter((f) => !/\.xls$/i.test(f.name));
      const legacy = found.files.filter((f) => /\.xls$/i.test(f.name));
      const tables = classify(workbooks);
      const data = choose(tables, options.year, source.path);
      const sheet = await firstSheet(data);
      const kind = data.kind === 'national' || cellText((sheet.rows[1] ?? [])[3]).toLowerCase() === 'origin' ? 'national' : 'world';
      let raw: RawMatrix;
      let year: number | undefined;
      const imports = new Set<number>();
      if (kind === 'national') {
        const years = niotYears(sheet);
        year = options.year ?? (years.length === 1 ? years[0] : undefined);
        if (year === undefined) throw inputError('ambiguous-year', `the national table holds the years ${years.join(', ')}: name one with --year`, { file: data.where, path: ['--year'] });
        if (!years.includes(year)) throw inputError('missing-year', `the national table has no figures for ${year} (years: ${years.join(', ')})`, { file: data.where, path: ['--year'] }, year);
        const country = options.region ?? data.country ?? 'domestic';
        raw = parseNiot(sheet, data.where, country, year);
        for (const p of raw.primary) if (raw.industries.some((l) => l.code === p.id)) imports.add(p.row);
        notes.read.push(`national table of ${country} for ${year}: domestic flows as Z and Y (exports EXP a final use), imported inputs as the extension imports`);
      } else {
        if (options.region !== undefined) throw inputError('invalid-option', 'a world table names its regions: --region is for a national table (…_NIOT_nov16.xlsx)', { file: data.where, path: ['--region'] }, options.region);
        const world = parseWiot(sheet, data.where);
        raw = world;
        year = data.year ?? world.year;
        if (world.renamed) notes.read.push('Romania read as ROU where the table writes ROM (the 2013 release)');
        notes.read.push(`world table${year === undefined ? '' : ` for ${year}`}; the row of total intermediate consumption (II_fob) is a total, not read`);
      }
      const table = assembleMatrix(raw, { name: `WIOD ${data.name.replace(/\.xlsx$/i, '')}${kind === 'national' ? ` ${year ?? ''}` : ''}`.trim(), unit: options.unit ?? WIOD_UNIT, notes, extensionOf: (p) => (imports.has(p.row) ? IMPORTS_EXTENSION : 'factor_inputs') });
      notes.read.push('population: not in WIOD');
      // The accounts name countries by their codes: a national table renamed with --region is found by its code.
      const codes = kind === 'national' && data.country !== undefined ? [data.country] : table.regions;
      const sea = await seaExtension(workbooks, options.sea, table, codes, year, notes);
      if (legacy.length > 0) notes.dropped.push(`${legacy.length} legacy .xls workbook${legacy.length === 1 ? '' : 's'} not read (${listed(legacy.map((f) => f.where), 4)}): Plenty reads no .xls; the 2013 release's environmental accounts are such workbooks`);
      return { ...table, extensions: sea === undefined ? table.extensions : [...table.extensions, sea], notes: { read: [...notes.read], guessed: [...notes.guessed], dropped: [...notes.dropped] } };
    } finally {
      await found.close();
    }
  } finally {
    await source.close();
  }
}

function classify(files: readonly DataFile[]): Table[] {
  const out: Table[] = [];
  for (const f of files) {
    const base = f.name.slice(f.name.lastIndexOf('/') + 1);
    let m: RegExpExecArray | null;
    if ((m = WORLD_2016.exec(base)) !== null) out.push({ ...f, kind: 'world', year: Number(m[1]) });
    else if ((m = WORLD_2013.exec(base)) !== null) out.push({ ...f, kind: 'world', year: 2000 + Number(m[1]) - (Number(m[1]) > 50 ? 100 : 0) });
    else if ((m = NATIONAL.exec(base)) !== null) out.push({ ...f, kind: 'national', country: m[1].toUpperCase() });
  }
  // A lone workbook with another name: its layout says what it is.
  if (out.length === 0 && files.length === 1 && !SEA.test(files[0].name)) out.push({ ...files[0], kind: 'world' });
  return out;
}

function choose(tables: readonly Table[], year: number | undefined, download: string): Table {
  const world = tables.filter((t) => t.kind === 'world');
  const pool = world.length > 0 ? world : tables;
  const chosen = pool.length > 0 && pool.every((t) => t.kind === 'national') ? pickNational(pool, download) : pickYear(pool, (t) => t.year, year, 'WIOD tables (WIOT2014_Nov16_ROW.xlsx, AUS_NIOT_nov16.xlsx, wiot09_row_sep12.xlsx)', download);
  if (/\.xlsb$/i.test(chosen.name)) {
    throw inputError('unsupported-format', 'WIOD publishes its world tables as binary workbooks (.xlsb), which Plenty does not read: open it in a spreadsheet program and save it as .xlsx (the layout stays the same), or import a national table (…_NIOT_nov16.xlsx)', { file: chosen.where, path: ['path'] });
  }
  return chosen;
}

function pickNational(tables: readonly Table[], download: string): Table {
  if (tables.length > 1) throw inputError('ambiguous-file', `the download holds national tables of several countries (${tables.map((t) => t.country).join(', ')}): give the one to read as the path`, { file: download, path: ['path'] });
  return tables[0];
}

/** The first sheet of a workbook of the download. */
async function firstSheet(data: DataFile): Promise<Sheet> {
  let seen = 0;
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(await data.source.readBytes(data.name), data.where, { sheets: () => seen++ === 0 });
  } catch (err) {
    throw placedError(err);
  }
  if (sheets.length === 0) throw inputError('missing-sheet', 'the workbook has no sheet', { file: data.where, path: ['sheets'] });
  return sheets[0];
}

async function seaExtension(files: readonly DataFile[], given: string | undefined, table: IoTable, codes: readonly string[], year: number | undefined, notes: NotesDraft) {
  let bytes: Buffer | undefined;
  let file: string | undefined;
  if (given !== undefined) {
    const s = await openDownload(given);
    try {
      const e = s.entries.find((x) => SEA.test(x.name.slice(x.name.lastIndexOf('/') + 1))) ?? s.entries[0];
      if (e === undefined) throw inputError('file-not-found', 'no socio-economic accounts workbook here', { file: given, path: ['--sea'] });
      bytes = await s.readBytes(e.name);
      file = s.where(e.name);
    } finally {
      await s.close();
    }
  } else {
    const f = files.find((x) => SEA.test(x.name.slice(x.name.lastIndexOf('/') + 1)));
    if (f === undefined) {
      notes.read.push('socio-economic accounts: none in the download (name the WIOD SEA workbook with --sea)');
      return undefined;
    }
    bytes = await f.source.readBytes(f.name);
    file = f.where;
  }
  if (year === undefined) throw inputError('missing-year', 'the table states no year, which the socio-economic accounts need: name it with --year', { file, path: ['--year'] });
  // The sheet DATA, found by its header (a streamed workbook may not know its sheets' names).
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(bytes, file);
  } catch (err) {
    throw placedError(err);
  }
  const data = sheets.find((sh) => sh.name.toUpperCase() === 'DATA') ?? sheets.find((sh) => isSeaData(sh));
  if (data === undefined) throw inputError('missing-sheet', 'the socio-economic accounts have no sheet DATA (columns country, variable, description, code, years)', { file, path: ['DATA'] });
  return readSea(data, file, codes, table.sectors, year, notes);
}

function isSeaData(sheet: Sheet): boolean {
  const head = (sheet.rows[0] ?? []).map((c) => cellText(c).toLowerCase());
  return head.includes('country') && head.includes('variable') && head.includes('code');
}
