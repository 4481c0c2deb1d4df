import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inputError } from '../../errors.js';
import type { ReadInputOptions } from '../../read-input-file.js';
import { symmetricFromSut, type SupplyUseTables, type SutModel, type SutRowBlock } from '../../sut/index.js';
import { parseCellNumber } from '../parse-cell-number.js';
import { parseDelimited } from '../read-delimited.js';
import { readWorkbook, sheetNamed, type Sheet } from '../read-workbook.js';
import { openSource, type SourceFiles } from '../source-files.js';
import { symmetricToIoTable } from '../sut/symmetric-to-io-table.js';
import type { IoTable } from '../types.js';

export interface GloriaOptions extends ReadInputOptions {
  readonly year?: string;
  readonly version?: string;
  /** basic (Markup001, the default) or purchaser (Markup005, as pymrio reads purchasers' prices). */
  readonly markup?: 'basic' | 'purchaser';
  /** Default B (industry technology). GLORIA's supply is diagonal, so all four agree. */
  readonly model?: SutModel;
  readonly name?: string;
}

/** GLORIA's monetary unit (its ReadMe: thousand US dollars). */
const GLORIA_UNIT = 'kUSD';

/**
 * `plenty import gloria PATH`: the GLORIA multi-regional supply–use database as downloaded. PATH is
 * the folder holding `GLORIA_MRIOs_{version}_{year}` (zip or folder), optionally
 * `GLORIA_SatelliteAccounts_0{version}_{year}` (zip or folder) and `GLORIA_ReadMe_0{version}.xlsx`
 * (the labels), or the MRIO zip or folder itself with the others beside it. GLORIA's T matrix
 * orders its rows and columns region by region, each region's industries then its products (the
 * sectors of the ReadMe's sheet Sectors); its industry × product block is the supply table, its
 * product × industry block the use table; Y's product rows are final use (regions × the
 * ReadMe's final-demand names), V's industry columns value added (regions × value-added names),
 * the satellites' TQ and YQ the extensions (units from the ReadMe). Made symmetric as
 * symmetricFromSut does; regions whose T rows and columns are all zero are left out (as pymrio does).
 */
export async function readGloria(path: string, options: GloriaOptions = {}): Promise<IoTable> {
  const found = await findGloriaFiles(path, options);
  const read: string[] = [];
  const dropped: string[] = [];
  const readme = await readWorkbook(found.readme, found.readme, { whole: true });
  const labels = readmeLabels(readme, found.readme);
  read.push(`labels from ${found.readme}: ${labels.regions.length} regions, ${labels.sectors.length} sectors, ${labels.finalDemand.length} final-demand and ${labels.valueAdded.length} value-added categories, ${labels.satellites.length} satellite accounts`);
  const R = labels.regions.length;
  const S = labels.sectors.length;
  const F = labels.finalDemand.length;
  const N = R * 2 * S;
  const mrio = await openSource(found.mrio);
  try {
    const markup = options.markup === 'purchaser' ? 5 : 1;
    const T = await readMatrix(mrio, resultFile(mrio, 'T', found, markup), N, N);
    const Y = await readMatrix(mrio, resultFile(mrio, 'Y', found, markup), N, R * F);
    const V = await readMatrix(mrio, resultFile(mrio, 'V', found, 1), R * labels.valueAdded.length, N);
    read.push(`T ${N} × ${N}, Y ${N} × ${R * F}, V ${R * labels.valueAdded.length} × ${N} from ${found.mrio} (Markup00${markup})`);
    let Q: { TQ: Matrix; YQ: Matrix } | undefined;
    if (found.satellites !== undefined) {
      const sat = await openSource(found.satellites);
      try {
        const k = labels.satellites.length;
        Q = { TQ: await readMatrix(sat, resultFile(sat, 'TQ', found, 1), k, N), YQ: await readMatrix(sat, resultFile(sat, 'YQ', found, 1), k, R * F) };
        read.push(`satellite accounts TQ ${k} × ${N}, YQ ${k} × ${R * F} from ${found.satellites}`);
      } finally {
        await sat.close();
      }
    } else {
      dropped.push('no satellite accounts: no GLORIA_SatelliteAccounts folder or zip beside the MRIO');
    }
    const kept = labels.regions.map((_, r) => r).filter((r) => !regionEmpty(T, r, S, N));
    for (let r = 0; r < R; r++) if (!kept.includes(r)) dropped.push(`region ${JSON.stringify(labels.regions[r])}: its rows and columns of T are all zero`);
    const sut = gloriaSupplyUse(labels, kept, { T, Y, V, Q });
    const model = options.model ?? 'B';
    const symmetric = symmetricFromSut(sut.tables, { model });
    if (symmetric.status === 'refused') throw inputError(`sut-${symmetric.code}`, symmetric.message, { file: path, path: ['--model'] }, model);
    const regions = kept.map((r) => labels.regions[r]);
    const table = symmetricToIoTable(symmetric, {
      name: options.name ?? `GLORIA ${found.version} ${found.year}`,
      unit: GLORIA_UNIT,
      regions,
      sectors: labels.sectors,
      categories: labels.finalDemand,
      finalUseRows: sut.finalUseRows,
      outputFromUse: true,
      place: () => ({ file: mrio.where(resultFile(mrio, 'T', found, markup)), row: 1, tableColumn: 1 }),
      labelPlace: { file: found.readme, path: ['Regions'] },
      read,
      guessed: [],
      dropped,
    });
    return table;
  } finally {
    await mrio.close();
  }
}

interface GloriaFiles {
  readonly mrio: string;
  readonly satellites?: string;
  readonly readme: string;
  readonly year: string;
  readonly version: string;
}

const MRIO = /^GLORIA_MRIOs_(\d+[a-z]?)_(\d{4})(\.zip)?$/i;
const SATELLITES = /^GLORIA_SatelliteAccounts_0*(\d+[a-z]?)_(\d{4})(\.zip)?$/i;
const README = /^GLORIA_ReadMe_0*(\d+[a-z]?)\.xlsx$/i;

async function findGloriaFiles(path: string, options: GloriaOptions): Promise<GloriaFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw inputError('file-not-found', 'no such file or folder', { file: path });
  }
  const root = MRIO.test(basename(path)) ? dirname(path) : path;
  if (!info.isDirectory() && root === path) throw inputError('not-gloria', 'give the folder that holds GLORIA_MRIOs_{version}_{year} (zip or folder) and GLORIA_ReadMe_0{version}.xlsx, or the MRIO zip itself', { file: path, path: ['path'] });
  const names = (await readdir(root)).sort();
  const mrios = names.map((n) => MRIO.exec(n)).filter((m): m is RegExpExecArray => m !== null);
  const pick = mrios.filter((m) => (options.year === undefined || m[2] === options.year) && (options.version === undefined || m[1] === options.version.replace(/^0+/, '')) && (root === path || m[0] === basename(path)));
  const listed = mrios.map((m) => m[0]).join(', ') || 'none';
  if (pick.length === 0) throw inputError('file-not-found', `no GLORIA_MRIOs_{version}_{year} zip or folder${options.year === undefined ? '' : ` for ${options.year}`}${options.version === undefined ? '' : ` of version ${options.version}`} (found: ${listed})`, { file: root, path: [options.year === undefined ? 'path' : '--year'] });
  if (pick.length > 1) throw inputError('ambiguous', `several GLORIA MRIOs (${pick.map((m) => m[0]).join(', ')}): choose one with --year and --version`, { file: root, path: ['--year'] });
  const [mrioName, version, year] = pick[0];
  const readme = names.find((n) => README.exec(n)?.[1] === version) ?? names.find((n) => README.test(n));
  if (readme === undefined) throw inputError('file-not-found', `no GLORIA_ReadMe_0${version}.xlsx beside the MRIO: its labels are needed`, { file: root, path: ['GLORIA_ReadMe'] }, `GLORIA_ReadMe_0${version}.xlsx`);
  const satellites = names.find((n) => {
    const m = SATELLITES.exec(n);
    return m !== null && m[1] === version && m[2] === year;
  });
  return { mrio: join(root, mrioName), readme: join(root, readme), year, version, ...(satellites === undefined ? {} : { satellites: join(root, satellites) }) };
}

interface GloriaLabels {
  readonly regions: string[];
  readonly sectors: string[];
  readonly finalDemand: string[];
  readonly valueAdded: string[];
  readonly satellites: { id: string; head: string; unit: string }[];
}

function readmeLabels(sheets: readonly Sheet[], file: string): GloriaLabels {
  const column = (sheetName: string, header: string): string[] => {
    const sheet = sheetNamed(sheets, sheetName, file);
    const head = sheet.rows[0] ?? [];
    const c = head.findIndex((h) => typeof h === 'string' && h.trim() === header);
    if (c < 0) throw inputError('missing-column', `the sheet "${sheetName}" has no column "${header}"`, { file: `${file} [${sheetName}]`, row: 1, tableColumn: 1 }, header);
    const out: string[] = [];
    for (let r = 1; r < sheet.rows.length; r++) {
      const v = sheet.rows[r][c];
      if (v === null || v === undefined || String(v).trim() === '') continue;
      out.push(String(v).trim());
    }
    return out;
  };
  const sats = column('Satellites', 'Sat_indicator').map((id, k) => ({ id, head: column('Satellites', 'Sat_head_indicator')[k], unit: column('Satellites', 'Sat_unit')[k] }));
  return {
    regions: column('Regions', 'Region_acronyms'),
    sectors: column('Sectors', 'Sector_names'),
    finalDemand: column('Value added and final demand', 'Final_demand_names'),
    valueAdded: column('Value added and final demand', 'Value_added_names'),
    satellites: sats,
  };
}

function resultFile(source: SourceFiles, kind: 'T' | 'Y' | 'V' | 'TQ' | 'YQ', found: GloriaFiles, markup: number): string {
  const suffix = `_${kind}-Results_${found.year}_0${found.version}_Markup00${markup}(full).csv`;
  const e = source.entries.find((x) => x.name.endsWith(suffix));
  return e === undefined ? source.entry(`0_120secMother_AllCountries_002${suffix}`).name : e.name;
}

interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
}

/** A headerless CSV of numbers, rows × cols exactly; a ragged or short file, or a cell not a number, is a located error. */
async function readMatrix(source: SourceFiles, name: string, rows: number, cols: number): Promise<Matrix> {
  const file = source.where(name);
  const table = parseDelimited(await source.readText(name), file, { delimiter: ',' });
  if (table.rows.length !== rows) {
    const last = table.rows[table.rows.length - 1] as (typeof table.rows)[number] | undefined;
    throw inputError('wrong-shape', `${table.rows.length} rows where the ReadMe's labels make ${rows}`, { file, row: last?.row ?? 1, tableColumn: 1 }, table.rows.length);
  }
  const values = new Float64Array(rows * cols);
  table.rows.forEach((r, i) => {
    if (r.cells.length !== cols) throw inputError('ragged-row', `row has ${r.cells.length} cells where the ReadMe's labels make ${cols}`, { file, row: r.row, tableColumn: Math.min(r.cells.length, cols) + 1 }, r.cells.length);
    for (let j = 0; j < cols; j++) values[i * cols + j] = parseCellNumber(r.cells[j], { file, row: r.row, tableColumn: j + 1 });
  });
  return { rows, cols, values };
}

function regionEmpty(T: Matrix, r: number, S: number, N: number): boolean {
  for (let k = r * 2 * S; k < (r + 1) * 2 * S; k++) {
    for (let j = 0; j < N; j++) if (T.values[k * N + j] !== 0 || T.values[j * N + k] !== 0) return false;
  }
  return true;
}

/** GLORIA's T, Y, V and satellites as supply and use tables of the regions kept (products and industries region-major). */
function gloriaSupplyUse(labels: GloriaLabels, kept: readonly number[], m: { T: Matrix; Y: Matrix; V: Matrix; Q?: { TQ: Matrix; YQ: Matrix } | undefined }): { tables: SupplyUseTables; finalUseRows: Record<string, Float64Array> } {
  const S = labels.sectors.length;
  const F = labels.finalDemand.length;
  const N = m.T.cols;
  const n = kept.length * S;
  const industryIndex = (k: number): number => kept[Math.floor(k / S)] * 2 * S + (k % S);
  const productIndex = (k: number): number => kept[Math.floor(k / S)] * 2 * S + S + (k % S);
  const supply = new Float64Array(n * n);
  const use = new Float64Array(n * n);
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < n; i++) {
      supply[p * n + i] = m.T.values[industryIndex(i) * N + productIndex(p)];
      use[p * n + i] = m.T.values[productIndex(p) * N + industryIndex(i)];
    }
  }
  const K = kept.length * F;
  const yCol = (c: number): number => kept[Math.floor(c / F)] * F + (c % F);
  const finalUse = new Float64Array(n * K);
  for (let p = 0; p < n; p++) for (let c = 0; c < K; c++) finalUse[p * K + c] = m.Y.values[productIndex(p) * m.Y.cols + yCol(c)];
  const A = labels.valueAdded.length;
  const vaRows: string[] = [];
  const va = new Float64Array(kept.length * A * n);
  kept.forEach((r, kr) => {
    for (let a = 0; a < A; a++) {
      vaRows.push(`${labels.regions[r]}/${labels.valueAdded[a]}`);
      for (let i = 0; i < n; i++) va[(kr * A + a) * n + i] = m.V.values[(r * A + a) * N + industryIndex(i)];
    }
  });
  const rowBlocks: SutRowBlock[] = [{ name: 'VA', rows: vaRows, values: va, valueAdded: true }];
  const finalUseRows: Record<string, Float64Array> = {};
  if (m.Q !== undefined) {
    const k = labels.satellites.length;
    const q = new Float64Array(k * n);
    const qy = new Float64Array(k * K);
    for (let s = 0; s < k; s++) {
      for (let i = 0; i < n; i++) q[s * n + i] = m.Q.TQ.values[s * N + industryIndex(i)];
      for (let c = 0; c < K; c++) qy[s * K + c] = m.Q.YQ.values[s * m.Q.YQ.cols + yCol(c)];
    }
    rowBlocks.push({ name: 'Q', rows: labels.satellites.map((s) => s.id), values: q, valueAdded: false, units: labels.satellites.map((s) => s.unit), compartments: labels.satellites.map((s) => s.head) });
    finalUseRows.Q = qy;
  }
  const products = Array.from({ length: n }, (_, k) => `${labels.regions[kept[Math.floor(k / S)]]}/${labels.sectors[k % S]}`);
  return { tables: { products, industries: products, supply, use, categories: Array.from({ length: K }, (_, c) => `${labels.regions[kept[Math.floor(c / F)]]}/${labels.finalDemand[c % F]}`), finalUse, rowBlocks }, finalUseRows };
}
