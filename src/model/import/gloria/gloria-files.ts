import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inputError } from '../../errors.js';
import type { Sheet } from '../read-workbook.js';
import { sheetNamed } from '../read-workbook.js';
import type { SourceFiles } from '../source-files.js';

/** Which download, year and version `plenty import gloria` reads. */
export interface GloriaSelection {
  readonly year?: string;
  readonly version?: string;
}

export interface GloriaFiles {
  readonly mrio: string;
  readonly satellites?: string;
  readonly readme: string;
  readonly year: string;
  readonly version: string;
}

const MRIO = /^GLORIA_MRIOs_(\d+[a-z]?)_(\d{4})(\.zip)?$/i;
const SATELLITES = /^GLORIA_SatelliteAccounts_0*(\d+[a-z]?)_(\d{4})(\.zip)?$/i;
const README = /^GLORIA_ReadMe_0*(\d+[a-z]?)\.xlsx$/i;

export async function findGloriaFiles(path: string, options: GloriaSelection): Promise<GloriaFiles> {
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

export interface GloriaLabels {
  readonly regions: string[];
  readonly sectors: string[];
  readonly finalDemand: string[];
  readonly valueAdded: string[];
  readonly satellites: { id: string; head: string; unit: string }[];
}

export function readmeLabels(sheets: readonly Sheet[], file: string): GloriaLabels {
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

export function resultFile(source: SourceFiles, kind: 'T' | 'Y' | 'V' | 'TQ' | 'YQ', found: GloriaFiles, markup: number): string {
  const suffix = `_${kind}-Results_${found.year}_0${found.version}_Markup00${markup}(full).csv`;
  const e = source.entries.find((x) => x.name.endsWith(suffix));
  return e === undefined ? source.entry(`0_120secMother_AllCountries_002${suffix}`).name : e.name;
}
