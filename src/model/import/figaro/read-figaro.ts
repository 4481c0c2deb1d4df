import { InputError, inputError } from '../../errors.js';
import { assembleMatrix } from '../mrio/assemble-matrix.js';
import { findDataFiles, pickYear, type DataFile } from '../mrio/find-data-files.js';
import { forEachRecord } from '../mrio/for-each-record.js';
import { notesDraft, type NotesDraft } from '../mrio/import-notes.js';
import { openDownload } from '../mrio/open-download.js';
import { parseMatrixCsv, type RawMatrix } from '../mrio/parse-matrix-csv.js';
import type { IoTable } from '../types.js';
import { FIGARO_LAYOUT } from './figaro-labels.js';
import { parseFigaroFlat } from './parse-figaro-flat.js';

/** Unit of FIGARO's flows, as Eurostat publishes them. */
export const FIGARO_UNIT = 'EUR million';

export interface FigaroOptions {
  readonly year?: number;
  readonly unit?: string;
  readonly encoding?: string;
}

/** Eurostat's names: `matrix_eu-ic-io_ind-by-ind_24ed_2022.csv`, `flatfile_eu-ic-io_prod-by-prod_23ed_2021.csv`, `flatfile_eu-ic-supply_24ed_2022.csv`. */
const FIGARO_FILE = /^(matrix|flatfile)_eu-ic-(io|supply|use)(?:_(ind-by-ind|prod-by-prod))?(?:_(\d+ed))?_(\d{4})\.csv$/i;

interface Candidate extends DataFile {
  readonly format: 'matrix' | 'flat';
  readonly table: 'io' | 'supply' | 'use';
  readonly basis?: string;
  readonly edition?: string;
  readonly year?: number;
}

/**
 * Reads Eurostat's FIGARO inter-country input–output table as published (the CSV, its zip, or a
 * zip or folder of several, with `year`) into an IoTable in EUR million: the matrix format (first
 * column `rowLabels`, labels `{geo}_{code}`: industry by industry `AT_C10T12`, product by product
 * `AT_CPA_C10T12`) or the flat format (`refArea, rowIi|rowPi, counterpartArea, colIi|colPi,
 * obsValue`, streamed). Final uses P3_S13, P3_S14, P3_S15, P51G, P5M are the categories (negative
 * P5M kept); the rows of area W2 (D21X31, OP_RES, OP_NRES, D1, D29X39, B2A3G) are the extension
 * factor_inputs, with their final-use part as F_Y; FIGW1 (rest of the world) is a region. FIGARO
 * states no output: x is the row sums, checked against the column sums of Z and the primary inputs.
 *
 * FIGARO's supply and use tables need the supply–use treatment: given alone they are an
 * InputError pointing to `plenty import sut`, or to FIGARO's input–output tables.
 */
export async function readFigaro(path: string, options: FigaroOptions = {}): Promise<IoTable> {
  const source = await openDownload(path);
  const notes = notesDraft();
  try {
    const found = await findDataFiles(source, /\.csv$/i);
    try {
      const candidates = await classify(found.files, source.entries.length === 1);
      const data = choose(candidates, options.year, source.path, notes);
      const raw = await parse(data, options.encoding);
      notes.read.push(`${data.basis === 'prod-by-prod' ? 'product by product (CPA products)' : 'industry by industry (NACE industries)'}, ${data.format} format; population: not in FIGARO`);
      const name = ['FIGARO', data.edition, data.basis, data.year].filter((p) => p !== undefined).join(' ');
      return assembleMatrix(raw, { name, unit: options.unit ?? FIGARO_UNIT, notes });
    } finally {
      await found.close();
    }
  } finally {
    await source.close();
  }
}

/** FIGARO's files by their names; a lone file with another name by its first record. */
async function classify(files: readonly DataFile[], lone: boolean): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const f of files) {
    const m = FIGARO_FILE.exec(f.name.slice(f.name.lastIndexOf('/') + 1));
    if (m !== null) {
      out.push({
        ...f,
        format: m[1].toLowerCase() === 'matrix' ? 'matrix' : 'flat',
        table: m[2].toLowerCase() as Candidate['table'],
        ...(m[3] === undefined ? {} : { basis: m[3].toLowerCase() }),
        ...(m[4] === undefined ? {} : { edition: m[4] }),
        year: Number(m[5]),
      });
    } else if (lone && files.length === 1) {
      const head = (await firstRecord(f)).map((c) => c.trim().toLowerCase());
      const sut = head.find((c) => /^icsup|^icuse/.test(c));
      const flat = head.includes('obsvalue');
      const basis = head.includes('rowpi') || head.some((c) => /_cpa_/i.test(c)) ? 'prod-by-prod' : 'ind-by-ind';
      out.push({ ...f, format: flat ? 'flat' : 'matrix', table: sut === undefined ? 'io' : sut.startsWith('icsup') ? 'supply' : 'use', basis });
    }
  }
  return out;
}

function choose(candidates: readonly Candidate[], year: number | undefined, download: string, notes: NotesDraft): Candidate {
  const io = candidates.filter((c) => c.table === 'io');
  if (io.length === 0) {
    const sut = candidates.filter((c) => c.table !== 'io');
    if (sut.length > 0) {
      throw inputError(
        'needs-sut',
        `FIGARO's supply and use tables (${sut.map((c) => c.where).join(', ')}) are not an input–output table: import the pair with \`plenty import sut --supply S --use U --model A|B|C|D\` (the supply–use transformation), or import FIGARO's input–output tables (matrix_eu-ic-io_… or flatfile_eu-ic-io_…)`,
        { file: sut[0].where, path: ['path'] },
      );
    }
  }
  // The same table in both formats: read the matrix (one CSV, smaller) and say so.
  const matrixOf = new Set(io.filter((c) => c.format === 'matrix').map((c) => `${c.basis ?? ''} ${c.year ?? ''}`));
  const kept = io.filter((c) => c.format === 'matrix' || !matrixOf.has(`${c.basis ?? ''} ${c.year ?? ''}`));
  const chosen = pickYear(kept, (c) => c.year, year, 'FIGARO input–output tables (matrix_eu-ic-io_… or flatfile_eu-ic-io_… CSV files)', download);
  for (const c of io) if (c !== chosen && c.format === 'flat' && c.basis === chosen.basis && c.year === chosen.year) notes.dropped.push(`${c.where}: the same table in the flat format, not read (${chosen.where} was)`);
  return chosen;
}

async function parse(data: Candidate, encoding: string | undefined): Promise<RawMatrix> {
  if (data.format === 'flat') return parseFigaroFlat(data, FIGARO_LAYOUT, encoding);
  try {
    return await parseMatrixCsv(data, FIGARO_LAYOUT, encoding);
  } catch (err) {
    // Rows of CPA products against columns of industries: a use (or supply) table in the matrix format.
    if (err instanceof InputError && err.issues[0]?.code === 'unknown-sector' && /_CPA_/.test(String(err.issues[0].value))) {
      throw inputError('needs-sut', 'rows are products (CPA) and columns industries: this is a supply or use table, which needs `plenty import sut --supply S --use U --model A|B|C|D`', err.issues[0].location, err.issues[0].value);
    }
    throw err;
  }
}

/** The first record of a CSV (its header). */
async function firstRecord(f: DataFile): Promise<readonly string[]> {
  let first: readonly string[] | undefined;
  const stop = new Error('header read');
  try {
    await forEachRecord(f.source, f.name, (rec) => {
      first = rec.cells;
      throw stop;
    });
  } catch (err) {
    if (err !== stop) throw err;
  }
  return first ?? [];
}
