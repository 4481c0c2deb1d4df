import { inputError } from '../../errors.js';
import type { PrimaryRow, RawMatrix } from '../mrio/parse-matrix-csv.js';
import type { RegionCode } from '../mrio/product-grid.js';
import type { Sheet } from '../read-workbook.js';
import { sheetNumber } from './sheet-number.js';
import { cellText, WIOD_2013_FINAL, WIOD_FINAL, WIOD_ROWS, WIOD_TOTAL_REGION, wiodRegion, wiodRowCode } from './wiod-labels.js';

/** Rows of the header of a world table (0-based): codes, descriptions, regions, c-numbers; data after them, from column 5. */
const CODES = 2;
const REGIONS = 4;
const CNUMBERS = 5;
const FIRST_DATA_ROW = 6;
const FIRST_DATA_COLUMN = 4;

/**
 * The blocks of a WIOD world input–output table (the 2016 release's `WIOT2014_Nov16_ROW`, the 2013
 * release's `wiot09_row_sep12`: six header rows — title, countries and prices, codes, descriptions,
 * countries, c-numbers — and four label columns: code, description, country, r-number). Industry
 * columns and rows by country and code; final use by its code (CONS_h, CONS_np, CONS_g, GFCF,
 * INVEN; 2013 by its c-number); the rows below the industries by code or description (TXSP,
 * EXP_adj, PURR, PURNR, VA, IntTTM as primary inputs, II_fob a total left out, GO the output row);
 * the total output column GO. ROM is read as ROU.
 */
export function parseWiot(sheet: Sheet, file: string): RawMatrix & { readonly year?: number; readonly renamed: boolean } {
  const rows = sheet.rows;
  const head = (r: number) => rows[r] ?? [];
  if (rows.length <= FIRST_DATA_ROW || cellText(head(REGIONS)[FIRST_DATA_COLUMN]) === '') {
    throw inputError('bad-layout', 'not a WIOD world table: row 5 should name the country of each column from column E on', { file, row: REGIONS + 1, tableColumn: FIRST_DATA_COLUMN + 1 });
  }
  let renamed = false;
  const region = (t: string): string => {
    const r = wiodRegion(t);
    if (r !== t) renamed = true;
    return r;
  };
  const industries: RegionCode[] = [];
  const industryCol: number[] = [];
  const finals: RegionCode[] = [];
  const finalCol: number[] = [];
  let outputCol = -1;
  const byLabel = new Map<string, number>();
  const width = Math.max(head(CODES).length, head(CODES + 1).length, head(REGIONS).length, head(CNUMBERS).length);
  for (let c = FIRST_DATA_COLUMN; c < width; c++) {
    const code = cellText(head(CODES)[c]);
    const reg = region(cellText(head(REGIONS)[c]));
    const cnum = cellText(head(CNUMBERS)[c]).toLowerCase();
    const description = cellText(head(CODES + 1)[c]).toLowerCase();
    if (code === 'GO' || ((reg === '' || reg === WIOD_TOTAL_REGION) && description.includes('total output'))) outputCol = c;
    else if (WIOD_FINAL.has(code) || (code === '' && WIOD_2013_FINAL[cnum] !== undefined)) {
      finals.push({ region: reg, code: WIOD_FINAL.has(code) ? code : WIOD_2013_FINAL[cnum] });
      finalCol.push(c);
    } else if (reg !== '' && reg !== WIOD_TOTAL_REGION && code !== '') {
      byLabel.set(`${reg}\u0000${code}`, industries.length);
      industries.push({ region: reg, code });
      industryCol.push(c);
    } else if (code !== '' || reg !== '' || cnum !== '') {
      throw inputError('unknown-column', 'column is neither an industry (country and code), final use (CONS_h, CONS_np, CONS_g, GFCF, INVEN) nor total output (GO)', { file, row: CODES + 1, tableColumn: c + 1 }, code || cnum);
    }
  }
  const n = industries.length;
  const F = finals.length;
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * F);
  const output = new Float64Array(n).fill(Number.NaN);
  const seen = new Uint8Array(n);
  const primary: PrimaryRow[] = [];
  const guessed: string[] = [];
  let outputRow: Float64Array | undefined;
  const regions = new Set(industries.map((l) => l.region));
  for (let r = FIRST_DATA_ROW; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c === null || cellText(c) === '')) continue;
    const code = cellText(row[0]);
    const reg = region(cellText(row[2]));
    const num = (c: number) => sheetNumber(row[c], file, r, c);
    if (reg !== '' && reg !== WIOD_TOTAL_REGION) {
      const i = byLabel.get(`${reg}\u0000${code}`);
      if (i === undefined) {
        const known = regions.has(reg);
        throw inputError(known ? 'unknown-sector' : 'unknown-region', known ? `industry ${code} of ${reg} has no column in the table` : `country ${reg} has no columns in the table`, { file, row: r + 1, tableColumn: known ? 1 : 3 }, known ? code : reg);
      }
      if (seen[i] === 1) throw inputError('duplicate-label', `the row of ${reg} ${code} appears twice`, { file, row: r + 1, tableColumn: 1 }, code);
      seen[i] = 1;
      for (let j = 0; j < n; j++) Z[i * n + j] = num(industryCol[j]);
      for (let k = 0; k < F; k++) Y[i * F + k] = num(finalCol[k]);
      if (outputCol >= 0) output[i] = num(outputCol);
      continue;
    }
    const description = cellText(row[1]);
    const known = wiodRowCode(code, description);
    const values = () => ({ industry: Float64Array.from(industryCol, num), final: Float64Array.from(finalCol, num) });
    const role = known === undefined ? undefined : WIOD_ROWS[known];
    if (role === 'total') continue;
    if (role === 'output') outputRow = values().industry;
    else {
      const id = known ?? (code !== '' ? code : description);
      if (id === '') throw inputError('missing-label', 'row without a code or description', { file, row: r + 1, tableColumn: 1 });
      primary.push({ id, row: r + 1, ...values() });
      if (known === undefined) guessed.push(id);
    }
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw inputError('missing-row', `industry ${industries[missing].region} ${industries[missing].code} has a column but no row`, { file, row: CODES + 1, tableColumn: industryCol[missing] + 1 }, industries[missing].code);
  const title = cellText(head(0)[0]);
  const year = /(\d{4})\s*$/.exec(title)?.[1];
  return {
    file,
    industries,
    industryPlace: (j) => ({ file, row: CODES + 1, tableColumn: industryCol[j] + 1 }),
    finals,
    finalPlace: (k) => ({ file, row: CODES + 1, tableColumn: finalCol[k] + 1 }),
    reversedFinal: false,
    hasOutputColumn: outputCol >= 0,
    hasDiscrepancy: false,
    Z,
    Y,
    output,
    discrepancy: new Float64Array(n),
    primary,
    ...(outputRow === undefined ? {} : { outputRow }),
    guessedPrimary: guessed,
    ...(year === undefined ? {} : { year: Number(year) }),
    renamed,
  };
}
