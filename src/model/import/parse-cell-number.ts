import { inputError } from '../errors.js';
import { inMagnitude, magnitudeMessage } from '../magnitude.js';

/** Where a cell is: the file and its 1-based table row and column. */
export interface CellPlace {
  readonly file: string;
  readonly row: number;
  readonly tableColumn: number;
}

/**
 * How numbers are written in a table. Default: a decimal point and no thousands separators
 * (`1234.5`, `1.2e6`). `decimal: ','` reads `1234,5`, and then `.` and blanks group thousands
 * unless `thousands` says otherwise (`1.234,5`, `1 234,5`). `thousands` is the grouping character:
 * `,` `.` `'` or ` ` (a blank, which also stands for the no-break spaces U+00A0 and U+202F), or
 * '' for none. Groups must be whole: `1,234.5` with `thousands: ','`, never `12,34.5`.
 */
export interface NumberFormat {
  readonly decimal?: '.' | ',';
  readonly thousands?: string;
  /**
   * Also read numbers as statistical offices print them (see publishedNumber): a negative in
   * parentheses `(12.3)`, a minus sign U+2212 or a dash before the digits `−12.3`, and a
   * footnote mark after the number `1234*`, `567 p`, `60 1)`, `12³`. Default false.
   */
  readonly published?: boolean;
}

/** How a published number was written, when not plainly: for the notes. */
export type PublishedForm = 'parentheses' | 'minus-sign' | 'footnote';

/** A number as printed by an office, made plain: its text and how it was written. */
export interface PublishedNumber {
  readonly text: string;
  readonly form?: PublishedForm;
}

/** Footnote marks after a number: stars, daggers, superscripts, a flag letter after a blank (Eurostat's b c d e f n p r s u z), `(p)`, `[e]`, or `1)` after a blank. */
const FOOTNOTE = /^(.*?[\d.])(?:\s*(?:[*†‡]+|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\(\s*[a-z]\s*\)|\[\s*[a-z]\s*\])|\s+[bcdefnprsuz]|\s+\d{1,2}\))$/;
/** Minus signs other than the hyphen: U+2212 minus, U+2012 figure dash, U+2013 en dash, U+2014 em dash. */
const MINUS = /^[\u2212\u2012\u2013\u2014]\s?(?=[\d.])/;

/**
 * The text of a number as offices print it, made plain for `plainNumberText`: a footnote mark
 * after it dropped, `(12.3)` made `-12.3`, a leading U+2212 (or figure, en, em dash) made `-`.
 * Other text is returned as it is.
 */
export function publishedNumber(text: string): PublishedNumber {
  let t = text.trim();
  let form: PublishedForm | undefined;
  const f = FOOTNOTE.exec(t);
  if (f !== null) {
    t = f[1].trim();
    form = 'footnote';
  }
  const p = /^\(\s*([^()+\-\u2212]*\d[^()]*?)\s*\)$/.exec(t);
  if (p !== null) return { text: `-${p[1]}`, form: form ?? 'parentheses' };
  if (MINUS.test(t)) return { text: t.replace(MINUS, '-'), form: form ?? 'minus-sign' };
  return form === undefined ? { text: t } : { text: t, form };
}

/** A dash alone in a cell: a nil (zero) in the tables of most offices: `-`, `–`, `—`, `‒`, `−`. */
export function isNilDash(text: string): boolean {
  return /^[-\u2012\u2013\u2014\u2212]{1,3}$/.test(text.trim());
}

/** A mark of a value not available, not applicable or confidential: `..`, `...`, `…`, `:`, `x`, `c`, `n.a.`, `n/a`, `conf`, `.`. */
export function isNotAvailableMark(text: string): boolean {
  return /^(\.{1,3}|…|:|x|c|n\.?\s?a\.?|n\/a|conf\.?|confidential|\/)$/i.test(text.trim());
}

export interface CellNumberOptions extends NumberFormat {
  /** An empty (or blank) cell reads as 0 instead of being an error. Default false. */
  readonly emptyIsZero?: boolean;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BLANKS = /[ \u00a0\u202f]/g;

/** The thousands separators of a format: `[]` for none. */
function groupSeparators(format: NumberFormat): string[] {
  const t = format.thousands ?? (format.decimal === ',' ? '. ' : format.published === true ? ' ' : '');
  return [...t];
}

/**
 * The cell text as a plain decimal number text (`-1234.5e3`), or undefined when it is not a number
 * in `format`. Thousands groups are removed only where they are whole groups of three digits.
 */
export function plainNumberText(text: string, format: NumberFormat = {}): string | undefined {
  let t = format.published === true ? publishedNumber(text).text : text.trim();
  const decimal = format.decimal ?? '.';
  const groups = groupSeparators(format);
  if (groups.length > 0) {
    const blank = groups.includes(' ');
    const seps = groups.filter((g) => g !== ' ').map((g) => `\\${g}`);
    if (blank) {
      t = t.replace(BLANKS, ' ');
      seps.push(' ');
    }
    const sep = `[${seps.join('')}]`;
    const d = `\\${decimal}`;
    const grouped = new RegExp(`^([+-]?)(\\d{1,3}(?:${sep}\\d{3})+)(${d}\\d*)?([eE][+-]?\\d+)?$`);
    const m = grouped.exec(t);
    if (m !== null) {
      const sepChar = /\D/.exec(m[2])?.[0];
      // One grouping character per number: `1.234 567` is not a number.
      if (sepChar !== undefined && m[2].split(sepChar).every((g) => /^\d+$/.test(g))) t = m[1] + m[2].split(sepChar).join('') + (m[3] ?? '') + (m[4] ?? '');
    }
  }
  if (decimal === ',') {
    if (t.includes('.')) return undefined;
    t = t.replace(',', '.');
  }
  return NUMBER.test(t) ? t : undefined;
}

/** True when the (trimmed) text is a number in `format` (by default a plain decimal such as `1.5`, `-2`, `3e6`). */
export function isNumberText(text: string, format: NumberFormat = {}): boolean {
  return plainNumberText(text, format) !== undefined;
}

/** What to do about a cell that is not a number: a hint at --decimal or --thousands where it looks like one. */
function notANumberHint(text: string, format: NumberFormat): string {
  const t = text.trim();
  if (/\d\s*%$/.test(t)) return ': a percentage, where the table holds flows (a share is not a flow: import the table of values, not of shares)';
  if (format.published === true && isNotAvailableMark(t)) return ': a mark of a value not available or confidential; fill the cell in, or read such cells as 0 with empty_is_zero: true in a mapping';
  if ((format.decimal ?? '.') === '.' && /^[+-]?\d+,\d+$/.test(t)) return ' (a decimal comma? read the table with --decimal ,)';
  if ((format.decimal ?? '.') === '.' && /^[+-]?\d{1,3}([,' \u00a0\u202f]\d{3})+(\.\d*)?$/.test(t)) return ' (thousands separators? read the table with --thousands and the separator)';
  if (format.decimal === ',' && /^[+-]?\d*\.\d+$/.test(t) && !/^[+-]?\d{1,3}(\.\d{3})+$/.test(t)) return ' (a decimal point, but the table is read with --decimal ,)';
  return '';
}

/**
 * Parses a table cell as a finite number, strictly, in `options`' format (default: decimal point
 * only, optional sign and exponent: `1.5`, `-2`, `3e6`, `1.2e+06`, surrounding blanks allowed).
 * `1,5` (without `decimal: ','`), `NaN`, `inf`, `abc`, and numbers beyond MAX_MAGNITUDE (1e30) are
 * InputErrors naming the file, row, column and text.
 */
export function parseCellNumber(text: string, place: CellPlace, options: CellNumberOptions = {}): number {
  const t = text.trim();
  if (t === '') {
    if (options.emptyIsZero === true) return 0;
    throw inputError('empty-cell', 'empty cell where a number is expected', place, text);
  }
  const plain = plainNumberText(t, options);
  if (plain === undefined) throw inputError('not-a-number', `cell is not a number${notANumberHint(t, options) || ' (correct it, or leave the row or column out with skip_rows or skip_columns in a mapping)'}`, place, text);
  const v = Number(plain);
  if (!Number.isFinite(v)) throw inputError('not-finite', 'number is too large', place, text);
  if (!inMagnitude(v)) throw inputError('too-large', `number ${magnitudeMessage(v)}`, place, text);
  return v;
}

/**
 * Half a unit in the last decimal place written in a number text (`1234` → 0.5, `12.5` → 0.05,
 * `1.2e3` → 50): how far the true value may be from the one printed. 0 for text that is not a number.
 */
export function halfLastDigit(text: string, format: NumberFormat = {}): number {
  const plain = plainNumberText(text, format);
  if (plain === undefined) return 0;
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(plain);
  if (m === null) return 0;
  const decimals = (m[2] ?? '').length - Number(m[3] ?? 0);
  return 0.5 * 10 ** -decimals;
}
