import { extname } from 'node:path';
import { inputError } from '../../errors.js';
import type { ReadInputOptions } from '../../read-input-file.js';
import { parseDelimited, readTextFile, type DelimitedRow } from '../read-delimited.js';
import { readWorkbook, type Sheet } from '../read-workbook.js';

/** A table read from a CSV/TSV file or an xlsx sheet: rows of text cells (numbers at full precision), 1-based row numbers. */
export interface Grid {
  /** How errors name it: the file, or `file [sheet]`. */
  readonly file: string;
  readonly rows: readonly DelimitedRow[];
}

export interface ReadGridOptions extends ReadInputOptions {
  /** xlsx: which sheet; default the one sheet, else the first whose name matches `prefer`, else the first. */
  readonly sheet?: string;
  readonly prefer?: RegExp;
}

/** Reads a CSV/TSV file, or a sheet of an xlsx workbook (by extension), as a grid of text cells. */
export async function readGrid(path: string, options: ReadGridOptions = {}): Promise<Grid> {
  if (extname(path).toLowerCase() === '.xlsx') {
    const sheets = await readWorkbook(path, path);
    return sheetGrid(pickSheet(sheets, path, options), path);
  }
  const table = parseDelimited(await readTextFile(path, options), path);
  return { file: path, rows: table.rows };
}

/** A sheet as a grid; cells of numbers as their shortest round-trip text. Blank rows are left out. */
export function sheetGrid(sheet: Sheet, file: string): Grid {
  const rows: DelimitedRow[] = [];
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  sheet.rows.forEach((r, i) => {
    const cells = Array.from({ length: width }, (_, c) => {
      const v = r[c];
      return v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v;
    });
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, line: i + 1, cells });
  });
  return { file: `${file} [${sheet.name}]`, rows };
}

function pickSheet(sheets: readonly Sheet[], file: string, options: ReadGridOptions): Sheet {
  if (options.sheet !== undefined) {
    const s = sheets.find((x) => x.name === options.sheet);
    if (s === undefined) throw inputError('missing-sheet', `the workbook has no sheet "${options.sheet}" (sheets: ${sheets.map((x) => x.name).join(', ') || 'none'})`, { file }, options.sheet);
    return s;
  }
  if (sheets.length === 0) throw inputError('missing-sheet', 'the workbook has no sheets', { file });
  if (sheets.length === 1 || options.prefer === undefined) return sheets[0];
  return sheets.find((s) => options.prefer?.test(s.name) === true) ?? sheets[0];
}
