import type { Location } from '../../model/errors.js';
import { inputError } from '../../model/errors.js';
import { csrFromTriplets } from '../../sparse/from-triplets.js';
import type { LinearProgram } from '../lp-types.js';

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
  /** (row·cols + col) keys seen, to reject a coefficient given twice. */
  private readonly seen = new Set<number>();

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

  /** Sets A[i][j]; the same entry twice is an error at `where`. */
  coefficient(i: number, j: number, value: number, where: Location): void {
    // Rows and columns are few enough (< 2^26 each) for an exact key in a double.
    const key = i * 67108864 + j;
    if (this.seen.has(key)) throw inputError('duplicate-entry', `coefficient of "${this.colNames[j]}" in row "${this.rowNames[i]}" is given twice`, where, value);
    this.seen.add(key);
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
 * A number from a token, or an InputError at the token naming the value. Bounds may be infinite
 * ("inf", "infinity", or by custom ±1e30 and beyond); coefficients must be finite.
 */
export function parseNumber(text: string, where: Location, what: string, allowInfinite = false): number {
  let v = Number(text);
  if (Number.isNaN(v) || text.trim() === '') {
    const word = text.toLowerCase().replace(/^[+-]/, '');
    if (word !== 'inf' && word !== 'infinity') throw inputError('not-a-number', `${what} is not a number`, where, text);
    v = text.startsWith('-') ? -Infinity : Infinity;
  }
  if (v >= 1e30) v = Infinity;
  else if (v <= -1e30) v = -Infinity;
  if (!allowInfinite && !Number.isFinite(v)) throw inputError('not-finite', `${what} must be finite`, where, text);
  return v;
}
