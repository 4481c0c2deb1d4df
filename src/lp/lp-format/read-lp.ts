import { inputError, type Location } from '../../model/errors.js';
import type { LinearProgram } from '../lp-types.js';
import { EntryLines } from './entry-lines.js';
import { checkedNumber, LpBuilder, parseNumber } from './lp-builder.js';

export interface ReadLpOptions {
  /** File name for error messages. */
  readonly file?: string;
}

type TokenKind = 'number' | 'name' | 'op' | 'sign' | 'colon' | 'other';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

type Section = 'objective' | 'constraints' | 'bounds' | 'integer' | 'end';

const SECTION_PATTERNS: readonly (readonly [RegExp, Section, 'min' | 'max' | undefined])[] = [
  [/^(maximi[sz]e|maximum|max)(?=\s|$)/i, 'objective', 'max'],
  [/^(minimi[sz]e|minimum|min)(?=\s|$)/i, 'objective', 'min'],
  [/^(subject\s+to|such\s+that|s\.t\.|st)(?=\s|$)/i, 'constraints', undefined],
  [/^bounds?(?=\s|$)/i, 'bounds', undefined],
  [/^(generals?|gen|integers?|binary|binaries|bin|semi-continuous|semis?|sos)(?=\s|$)/i, 'integer', undefined],
  [/^end(?=\s|$)/i, 'end', undefined],
];

const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_!"#$%&(),;?@'{}|~][A-Za-z0-9_!"#$%&(),.;?@'{}|~]*)|(<=|>=|=<|=>|<|>|=)|([+-])|(:)|(\S))/y;

/**
 * Reads an LP in the CPLEX LP file format: an objective section (Maximize/Minimize, an optional
 * "name:", a linear expression with an optional constant), Subject To (constraints
 * "[name:] expression (<=|>=|=) constant", or ranged "constant <= expression <= constant"),
 * Bounds ("x <= 4", "-1 <= x <= 4", "x >= -inf", "x = 3", "x free"), End. Comments start with
 * "\". Variables are numbered in order of first appearance and default to 0 ≤ x < ∞. Integer
 * sections (General, Binary, Semi-continuous, SOS) are rejected: Plenty solves linear programs only.
 *
 * Terms of one variable within the objective or one constraint are added up ("x + 2 y - x" is
 * 2 y), as the format intends; a side of a variable's bounds given twice in Bounds is refused with
 * both lines. Every number is finite and at most 1e30 in magnitude, also after terms or constants
 * are added up; "inf" or "infinity" means no bound (a number beyond 1e30 is refused, not read as
 * infinite).
 */
export function readLp(text: string, options: ReadLpOptions = {}): LinearProgram {
  const file = options.file;
  const at = (t: { line: number; column: number }): Location => (file === undefined ? { line: t.line, column: t.column } : { file, line: t.line, column: t.column });

  // Split into sections, tokenising each line.
  const sections: { section: Section; tokens: Token[]; header: Token }[] = [];
  const lines = text.split(/\r?\n/);
  let sense: 'min' | 'max' | undefined;
  for (let ln = 0; ln < lines.length; ln++) {
    let line = lines[ln];
    const comment = line.indexOf('\\');
    if (comment >= 0) line = line.slice(0, comment);
    let start = 0;
    const lead = /^\s*/.exec(line)?.[0].length ?? 0;
    const rest = line.slice(lead);
    for (const [re, section, s] of SECTION_PATTERNS) {
      const m = re.exec(rest);
      if (m === null) continue;
      const header: Token = { kind: 'name', text: m[0], line: ln + 1, column: lead + 1 };
      if (section === 'integer') {
        throw inputError('integer', `integer variables are not supported (section "${m[0]}"); Plenty solves linear programs only`, at(header), m[0]);
      }
      if (section !== 'objective' && sense === undefined) throw inputError('no-objective', 'an LP file starts with Maximize or Minimize', at(header), m[0]);
      if (section === 'objective') {
        if (sense !== undefined) throw inputError('duplicate-objective', 'a second objective section', at(header), m[0]);
        sense = s;
      }
      sections.push({ section, tokens: [], header });
      start = lead + m[0].length;
      break;
    }
    if (sections.length > 0 && sections[sections.length - 1].section === 'end') break;
    const tokens = sections.length > 0 ? sections[sections.length - 1].tokens : undefined;
    TOKEN.lastIndex = start;
    while (TOKEN.lastIndex < line.length) {
      const from = TOKEN.lastIndex;
      const m = TOKEN.exec(line);
      if (m === null) break;
      const column = from + (m[0].length - m[0].trimStart().length) + 1;
      const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'name' : m[3] !== undefined ? 'op' : m[4] !== undefined ? 'sign' : m[5] !== undefined ? 'colon' : 'other';
      const tok: Token = { kind, text: m[0].trim(), line: ln + 1, column };
      if (tokens === undefined) throw inputError('no-objective', 'an LP file starts with Maximize or Minimize', at(tok), tok.text);
      if (kind === 'other') {
        const what = tok.text === '[' || tok.text === '^' ? 'quadratic terms are not supported' : 'unexpected character';
        throw inputError('syntax', what, at(tok), tok.text);
      }
      tokens.push(tok);
    }
  }
  if (sense === undefined) throw inputError('no-objective', 'no Maximize or Minimize section', file === undefined ? {} : { file }, undefined);

  const b = new LpBuilder();
  b.sense = sense;
  let constraintCount = 0;
  // Each side of a variable's bounds may be given once: a later "x <= 5" after "x <= 4" would be
  // ambiguous (override or intersect?), so it is refused with both lines.
  const boundLines = new EntryLines();

  for (const { section, tokens } of sections) {
    let p = 0;
    const peek = (k = 0): Token | undefined => tokens[p + k];
    const next = (what: string): Token => {
      const t = tokens[p++];
      if (t === undefined) {
        const last = tokens[tokens.length - 1];
        throw inputError('syntax', `unexpected end of section, expected ${what}`, last === undefined ? (file === undefined ? {} : { file }) : at(last), undefined);
      }
      return t;
    };
    const isInfName = (t: Token | undefined): boolean => t !== undefined && t.kind === 'name' && /^inf(inity)?$/i.test(t.text);
    /** A signed constant (number, or ±inf where allowed), called `what` in messages. */
    const constant = (allowInfinite: boolean, what: string): number => {
      let sign = 1;
      while (peek()?.kind === 'sign') sign *= next('a number').text === '-' ? -1 : 1;
      const t = next('a number');
      if (t.kind === 'number') return sign * parseNumber(t.text, at(t), what, allowInfinite);
      if (allowInfinite && isInfName(t)) return sign * Infinity;
      throw inputError('syntax', 'expected a number', at(t), t.text);
    };
    /** A linear expression up to an operator or the next "name:" label; returns terms and constant. */
    const expression = (): { terms: [number, number, Token][]; constant: number } => {
      const terms: [number, number, Token][] = [];
      let constantPart = 0;
      let first = true;
      for (;;) {
        const t = peek();
        if (t === undefined || t.kind === 'op') break;
        if (t.kind === 'name' && peek(1)?.kind === 'colon') break;
        let sign = 1;
        let signed = false;
        while (peek()?.kind === 'sign') {
          signed = true;
          sign *= next('a term').text === '-' ? -1 : 1;
        }
        if (!first && !signed) break; // next statement begins
        const u = next('a term');
        if (u.kind === 'number') {
          const v = parseNumber(u.text, at(u), 'coefficient');
          const w = peek();
          if (w !== undefined && w.kind === 'name' && peek(1)?.kind !== 'colon' && !isInfName(w)) {
            p++;
            terms.push([b.col(w.text), sign * v, w]);
          } else constantPart = checkedNumber(constantPart + sign * v, at(u), 'the constants of the expression, added up,', false);
        } else if (u.kind === 'name') {
          terms.push([b.col(u.text), sign, u]);
        } else throw inputError('syntax', 'expected a term (coefficient and variable)', at(u), u.text);
        first = false;
      }
      return { terms, constant: constantPart };
    };
    const operator = (): '<=' | '>=' | '=' => {
      const t = next('<=, >= or =');
      if (t.kind !== 'op') throw inputError('syntax', 'expected <=, >= or =', at(t), t.text);
      return t.text.includes('<') ? '<=' : t.text.includes('>') ? '>=' : '=';
    };

    if (section === 'objective') {
      if (peek()?.kind === 'name' && peek(1)?.kind === 'colon') p += 2;
      const e = expression();
      for (const [j, v, tok] of e.terms) b.c[j] = checkedNumber(b.c[j] + v, at(tok), `the objective coefficient of "${tok.text}", its terms added up,`, false);
      b.offset = e.constant;
      if (p < tokens.length) throw inputError('syntax', 'unexpected text in the objective', at(tokens[p]), tokens[p].text);
    } else if (section === 'constraints') {
      while (p < tokens.length) {
        const startTok = tokens[p];
        let name = `R${constraintCount + 1}`;
        if (peek()?.kind === 'name' && peek(1)?.kind === 'colon') {
          name = next('a name').text;
          p++;
        }
        constraintCount++;
        // Ranged: constant op expression op constant.
        let k = 0;
        while (peek(k)?.kind === 'sign') k++;
        const rangedStart = (peek(k)?.kind === 'number' || isInfName(peek(k))) && peek(k + 1)?.kind === 'op';
        let lower = -Infinity;
        let upper = Infinity;
        let terms: [number, number, Token][];
        if (rangedStart) {
          const left = constant(true, 'bound');
          const op1 = operator();
          const e = expression();
          const op2 = operator();
          const right = constant(true, 'bound');
          if (op1 === '=' || op1 !== op2) throw inputError('syntax', 'a ranged constraint reads "lower <= expression <= upper"', at(startTok), name);
          terms = e.terms;
          [lower, upper] = op1 === '<=' ? [left - e.constant, right - e.constant] : [right - e.constant, left - e.constant];
          lower = lower === -Infinity ? lower : checkedNumber(lower, at(startTok), `the lower side of constraint "${name}" less its constant`, true);
          upper = upper === Infinity ? upper : checkedNumber(upper, at(startTok), `the upper side of constraint "${name}" less its constant`, true);
        } else {
          const e = expression();
          if (e.terms.length === 0) throw inputError('syntax', 'a constraint needs at least one variable', at(startTok), startTok.text);
          const op = operator();
          const rhs = checkedNumber(constant(false, 'right-hand side') - e.constant, at(startTok), `the right-hand side of constraint "${name}" less its constant`, false);
          terms = e.terms;
          if (op !== '>=') upper = rhs;
          if (op !== '<=') lower = rhs;
        }
        const i = b.addRow(name, lower, upper, at(startTok));
        // Terms of one variable in one constraint are added up (LP format allows "x + 2 y - x").
        const merged = new Map<number, number>();
        for (const [j, v, tok] of terms) merged.set(j, checkedNumber((merged.get(j) ?? 0) + v, at(tok), `the coefficient of "${tok.text}" in constraint "${name}", its terms added up,`, false));
        for (const [j, v] of merged) b.coefficient(i, j, v, at(startTok));
      }
    } else if (section === 'bounds') {
      while (p < tokens.length) {
        let k = 0;
        while (peek(k)?.kind === 'sign') k++;
        const leading = (peek(k)?.kind === 'number' || isInfName(peek(k))) && peek(k + 1)?.kind === 'op';
        let before: { value: number; op: '<=' | '>=' | '=' } | undefined;
        if (leading) before = { value: constant(true, 'bound'), op: operator() };
        const v = next('a variable');
        if (v.kind !== 'name') throw inputError('syntax', 'expected a variable in Bounds', at(v), v.text);
        const j = b.col(v.text);
        const set = (side: 'lower' | 'upper', x: number): void => {
          boundLines.claim(`${side} ${j}`, `the ${side} bound of "${v.text}"`, at(v), x);
          if (x === (side === 'lower' ? Infinity : -Infinity)) throw inputError('invalid-bound', `a ${side} bound of ${x > 0 ? '+' : '-'}inf leaves "${v.text}" no value`, at(v), x);
          if (side === 'lower') b.colLower[j] = x;
          else b.colUpper[j] = x;
        };
        const setLower = (x: number): void => set('lower', x);
        const setUpper = (x: number): void => set('upper', x);
        if (before !== undefined) {
          // "a <= x" is a lower bound; "a >= x" an upper one.
          if (before.op === '<=') setLower(before.value);
          else if (before.op === '>=') setUpper(before.value);
          else {
            setLower(before.value);
            setUpper(before.value);
          }
        }
        const t = peek();
        if (t !== undefined && t.kind === 'name' && /^free$/i.test(t.text)) {
          p++;
          setLower(-Infinity);
          setUpper(Infinity);
        } else if (t !== undefined && t.kind === 'op') {
          const op = operator();
          const value = constant(true, 'bound');
          if (op === '<=') setUpper(value);
          else if (op === '>=') setLower(value);
          else {
            setLower(value);
            setUpper(value);
          }
        } else if (before === undefined) {
          throw inputError('syntax', 'a bound reads "x <= 4", "-1 <= x <= 4", "x >= -inf", "x = 3" or "x free"', at(v), v.text);
        }
      }
    }
  }
  return b.build(undefined);
}
