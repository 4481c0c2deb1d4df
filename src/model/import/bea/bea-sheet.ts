import { inputError, type Location } from '../../errors.js';
import { inMagnitude, magnitudeMessage } from '../../magnitude.js';
import { isNumberText, parseCellNumber } from '../parse-cell-number.js';
import type { Sheet, SheetCell } from '../read-workbook.js';

/** A row or column of a BEA table: its code (the name where BEA gives none, as for the summary tables' totals), its name, its 1-based place. */
export interface BeaLine {
  readonly code: string;
  readonly name: string;
  readonly index: number;
}

/**
 * One sheet (one year) of a BEA make, use or supply table as BEA publishes it: title rows on top
 * (the table's name, "[Millions of dollars]", the release), then the header rows — a row of
 * codes and a row of names (the summary tables: codes above names, with "Code" and
 * "Commodity Description" at the left of the names row; the detail tables: "Code" and the
 * description heading at the left of the codes row) — then one row per commodity or industry with
 * its code in column A and its name in column B, and the numbers from column C on.
 */
export interface BeaSheet {
  /** How errors name it: `file [year]`. */
  readonly file: string;
  /** The text of the title rows (where the unit is stated). */
  readonly title: readonly string[];
  /** 1-based row of the header row of codes. */
  readonly headerRow: number;
  readonly rows: readonly BeaLine[];
  readonly columns: readonly BeaLine[];
  /** Cells BEA writes for "zero or less than half a million" (`...`) read as 0: how many. */
  readonly dots: number;
  /** The number at a row and column (empty and `...` are 0). */
  value(row: BeaLine, column: BeaLine): number;
  /** Where a cell is. */
  place(row: BeaLine, column: BeaLine): Location;
}

const DOTS = /^(\.\.\.|…|---)$/;

/** Reads a sheet of a BEA table; a sheet without BEA's header (a "Code" cell in column A) is an InputError. */
export function beaSheet(sheet: Sheet, workbook: string): BeaSheet {
  const file = `${workbook} [${sheet.name}]`;
  const text = (cell: SheetCell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());
  const h = sheet.rows.findIndex((r) => /^code$/i.test(text(r[0])));
  if (h < 0) throw inputError('not-bea', 'no header row with "Code" in column A: BEA’s make, use and supply tables have one above their rows of commodities or industries', { file, row: 1, tableColumn: 1 });
  const first = sheet.rows.findIndex((r, i) => i > h && r.slice(2).some((c) => typeof c === 'number' || (typeof c === 'string' && (isNumberText(c) || DOTS.test(c.trim())))));
  if (first < 0) throw inputError('no-numbers', 'no rows of numbers below the header row', { file, row: h + 1, tableColumn: 1 });
  // Header rows: the "Code" row and a row just above it that has headings beyond column B.
  const headers = [h - 1, h, h + 1].filter((i) => i >= 0 && i < first && sheet.rows[i].slice(2).some((c) => text(c) !== ''));
  const codeRow = headers.reduce((best, i) => (codeShare(sheet.rows[i]) > codeShare(sheet.rows[best]) ? i : best), h);
  const nameRow = headers.find((i) => i !== codeRow);
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const columns: BeaLine[] = [];
  for (let c = 2; c < width; c++) {
    const code = text(sheet.rows[codeRow][c]);
    const name = nameRow === undefined ? '' : text(sheet.rows[nameRow][c]);
    if (code === '' && name === '') {
      if (sheet.rows.slice(first).some((r) => text(r[c]) !== '')) throw inputError('missing-label', 'a column of numbers without a code or a name', { file, row: codeRow + 1, tableColumn: c + 1 }, '');
      continue;
    }
    columns.push({ code: code === '' ? name : code, name: name === '' ? code : name, index: c + 1 });
  }
  const rows: BeaLine[] = [];
  for (let i = first; i < sheet.rows.length; i++) {
    const r = sheet.rows[i];
    const code = text(r[0]);
    const name = text(r[1]);
    const numbers = r.slice(2).some((c) => text(c) !== '');
    if (name === '' && !numbers) continue; // blank rows, footnotes and legends below the table
    if (code === '' && name === '') throw inputError('missing-label', 'a row of numbers without a code or a name', { file, row: i + 1, tableColumn: 1 }, '');
    rows.push({ code: code === '' ? name : code, name: name === '' ? code : name, index: i + 1 });
  }
  let dots = 0;
  return {
    file,
    title: sheet.rows.slice(0, Math.max(0, headers[0] ?? h)).map((r) => r.map(text).join(' ').trim()).filter((t) => t !== ''),
    headerRow: codeRow + 1,
    rows,
    columns,
    get dots() {
      return dots;
    },
    value(row, column) {
      const cell = sheet.rows[row.index - 1][column.index - 1];
      const where = { file, row: row.index, tableColumn: column.index };
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell) || !inMagnitude(cell)) throw inputError('too-large', `number ${magnitudeMessage(cell)}`, where, cell);
        return cell;
      }
      const t = text(cell);
      if (DOTS.test(t)) {
        dots++;
        return 0;
      }
      return parseCellNumber(t, where, { emptyIsZero: true });
    },
    place: (row, column) => ({ file, row: row.index, tableColumn: column.index }),
  };
}

/** Share of a header row's cells (beyond column B) that look like BEA codes (`111CA`, `1111A0`, `F010`, `T001`) rather than names. */
function codeShare(row: readonly SheetCell[]): number {
  let codes = 0;
  let all = 0;
  for (const c of row.slice(2)) {
    const t = c === null || c === undefined ? '' : String(c).trim();
    if (t === '') continue;
    all++;
    if (/^[A-Z0-9][A-Za-z0-9]{1,9}$/.test(t) && /\d|^[A-Z]+$/.test(t)) codes++;
  }
  return all === 0 ? 0 : codes / all;
}

/** A total or subtotal row or column: BEA's T-codes (T001 … T019), VABAS and VAPRO, and the summary tables' uncoded "Total …". */
export function isBeaTotal(line: BeaLine): boolean {
  return /^T\d{3}$/i.test(line.code) || /^(VABAS|VAPRO)$/i.test(line.code) || /^total\b/i.test(line.code) || /^total\b/i.test(line.name);
}

/** The total industry output row (T008, T018, "Total Industry Output"): the end of value added. */
export function isIndustryOutputTotal(line: BeaLine): boolean {
  return /^T0(08|18)$/i.test(line.code) || /total industry output/i.test(line.name);
}

/** The total commodity output column (T007, "Total Commodity Output"). */
export function isCommodityOutputTotal(line: BeaLine): boolean {
  return /^T007$/i.test(line.code) || /total commodity output/i.test(line.name);
}
