import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importers, type IoTable } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';
import type { ImporterInput } from './tables.js';

/** The database importers (OECD ICIO, FIGARO, WIOD) on their fixtures, as the shared suite runs them. */
export const mrioCases: readonly { readonly name: string; readonly load: () => Promise<IoTable>; readonly monetary: boolean }[] = [
  { name: 'oecd: ICIO 2016 edition', load: () => importers.oecd(fixture('oecd', 'ICIO2016_2003.csv'), {}), monetary: true },
  { name: 'oecd: ICIO 2018 edition (zip)', load: () => importers.oecd(fixture('oecd', 'ICIO2018_2015.zip'), {}), monetary: true },
  { name: 'oecd: ICIO 2021 edition', load: () => importers.oecd(fixture('oecd', 'ICIO2021_2018.csv'), {}), monetary: true },
  { name: 'oecd: ICIO 2023 edition (_SML, a zip of two years)', load: () => importers.oecd(fixture('oecd', 'ICIO2023_2019-2020.zip'), { year: '2020' }), monetary: true },
  { name: 'figaro: matrix, industry by industry', load: () => importers.figaro(fixture('figaro', 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv'), {}), monetary: true },
  { name: 'figaro: flat (zip), industry by industry', load: () => importers.figaro(fixture('figaro', 'flatfile_eu-ic-io_ind-by-ind_24ed_2022.zip'), {}), monetary: true },
  { name: 'figaro: matrix, product by product', load: () => importers.figaro(fixture('figaro', 'matrix_eu-ic-io_prod-by-prod_24ed_2021.csv'), {}), monetary: true },
  { name: 'wiod: 2016 world table with SEA', load: () => importers.wiod(fixture('wiod', 'release2016'), {}), monetary: true },
  { name: 'wiod: 2016 national table', load: () => importers.wiod(fixture('wiod', 'release2016', 'AUS_NIOT_nov16.xlsx'), { year: '2013' }), monetary: true },
  { name: 'wiod: 2013 world table with SEA', load: () => importers.wiod(fixture('wiod', 'release2013'), {}), monetary: true },
];

/** `file` copied into `dir` under `name` with its text changed by `edit`. */
async function edited(dir: string, file: string, name: string, edit: (text: string) => string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, edit(await readFile(file, 'utf8')));
  return path;
}

/** The first half of a zip: its directory (at the end) is gone. */
async function truncated(dir: string, file: string, name: string): Promise<string> {
  const bytes = await readFile(file);
  const path = join(dir, name);
  await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return path;
}

/** Record `k` (0-based) of a CSV text with cell `c` replaced by `value` (or removed, for undefined). */
function cell(text: string, k: number, c: number, value: string | undefined): string {
  const lines = text.split('\n');
  const cells = lines[k].split(',');
  if (value === undefined) cells.splice(c, 1);
  else cells[c] = value;
  lines[k] = cells.join(',');
  return lines.join('\n');
}

/** A WIOD workbook copied into `dir` with one cell of its first sheet changed (rows and columns 1-based). */
async function workbookWith(dir: string, file: string, name: string, row: number, col: number, value: string | number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.worksheets[0].getRow(row).getCell(col).value = value;
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const ICIO_2021 = fixture('oecd', 'ICIO2021_2018.csv');
const FIGARO_MATRIX = fixture('figaro', 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv');
const WIOT_2016 = fixture('wiod', 'release2016', 'WIOT2014_Nov16_ROW.xlsx');

export const oecdInputs: readonly ImporterInput[] = [
  { name: 'the 2021 edition (negative TLS split)', expect: 'loads', write: () => Promise.resolve(ICIO_2021) },
  { name: 'the 2016 edition (DISC, final demand category first)', expect: 'loads', write: () => Promise.resolve(fixture('oecd', 'ICIO2016_2003.csv')) },
  { name: 'the 2018 edition in its zip', expect: 'loads', write: () => Promise.resolve(fixture('oecd', 'ICIO2018_2015.zip')) },
  { name: 'the 2023 edition, one year of a zip of two', expect: 'loads', write: () => Promise.resolve(fixture('oecd', 'ICIO2023_2019-2020.zip')), options: { year: '2019' } },
  { name: 'a zip of two years without --year', expect: 'refused', write: () => Promise.resolve(fixture('oecd', 'ICIO2023_2019-2020.zip')) },
  { name: 'a missing file', expect: 'refused', write: (dir) => Promise.resolve(join(dir, 'ICIO2021_2018.csv')) },
  { name: 'a truncated zip', expect: 'refused', write: (dir) => truncated(dir, fixture('oecd', 'ICIO2018_2015.zip'), 'ICIO2018_2015.zip') },
  { name: 'a ragged row', expect: 'refused', write: (dir) => edited(dir, ICIO_2021, 'ICIO2021_2018.csv', (t) => cell(t, 3, 5, undefined)) },
  { name: 'an unknown country code', expect: 'refused', write: (dir) => edited(dir, ICIO_2021, 'ICIO2021_2018.csv', (t) => cell(t, 2, 0, 'XYZ_D05T06')) },
  { name: 'a cell that is not a number', expect: 'refused', write: (dir) => edited(dir, ICIO_2021, 'ICIO2021_2018.csv', (t) => cell(t, 4, 7, '12,5x')) },
  { name: 'a cell beyond 1e30', expect: 'refused', write: (dir) => edited(dir, ICIO_2021, 'ICIO2021_2018.csv', (t) => cell(t, 4, 7, '3e31')) },
];

export const figaroInputs: readonly ImporterInput[] = [
  { name: 'the matrix format', expect: 'loads', write: () => Promise.resolve(FIGARO_MATRIX) },
  { name: 'the flat format (zip)', expect: 'loads', write: () => Promise.resolve(fixture('figaro', 'flatfile_eu-ic-io_ind-by-ind_24ed_2022.zip')) },
  { name: 'product by product', expect: 'loads', write: () => Promise.resolve(fixture('figaro', 'matrix_eu-ic-io_prod-by-prod_24ed_2021.csv')) },
  { name: 'a folder of two years, one asked for', expect: 'loads', write: () => Promise.resolve(fixture('figaro')), options: { year: '2021' } },
  { name: 'a supply and use pair (needs import sut)', expect: 'refused', write: () => Promise.resolve(fixture('figaro', 'sut')) },
  { name: 'a missing file', expect: 'refused', write: (dir) => Promise.resolve(join(dir, 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv')) },
  { name: 'a truncated zip', expect: 'refused', write: (dir) => truncated(dir, fixture('figaro', 'flatfile_eu-ic-io_ind-by-ind_24ed_2022.zip'), 'flatfile_eu-ic-io_ind-by-ind_24ed_2022.zip') },
  { name: 'a ragged row', expect: 'refused', write: (dir) => edited(dir, FIGARO_MATRIX, 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv', (t) => cell(t, 2, 3, undefined)) },
  { name: 'an unknown country code', expect: 'refused', write: (dir) => edited(dir, FIGARO_MATRIX, 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv', (t) => cell(t, 3, 0, 'QQ_C31_32')) },
  { name: 'a cell that is not a number', expect: 'refused', write: (dir) => edited(dir, FIGARO_MATRIX, 'matrix_eu-ic-io_ind-by-ind_24ed_2022.csv', (t) => cell(t, 5, 2, 'n/a')) },
];

export const wiodInputs: readonly ImporterInput[] = [
  { name: 'the 2016 world table with SEA', expect: 'loads', write: () => Promise.resolve(fixture('wiod', 'release2016')) },
  { name: 'a 2016 national table', expect: 'loads', write: () => Promise.resolve(fixture('wiod', 'release2016', 'AUS_NIOT_nov16.xlsx')), options: { year: '2014', sea: fixture('wiod', 'release2016', 'WIOD_SEA_Nov16.xlsx') } },
  { name: 'the 2013 world table with SEA', expect: 'loads', write: () => Promise.resolve(fixture('wiod', 'release2013')) },
  { name: 'a national table without --year', expect: 'refused', write: () => Promise.resolve(fixture('wiod', 'release2016', 'AUS_NIOT_nov16.xlsx')) },
  { name: 'a missing file', expect: 'refused', write: (dir) => Promise.resolve(join(dir, 'WIOT2014_Nov16_ROW.xlsx')) },
  { name: 'a truncated workbook', expect: 'refused', write: (dir) => truncated(dir, WIOT_2016, 'WIOT2014_Nov16_ROW.xlsx') },
  { name: 'an unknown country code', expect: 'refused', write: (dir) => workbookWith(dir, WIOT_2016, 'WIOT2014_Nov16_ROW.xlsx', 8, 3, 'XYZ') },
  { name: 'a cell that is not a number', expect: 'refused', write: (dir) => workbookWith(dir, WIOT_2016, 'WIOT2014_Nov16_ROW.xlsx', 9, 6, 'twelve') },
  { name: 'a national table row whose origin is neither Domestic nor Imports', expect: 'refused', write: (dir) => workbookWith(dir, fixture('wiod', 'release2016', 'AUS_NIOT_nov16.xlsx'), 'AUS_NIOT_nov16.xlsx', 4, 4, 'Domestc'), options: { year: '2013' } },
  { name: 'a binary workbook (.xlsb)', expect: 'refused', write: async (dir) => {
    await copyFile(WIOT_2016, join(dir, 'WIOT2014_Nov16_ROW.xlsb'));
    return dir;
  } },
];
