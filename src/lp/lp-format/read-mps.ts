import { InputError, inputError, type Location } from '../../model/errors.js';
import type { LinearProgram } from '../lp-types.js';
import { EntryLines } from './entry-lines.js';
import { checkedNumber, LpBuilder, parseNumber } from './lp-builder.js';

export interface ReadMpsOptions {
  /** File name for error messages. */
  readonly file?: string;
  /**
   * 'free' (fields separated by spaces, names without spaces), 'fixed' (fields in the classic
   * columns 2–3, 5–12, 15–22, 25–36, 40–47, 50–61; names may hold spaces) or 'auto' (default:
   * free, and fixed if that fails).
   */
  readonly format?: 'free' | 'fixed' | 'auto';
}

interface Field {
  readonly text: string;
  /** 1-based column of the field's first character. */
  readonly column: number;
}

/** Fields 1–6 of a data line in the fixed-format sense (index 0 unused). */
type Fields = (Field | undefined)[];

const FIXED_FIELDS: readonly (readonly [number, number])[] = [
  [1, 3],
  [4, 12],
  [14, 22],
  [24, 36],
  [39, 47],
  [49, 61],
];

const SECTIONS = new Set(['NAME', 'OBJSENSE', 'ROWS', 'COLUMNS', 'RHS', 'RANGES', 'BOUNDS', 'ENDATA']);

function freeTokens(line: string): Field[] {
  const out: Field[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 });
  return out;
}

function fixedFields(line: string): Fields {
  const f: Fields = [undefined];
  for (const [a, b] of FIXED_FIELDS) {
    const raw = line.slice(a, b);
    const text = raw.trim();
    f.push(text === '' ? undefined : { text, column: a + 1 + raw.indexOf(text) });
  }
  return f;
}

/** Most tokens a free-format data line of each section may hold. */
const MAX_TOKENS: Readonly<Record<string, number>> = { ROWS: 2, COLUMNS: 5, RHS: 5, RANGES: 5, BOUNDS: 4 };

/** Spreads free-format tokens over the fixed fields of `section`; too many tokens is an error. */
function freeFields(section: string, t: Field[], where: (column: number) => Location): Fields {
  const most = MAX_TOKENS[section];
  if (most !== undefined && t.length > most) {
    const extra = t[most];
    throw inputError('extra-field', `too many fields for a ${section} line in free MPS (names cannot hold spaces there; fixed format allows them)`, where(extra.column), extra.text);
  }
  switch (section) {
    case 'ROWS':
      return [undefined, t[0], t[1]];
    case 'COLUMNS':
      if (t.length >= 3 && t[1].text.replace(/'/g, '') === 'MARKER') return [undefined, undefined, t[0], t[1], undefined, t[2]];
      return [undefined, undefined, ...t];
    case 'RHS':
    case 'RANGES':
      // An odd count starts with the set name; an even count leaves it out.
      return t.length % 2 === 1 ? [undefined, undefined, ...t] : [undefined, undefined, undefined, ...t];
    case 'BOUNDS': {
      const type = t[0]?.text.toUpperCase() ?? '';
      const valued = !['FR', 'MI', 'PL', 'BV'].includes(type);
      const withSet = t.length === (valued ? 4 : 3);
      return withSet ? [undefined, t[0], t[1], t[2], t[3]] : [undefined, t[0], undefined, t[1], t[2]];
    }
    default:
      return [undefined, ...t];
  }
}

/** Error codes that a reading in fixed format would not cure. */
const FINAL_ERRORS = new Set(['integer', 'duplicate-entry', 'duplicate-row', 'out-of-range', 'not-finite', 'invalid-bound']);

/**
 * `v` as the `side` bound of something ('both': an equality or a fixed value): an infinite value is
 * only allowed where it means "no bound" (+inf as an upper bound, −inf as a lower one).
 */
function sideValue(v: number, side: 'lower' | 'upper' | 'both', what: string, where: Location, text: string): number {
  if (Number.isFinite(v) || (side === 'upper' && v === Infinity) || (side === 'lower' && v === -Infinity)) return v;
  const as = side === 'both' ? 'a fixed value or an equality' : `a ${side} bound`;
  throw inputError('invalid-bound', `${what} of ${v > 0 ? '+' : '-'}inf cannot be ${as}`, where, text);
}

/** Which sides of a column's bounds each bound type sets: L lower, U upper. */
const BOUND_SIDES: Readonly<Record<string, string>> = { UP: 'U', LO: 'L', FX: 'LU', FR: 'LU', MI: 'L', PL: 'U' };

function senseOf(t: Field, where: Location): 'min' | 'max' {
  const v = t.text.toUpperCase();
  if (v === 'MAX' || v === 'MAXIMIZE' || v === 'MAXIMISE') return 'max';
  if (v === 'MIN' || v === 'MINIMIZE' || v === 'MINIMISE') return 'min';
  throw inputError('bad-sense', 'OBJSENSE must be MAX or MIN', where, t.text);
}

/**
 * Reads an LP in MPS format (free or fixed) into a LinearProgram. Sections: NAME, OBJSENSE
 * (MAX/MIN, on its line or the next), ROWS (N/E/L/G; the first N row is the objective, later N
 * rows are kept as free rows), COLUMNS, RHS (a value on the objective row is minus the objective's
 * constant), RANGES, BOUNDS (UP, LO, FX, FR, MI, PL; an UP below zero on a column whose lower
 * bound is still the default 0 makes the lower bound −∞, as is customary), ENDATA. Only the first
 * RHS, RANGES and BOUNDS set is used. Integer variables (MARKER INTORG, BV, LI, UI, SC bounds) are
 * rejected. Every error names the file, line, column and value.
 */
export function readMps(text: string, options: ReadMpsOptions = {}): LinearProgram {
  const format = options.format ?? 'auto';
  if (format !== 'auto') return readMpsAs(text, format, options.file);
  try {
    return readMpsAs(text, 'free', options.file);
  } catch (freeError) {
    // Only a layout problem may mean the file is in fixed format; bad numbers and duplicates are final.
    if (!(freeError instanceof InputError) || freeError.issues.some((i) => FINAL_ERRORS.has(i.code))) throw freeError;
    try {
      return readMpsAs(text, 'fixed', options.file);
    } catch {
      throw freeError;
    }
  }
}

function readMpsAs(text: string, format: 'free' | 'fixed', file: string | undefined): LinearProgram {
  const b = new LpBuilder();
  const at = (line: number, column?: number): Location => {
    const loc: { file?: string; line: number; column?: number } = { line };
    if (file !== undefined) loc.file = file;
    if (column !== undefined) loc.column = column;
    return loc;
  };
  let name: string | undefined;
  let section = '';
  let objective: string | undefined;
  let rhsSet: string | undefined;
  let rangeSet: string | undefined;
  let boundSet: string | undefined;
  /** Row kinds (E/L/G/N) by index, for RHS and RANGES. */
  const kinds: string[] = [];
  /** 1 where a column's lower bound was set in BOUNDS (an UP below zero then leaves it alone). */
  let lowerExplicit = new Uint8Array(0);
  const rangesByRow = new Map<number, { readonly value: number; readonly where: Location }>();
  // Where each objective coefficient, right-hand side, range and side of a column's bounds was
  // given: a second one is refused with both lines (it would otherwise overwrite the first).
  const objectiveLines = new EntryLines();
  const rhsLines = new EntryLines();
  const rangeLines = new EntryLines();
  const boundLines = new EntryLines();
  let ended = false;
  const lines = text.split(/\r?\n/);

  for (let ln = 0; ln < lines.length && !ended; ln++) {
    const line = lines[ln];
    const lineNo = ln + 1;
    if (line.trim() === '' || line.startsWith('*')) continue;
    if (!/^\s/.test(line)) {
      const head = freeTokens(line);
      const key = head[0].text.toUpperCase();
      if (key === 'NAME') {
        name = format === 'fixed' ? line.slice(14).trim() || head[1]?.text : head.slice(1).map((t) => t.text).join(' ') || undefined;
        section = 'NAME';
        continue;
      }
      if (!SECTIONS.has(key)) throw inputError('unknown-section', `unknown MPS section "${head[0].text}"`, at(lineNo, 1), head[0].text);
      if (key === 'OBJSENSE' && head.length > 1) {
        b.sense = senseOf(head[1], at(lineNo, head[1].column));
        section = '';
        continue;
      }
      section = key;
      if (section === 'ENDATA') ended = true;
      continue;
    }
    // A data line.
    if (section === 'OBJSENSE') {
      const t = freeTokens(line)[0];
      b.sense = senseOf(t, at(lineNo, t.column));
      continue;
    }
    if (section === '' || section === 'NAME') throw inputError('no-section', 'data line outside a section (ROWS, COLUMNS, RHS, RANGES, BOUNDS)', at(lineNo, 1), line.trim());
    const f = format === 'fixed' ? fixedFields(line) : freeFields(section, freeTokens(line), (column) => at(lineNo, column));
    const need = (k: number, what: string): Field => {
      const v = f[k];
      if (v === undefined) throw inputError('missing-field', `${section} line lacks the ${what}`, at(lineNo, format === 'fixed' ? FIXED_FIELDS[k - 1][0] + 1 : line.length + 1));
      return v;
    };
    const rowOf = (fd: Field): number | 'objective' => {
      if (fd.text === objective) return 'objective';
      const i = b.rowIndex.get(fd.text);
      if (i === undefined) throw inputError('unknown-row', `unknown row "${fd.text}" (not in ROWS)`, at(lineNo, fd.column), fd.text);
      return i;
    };

    switch (section) {
      case 'ROWS': {
        const type = need(1, 'row type (N, E, L or G)');
        const rowName = need(2, 'row name');
        const t = type.text.toUpperCase();
        if (t === 'N') {
          if (objective === undefined) objective = rowName.text;
          else {
            b.addRow(rowName.text, -Infinity, Infinity, at(lineNo, rowName.column));
            kinds.push('N');
          }
        } else if (t === 'E' || t === 'L' || t === 'G') {
          b.addRow(rowName.text, t === 'L' ? -Infinity : 0, t === 'G' ? Infinity : 0, at(lineNo, rowName.column));
          kinds.push(t);
        } else throw inputError('bad-row-type', 'row type must be N, E, L or G', at(lineNo, type.column), type.text);
        break;
      }
      case 'COLUMNS': {
        const colName = need(2, 'column name');
        if (f[3]?.text.replace(/'/g, '') === 'MARKER') {
          throw inputError('integer', 'integer variables are not supported (MARKER in COLUMNS); Plenty solves linear programs only', at(lineNo, f[3].column), line.trim());
        }
        const j = b.col(colName.text);
        for (const k of [3, 5]) {
          const rowField = f[k];
          if (rowField === undefined) {
            if (k === 3) need(3, 'row name');
            continue;
          }
          const valueField = need(k + 1, 'value');
          const v = parseNumber(valueField.text, at(lineNo, valueField.column), 'coefficient');
          const i = rowOf(rowField);
          if (i === 'objective') {
            objectiveLines.claim(j, `objective coefficient of "${colName.text}"`, at(lineNo, valueField.column), v);
            b.c[j] = v;
          } else b.coefficient(i, j, v, at(lineNo, valueField.column));
        }
        break;
      }
      case 'RHS':
      case 'RANGES': {
        const set = f[2]?.text ?? '';
        if (section === 'RHS') {
          rhsSet ??= set;
          if (set !== rhsSet) break;
        } else {
          rangeSet ??= set;
          if (set !== rangeSet) break;
        }
        for (const k of [3, 5]) {
          const rowField = f[k];
          if (rowField === undefined) {
            if (k === 3) need(3, 'row name');
            continue;
          }
          const valueField = need(k + 1, 'value');
          const v = parseNumber(valueField.text, at(lineNo, valueField.column), section === 'RHS' ? 'right-hand side' : 'range', section === 'RHS');
          const i = rowOf(rowField);
          const where = at(lineNo, valueField.column);
          const lines = section === 'RHS' ? rhsLines : rangeLines;
          lines.claim(i === 'objective' ? -1 : i, `${section === 'RHS' ? 'right-hand side' : 'range'} of row "${rowField.text}"`, where, v);
          if (section === 'RHS') {
            const kind = i === 'objective' ? 'E' : kinds[i];
            const side = kind === 'L' ? 'upper' : kind === 'G' ? 'lower' : 'both';
            const value = sideValue(v, side, `right-hand side of row "${rowField.text}"`, where, valueField.text);
            if (i === 'objective') b.offset = -value;
            else if (kind === 'E') b.rowLower[i] = b.rowUpper[i] = value;
            else if (kind === 'L') b.rowUpper[i] = value;
            else if (kind === 'G') b.rowLower[i] = value;
          } else {
            if (i === 'objective') throw inputError('range-on-objective', 'RANGES cannot apply to the objective row', at(lineNo, rowField.column), rowField.text);
            rangesByRow.set(i, { value: v, where });
          }
        }
        break;
      }
      case 'BOUNDS': {
        const type = need(1, 'bound type');
        const set = f[2]?.text ?? '';
        boundSet ??= set;
        if (set !== boundSet) break;
        const colField = need(3, 'column name');
        const j = b.colIndex.get(colField.text);
        if (j === undefined) throw inputError('unknown-column', `unknown column "${colField.text}" (not in COLUMNS)`, at(lineNo, colField.column), colField.text);
        const t = type.text.toUpperCase();
        const sides = BOUND_SIDES[t] ?? '';
        for (const side of sides) boundLines.claim(`${side}${j}`, `the ${side === 'L' ? 'lower' : 'upper'} bound of column "${colField.text}"`, at(lineNo, type.column), line.trim());
        const value = (): number => {
          const vf = need(4, 'bound value');
          const v = parseNumber(vf.text, at(lineNo, vf.column), 'bound', true);
          return sideValue(v, t === 'UP' ? 'upper' : t === 'LO' ? 'lower' : 'both', `bound ${t} of column "${colField.text}"`, at(lineNo, vf.column), vf.text);
        };
        if (lowerExplicit.length < b.colNames.length) {
          const grown = new Uint8Array(b.colNames.length);
          grown.set(lowerExplicit);
          lowerExplicit = grown;
        }
        switch (t) {
          case 'UP': {
            const v = value();
            b.colUpper[j] = v;
            if (v < 0 && b.colLower[j] === 0 && lowerExplicit[j] === 0) b.colLower[j] = -Infinity;
            break;
          }
          case 'LO':
            b.colLower[j] = value();
            lowerExplicit[j] = 1;
            break;
          case 'FX': {
            const v = value();
            b.colLower[j] = v;
            b.colUpper[j] = v;
            lowerExplicit[j] = 1;
            break;
          }
          case 'FR':
            b.colLower[j] = -Infinity;
            b.colUpper[j] = Infinity;
            lowerExplicit[j] = 1;
            break;
          case 'MI':
            b.colLower[j] = -Infinity;
            lowerExplicit[j] = 1;
            break;
          case 'PL':
            b.colUpper[j] = Infinity;
            break;
          case 'BV':
          case 'LI':
          case 'UI':
          case 'SC':
            throw inputError('integer', `integer variables are not supported (bound type ${t}); Plenty solves linear programs only`, at(lineNo, type.column), type.text);
          default:
            throw inputError('bad-bound-type', 'bound type must be UP, LO, FX, FR, MI or PL', at(lineNo, type.column), type.text);
        }
        break;
      }
      default:
        break;
    }
  }
  // Ranges apply after all right-hand sides are known.
  for (const [i, { value: r, where }] of rangesByRow) {
    const kind = kinds[i];
    const what = `the bound that the range makes of row "${b.rowNames[i]}"`;
    const bound = (v: number): number => checkedNumber(v, where, `${what} (a range needs a finite right-hand side)`, false);
    if (kind === 'E') {
      if (r > 0) b.rowUpper[i] = bound(b.rowLower[i] + r);
      else b.rowLower[i] = bound(b.rowUpper[i] + r);
    } else if (kind === 'L') b.rowLower[i] = bound(b.rowUpper[i] - Math.abs(r));
    else if (kind === 'G') b.rowUpper[i] = bound(b.rowLower[i] + Math.abs(r));
  }
  return b.build(name);
}
