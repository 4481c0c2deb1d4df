import { inputError } from '../../errors.js';
import { listed, type NotesDraft } from '../mrio/import-notes.js';
import type { Sheet } from '../read-workbook.js';
import type { IoExtension } from '../types.js';
import { sheetNumber } from './sheet-number.js';
import { cellText, wiodRegion } from './wiod-labels.js';

/** The socio-economic accounts read as stressors: persons engaged and employees, their hours. */
export const SEA_STRESSORS: readonly { readonly id: string; readonly unit: string }[] = [
  { id: 'EMP', unit: 'thousand persons' },
  { id: 'EMPE', unit: 'thousand persons' },
  { id: 'H_EMP', unit: 'million hours' },
  { id: 'H_EMPE', unit: 'million hours' },
];

/**
 * The extension `sea` from the DATA sheet of the WIOD socio-economic accounts (columns country,
 * variable, description, code and one per year, `2014` or `_2014`): persons engaged (EMP),
 * employees (EMPE) and their hours (H_EMP, H_EMPE) where given, per country and industry of the
 * table, in `year`. Its monetary variables (in national currencies, not adding up across
 * countries) and its price and volume indices are left out, and so are countries and codes the
 * table lacks; a country of the table without accounts (the rest of the world) and missing values
 * are 0. The notes say all of it.
 */
export function readSea(sheet: Sheet, file: string, regions: readonly string[], sectors: readonly string[], year: number, notes: NotesDraft): IoExtension {
  const head = (sheet.rows[0] ?? []).map((c) => cellText(c).toLowerCase());
  const col = (name: string) => head.indexOf(name);
  const [country, variable, code] = [col('country'), col('variable'), col('code')];
  const yearCol = head.findIndex((h) => h === String(year) || h === `_${year}`);
  for (const [k, name] of [[country, 'country'], [variable, 'variable'], [code, 'code']] as const) {
    if (k < 0) throw inputError('missing-column', `the socio-economic accounts have no column ${name}`, { file, row: 1, tableColumn: head.length + 1 }, name);
  }
  if (yearCol < 0) throw inputError('missing-year', `the socio-economic accounts have no column for ${year}`, { file, row: 1, tableColumn: head.length + 1, path: ['--year'] }, year);
  const present = new Set<string>();
  for (let r = 1; r < sheet.rows.length; r++) present.add(cellText(sheet.rows[r][variable]));
  const stressors = SEA_STRESSORS.filter((s) => present.has(s.id));
  const stressorOf = new Map(stressors.map((s, k) => [s.id, k]));
  const n = regions.length * sectors.length;
  const F = new Float64Array(stressors.length * n);
  const regionOf = new Map(regions.map((r, k) => [r, k]));
  const sectorOf = new Map(sectors.map((s, k) => [s, k]));
  const covered = new Set<string>();
  const otherCountries = new Set<string>();
  const otherCodes = new Set<string>();
  let missing = 0;
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const s = stressorOf.get(cellText(row[variable]));
    if (s === undefined) continue;
    const reg = wiodRegion(cellText(row[country]));
    const rk = regionOf.get(reg);
    const sk = sectorOf.get(cellText(row[code]));
    if (rk === undefined) {
      otherCountries.add(reg);
      continue;
    }
    if (sk === undefined) {
      otherCodes.add(cellText(row[code]));
      continue;
    }
    covered.add(reg);
    const cell = row[yearCol];
    if (cell === null || cell === undefined || cellText(cell) === '' || /^(NA|n\/a|#N\/A)$/i.test(cellText(cell))) {
      missing++;
      continue;
    }
    F[s * n + rk * sectors.length + sk] = sheetNumber(cell, file, r, yearCol);
  }
  const dropped = [...present].filter((v) => v !== '' && !stressorOf.has(v));
  notes.read.push(`${file}: socio-economic accounts for ${year} as the extension sea: ${stressors.map((s) => `${s.id} (${s.unit})`).join(', ')}`);
  if (dropped.length > 0) notes.dropped.push(`socio-economic variables ${listed(dropped, 12)}: in national currencies (which do not add up across countries) or price and volume indices`);
  const uncovered = regions.filter((r) => !covered.has(r));
  if (uncovered.length > 0) notes.guessed.push(`no socio-economic accounts for ${listed(uncovered)}: their entries are 0`);
  if (otherCountries.size > 0) notes.dropped.push(`socio-economic accounts of countries not in the table: ${listed([...otherCountries])}`);
  if (otherCodes.size > 0) notes.dropped.push(`socio-economic accounts of codes not in the table (totals, aggregates): ${listed([...otherCodes])}`);
  if (missing > 0) notes.guessed.push(`${missing} socio-economic values missing for ${year}: read as 0`);
  return { name: 'sea', stressors, F };
}
