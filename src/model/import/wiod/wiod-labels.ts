import type { SheetCell } from '../read-workbook.js';

/** Final-use codes of the 2016 release (the national tables add EXP, exports). */
export const WIOD_FINAL = new Set(['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN', 'EXP']);

/** The 2013 release numbers its final-use columns instead of coding them; the 2016 codes they match. */
export const WIOD_2013_FINAL: Readonly<Record<string, string>> = { c37: 'CONS_h', c38: 'CONS_np', c39: 'CONS_g', c40: 'CONS_g', c41: 'GFCF', c42: 'INVEN' };

/** Rows below the industries, by code (2016) and by description (both releases). */
export type WiodRow = 'total' | 'output' | 'primary';
export const WIOD_ROWS: Readonly<Record<string, WiodRow>> = { II_fob: 'total', GO: 'output', TXSP: 'primary', EXP_adj: 'primary', PURR: 'primary', PURNR: 'primary', VA: 'primary', IntTTM: 'primary' };
export const WIOD_ROW_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'total intermediate consumption': 'II_fob',
  'taxes less subsidies on products': 'TXSP',
  'cif/ fob adjustments on exports': 'EXP_adj',
  'direct purchases abroad by residents': 'PURR',
  'purchases on the domestic territory by non-residents': 'PURNR',
  'value added at basic prices': 'VA',
  'international transport margins': 'IntTTM',
  'output at basic prices': 'GO',
};

/** The region codes of the tables' total rows and columns. */
export const WIOD_TOTAL_REGION = 'TOT';

/** Romania is ROM in the early years of the 2013 release and ROU elsewhere (its SEA too). */
export const wiodRegion = (r: string): string => (r === 'ROM' ? 'ROU' : r);

/** A cell as trimmed text ('' for an empty one). */
export function cellText(c: SheetCell | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/** The 2016 code of a row below the industries, by its code or (2013, no codes) its description. */
export function wiodRowCode(code: string, description: string): string | undefined {
  if (WIOD_ROWS[code] !== undefined) return code;
  return WIOD_ROW_DESCRIPTIONS[description.replace(/\s+/g, ' ').trim().toLowerCase()];
}
