import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ImporterOptions } from '../../../../src/model/import/index.js';
import { fixture } from '../../../helpers/paths.js';

/** BEA's make–use download (AllTablesIO: summary 2021–2022 and detail 2017) and supply–use download (AllTablesSUP), written by test/fixtures/bea/make_bea.mjs. */
export const beaIo = fixture('bea', 'AllTablesIO');
export const beaIoZip = fixture('bea', 'AllTablesIO.zip');
export const beaSup = fixture('bea', 'AllTablesSUP');
export const SUMMARY_MAKE = 'IOMake_Before_Redefinitions_1997-2022_Summary.xlsx';
export const SUMMARY_USE = 'IOUse_Before_Redefinitions_PRO_1997-2022_Summary.xlsx';
export const DETAIL_MAKE = 'IOMake_Before_Redefinitions_2017_Detail.xlsx';
export const SUMMARY_SUPPLY = 'Supply_Tables_1997-2022_Summary.xlsx';
export const DETAIL_SUPPLY = 'Supply_2017_DET.xlsx';

/**
 * A copy of a BEA download folder in `dir`, with cells of one workbook changed: `cells` maps
 * "sheet!A1"-style addresses (sheet = the year) to the value written there.
 */
export async function writeBea(dir: string, from: string, workbook: string, cells: Readonly<Record<string, string | number | null>>): Promise<string> {
  const root = join(dir, 'bea');
  await cp(from, root, { recursive: true });
  const path = join(root, workbook);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const [where, value] of Object.entries(cells)) {
    const [sheet, address] = where.split('!');
    const ws = wb.getWorksheet(sheet);
    if (ws === undefined) throw new Error(`no sheet ${sheet} in ${workbook}`);
    ws.getCell(address).value = value;
  }
  await wb.xlsx.writeFile(path);
  return root;
}

/** The first half of the zip download. */
export async function truncatedZip(dir: string): Promise<string> {
  const bytes = await readFile(beaIoZip);
  const path = join(dir, 'AllTablesIO.zip');
  await writeFile(path, bytes.subarray(0, bytes.length >> 1));
  return path;
}

/** Inputs of `import bea` for the shared importer suite. */
export const beaInputs: readonly { name: string; expect: 'loads' | 'refused' | 'either'; write: (dir: string) => Promise<string | { path: string; options: ImporterOptions }>; options?: ImporterOptions }[] = [
  { name: 'the make–use folder (summary, the latest year)', expect: 'loads', write: () => Promise.resolve(beaIo) },
  { name: 'the make–use folder, detail, 2017', expect: 'loads', write: () => Promise.resolve(beaIo), options: { level: 'detail', year: '2017' } },
  { name: 'the make–use zip, summary 2021, model D', expect: 'loads', write: () => Promise.resolve(beaIoZip), options: { year: '2021', model: 'D' } },
  { name: 'the summary make workbook, its use beside it', expect: 'loads', write: () => Promise.resolve(join(beaIo, SUMMARY_MAKE)) },
  {
    name: 'the make workbook alone, its use given with --use',
    expect: 'loads',
    write: async (dir) => {
      const path = join(dir, 'make.xlsx');
      await cp(join(beaIo, SUMMARY_MAKE), path);
      return { path, options: { use: join(beaIo, SUMMARY_USE) } };
    },
  },
  { name: 'the summary supply workbook (supply–use framework)', expect: 'loads', write: () => Promise.resolve(join(beaSup, SUMMARY_SUPPLY)) },
  { name: 'the detail supply workbook, model D', expect: 'loads', write: () => Promise.resolve(join(beaSup, DETAIL_SUPPLY)), options: { model: 'D' } },
  { name: 'model A: more commodities than industries', expect: 'refused', write: () => Promise.resolve(beaIo), options: { model: 'A' } },
  { name: 'model C: more commodities than industries', expect: 'refused', write: () => Promise.resolve(beaIo), options: { model: 'C' } },
  { name: 'a year the workbooks do not hold', expect: 'refused', write: () => Promise.resolve(beaIo), options: { year: '1999' } },
  { name: 'a level the folder does not hold', expect: 'refused', write: () => Promise.resolve(beaIo), options: { level: 'sector' } },
  { name: 'a truncated zip', expect: 'refused', write: truncatedZip },
  {
    name: 'a legacy .xls workbook',
    expect: 'refused',
    write: async (dir) => {
      const path = join(dir, 'IOMake_Before_Redefinitions_1997-2022_Summary.xls');
      await writeFile(path, 'not a workbook');
      return path;
    },
  },
  { name: 'an unknown commodity code in the make table', expect: 'refused', write: (dir) => writeBea(dir, beaIo, SUMMARY_MAKE, { '2022!C6': '999ZZ' }) },
  { name: 'a make cell that is not a number', expect: 'refused', write: (dir) => writeBea(dir, beaIo, SUMMARY_MAKE, { '2022!C8': '12O' }) },
  { name: 'a negative make cell', expect: 'refused', write: (dir) => writeBea(dir, beaIo, SUMMARY_MAKE, { '2022!C8': -5 }) },
  { name: 'a use cell beyond 1e30', expect: 'refused', write: (dir) => writeBea(dir, beaIo, SUMMARY_USE, { '2022!C8': 2e31 }) },
  { name: 'a use cell changed, so the commodity no longer balances', expect: 'refused', write: (dir) => writeBea(dir, beaIo, SUMMARY_USE, { '2022!C8': 5000 }) },
  { name: 'a number in a column without a code (a ragged row)', expect: 'refused', write: (dir) => writeBea(dir, beaIo, SUMMARY_USE, { '2022!Z9': 7 }) },
  {
    name: 'no use workbook beside the make workbook',
    expect: 'refused',
    write: async (dir) => {
      const root = await writeBea(dir, beaIo, SUMMARY_MAKE, {});
      await rm(join(root, SUMMARY_USE));
      return join(root, SUMMARY_MAKE);
    },
  },
];
