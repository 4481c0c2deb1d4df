import type { Location } from '../../model/errors.js';
import { inputError } from '../../model/errors.js';
import { inMagnitude, magnitudeMessage } from '../../model/magnitude.js';
import { csrFromTriplets } from '../../sparse/from-triplets.js';
import type { LinearProgram } from '../lp-types.js';
import { EntryLines } from './entry-lines.js';

/**
 * Collects rows, columns and coefficients by name while a file is read, then builds the
 * LinearProgram. Columns default to 0 ≤ x < ∞, rows to free (−∞, ∞).
 */
export class LpBuilder {
  readonly colIndex = new Map<string, number>();
  readonly rowIndex = new Map<string, number>();
  readonly colNames: string[] = [];
  readonly rowNames: string[] = [];
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly c: number[] = [];
  offset = 0;
  sense: 'min' | 'max' = 'min';
  private readonly ri: number[] = [];
  private readonly ci: number[] = [];
  private readonly va: number[] = [];
  /** Where each (row, column) coefficient was given, to refuse one given twice. */
  private readonly entries = new EntryLines();

  /** The index of column `name`, created (0 ≤ x < ∞) if new. */
  col(name: string): number {
    let j = this.colIndex.get(name);
    if (j === undefined) {
      j = this.colNames.length;
      this.colIndex.set(name, j);
      this.colNames.push(name);
      this.colLower.push(0);
      this.colUpper.push(Infinity);
      this.c.push(0);
    }
    return j;
  }

  /** Adds a row; a name given twice is an error at `where`. */
  addRow(name: string, lower: number, upper: number, where: Location): number {
    if (this.rowIndex.has(name)) throw inputError('duplicate-row', `row "${name}" is defined twice`, where, name);
    const i = this.rowNames.length;
    this.rowIndex.set(name, i);
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return i;
  }

  /** Sets A[i][j]; the same entry twice is an error at `where` naming both lines. */
  coefficient(i: number, j: number, value: number, where: Location): void {
    // Rows and columns are few enough (< 2^26 each) for an exact key in a double.
    this.entries.claim(i * 67108864 + j, `coefficient of "${this.colNames[j]}" in row "${this.rowNames[i]}"`, where, value);
    if (value === 0) return;
    this.ri.push(i);
    this.ci.push(j);
    this.va.push(value);
  }

  build(name: string | undefined): LinearProgram {
    const m = this.rowNames.length;
    const n = this.colNames.length;
    const lp: LinearProgram = {
      sense: this.sense,
      c: Float64Array.from(this.c),
      offset: this.offset,
      A: csrFromTriplets(m, n, this.ri, this.ci, this.va),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      colNames: this.colNames,
      rowNames: this.rowNames,
    };
    return name === undefined ? lp : { ...lp, name };
  }
}

/**
 * A number from a token, or an InputError at the token naming the value. Every number is finite
 * and at most MAX_MAGNITUDE (1e30) in magnitude, 1e30 itself included; where `allowInfinite`
 * (bounds, right-hand sides), "inf" or "infinity" with an optional sign means no bound. A number
 * beyond 1e30 is refused, not read as infinite: the message says to write inf for no bound.
 */
export function parseNumber(text: string, where: Location, what: string, allowInfinite = false): number {
  const word = text.toLowerCase().replace(/^[+-]/, '');
  if (word === 'inf' || word === 'infinity') {
    if (!allowInfinite) throw inputError('not-finite', `${what} must be a finite number`, where, text);
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  const v = Number(text);
  if (Number.isNaN(v) || text.trim() === '') throw inputError('not-a-number', `${what} is not a number`, where, text);
  return checkedNumber(v, where, what, allowInfinite, text);
}

/**
 * `v` if it is finite and within MAX_MAGNITUDE, else an InputError at `where` with `shown` as its
 * value. For a bound (`allowInfinite`) the message adds that inf or infinity means no bound. Used
 * for numbers read from a file and for sums the readers form from them (a right-hand side less a
 * constant, a range added to a bound, terms of one variable added up).
 */
export function checkedNumber(v: number, where: Location, what: string, allowInfinite: boolean, shown: unknown = v): number {
  if (inMagnitude(v)) return v;
  const hint = allowInfinite ? '; write inf or infinity for no bound' : '';
  throw inputError(Number.isFinite(v) ? 'out-of-range' : 'not-finite', `${what} ${magnitudeMessage(v)}${hint}`, where, shown);
}
