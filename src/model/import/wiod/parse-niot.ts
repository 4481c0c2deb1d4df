import { inputError } from '../../errors.js';
import type { PrimaryRow, RawMatrix } from '../mrio/parse-matrix-csv.js';
import type { Sheet } from '../read-workbook.js';
import { sheetNumber } from './sheet-number.js';
import { cellText, WIOD_FINAL, WIOD_ROWS, wiodRowCode } from './wiod-labels.js';

/** The years a national table holds (its first column). */
export function niotYears(sheet: Sheet): number[] {
  const years = new Set<number>();
  for (let r = 2; r < sheet.rows.length; r++) {
    const y = sheet.rows[r][0];
    if (typeof y === 'number' && Number.isInteger(y)) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The blocks of one year of a WIOD national input–output table (`AUS_NIOT_nov16.xlsx`, sheet
 * "National IO-tables": a row of codes, a row of headers Year, Code, Description, Origin and the
 * column descriptions, then per year the industries' rows twice, Origin "Domestic" and "Imports",
 * and the rows below them). Domestic rows are Z and Y (final use CONS_h, CONS_np, CONS_g, GFCF,
 * INVEN, EXP); imported rows become primary inputs of the extension `imports`, one per product;
 * TXSP, EXP_adj, PURR, PURNR, VA, IntTTM primary inputs; GO the output row and column.
 */
export function parseNiot(sheet: Sheet, file: string, country: string, year: number): RawMatrix {
  const rows = sheet.rows;
  const codes = rows[0] ?? [];
  if (cellText((rows[1] ?? [])[3]).toLowerCase() !== 'origin') {
    throw inputError('bad-layout', 'not a WIOD national table: the second row should read Year, Code, Description, Origin', { file, row: 2, tableColumn: 4 }, cellText((rows[1] ?? [])[3]));
  }
  const industryCol: number[] = [];
  const finalCol: number[] = [];
  let outputCol = -1;
  for (let c = 4; c < codes.length; c++) {
    const code = cellText(codes[c]);
    if (code === 'GO') outputCol = c;
    else if (WIOD_FINAL.has(code)) finalCol.push(c);
    else if (code !== '') industryCol.push(c);
  }
  const industries = industryCol.map((c) => ({ region: country, code: cellText(codes[c]) }));
  const finals = finalCol.map((c) => ({ region: country, code: cellText(codes[c]) }));
  const byCode = new Map(industries.map((l, j) => [l.code, j]));
  const n = industries.length;
  const F = finals.length;
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * F);
  const output = new Float64Array(n).fill(Number.NaN);
  const seen = new Uint8Array(n);
  const primary: PrimaryRow[] = [];
  const guessed: string[] = [];
  let outputRow: Float64Array | undefined;
  for (let r = 2; r < rows.length; r++) {
    const row = rows[r];
    if (row[0] !== year && cellText(row[0]) !== String(year)) continue;
    const num = (c: number) => sheetNumber(row[c], file, r, c);
    const code = cellText(row[1]);
    const origin = cellText(row[3]).toLowerCase();
    const values = () => ({ industry: Float64Array.from(industryCol, num), final: Float64Array.from(finalCol, num) });
    if (origin === 'domestic' || origin === 'imports') {
      const i = byCode.get(code);
      if (i === undefined) throw inputError('unknown-sector', `industry ${code} has no column in the table`, { file, row: r + 1, tableColumn: 2 }, code);
      if (origin === 'imports') {
        primary.push({ id: code, row: r + 1, ...values() });
        continue;
      }
      if (seen[i] === 1) throw inputError('duplicate-label', `the domestic row of ${code} appears twice for ${year}`, { file, row: r + 1, tableColumn: 2 }, code);
      seen[i] = 1;
      for (let j = 0; j < n; j++) Z[i * n + j] = num(industryCol[j]);
      for (let k = 0; k < F; k++) Y[i * F + k] = num(finalCol[k]);
      if (outputCol >= 0) output[i] = num(outputCol);
      continue;
    }
    if (byCode.has(code)) throw inputError('bad-label', `the row of industry ${code} has origin "${cellText(row[3])}" where a national table has Domestic or Imports`, { file, row: r + 1, tableColumn: 4 }, cellText(row[3]));
    const known = wiodRowCode(code, cellText(row[2]));
    const role = known === undefined ? undefined : WIOD_ROWS[known];
    if (role === 'total') continue;
    if (role === 'output') outputRow = values().industry;
    else {
      const id = known ?? code;
      if (id === '') throw inputError('missing-label', 'row without a code', { file, row: r + 1, tableColumn: 2 });
      primary.push({ id, row: r + 1, ...values() });
      if (known === undefined) guessed.push(id);
    }
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw inputError('missing-row', `industry ${industries[missing].code} has no domestic row for ${year}`, { file, row: 1, tableColumn: industryCol[missing] + 1 }, industries[missing].code);
  return {
    file,
    industries,
    industryPlace: (j) => ({ file, row: 1, tableColumn: industryCol[j] + 1 }),
    finals,
    finalPlace: (k) => ({ file, row: 1, tableColumn: finalCol[k] + 1 }),
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
  };
}
