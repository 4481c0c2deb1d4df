import { inputError } from '../errors.js';
import type { TableNumbers } from './table-numbers.js';

/**
 * What a row (or column) of a table is, for checking totals: a product of the block; a `total` or
 * the `output` by its label (checked: it must equal a sum of other lines); a `subtotal` by its
 * label (value added, total employment: a total where its components are lines too, else a part);
 * a `part` (a primary input, a final-use column: a subtotal where it equals the sum of the lines
 * just before or after it); or `skip` (left out: not read, not checked; counted in the sums where
 * `counted`).
 */
export type TotalKind = 'product' | 'total' | 'output' | 'subtotal' | 'part' | 'skip';

export interface TotalsLine {
  readonly kind: TotalKind;
  /** A `skip` line that still counts in the sums of the totals (a primary input left out, not a total). */
  readonly counted?: boolean;
  /** Counted in the sums of everything above (products, primary inputs in money), not persons, hours or emissions. */
  readonly money: boolean;
  /** How the line is named in messages: its id and place (`P1 (row 17)`). */
  readonly name: string;
}

/** Which lines a total is the sum of. */
export type TotalOf = 'products' | 'run-before' | 'all-before' | 'outer-before' | 'run-after';

export interface TotalVerdict {
  readonly role: 'product' | 'total' | 'output' | 'subtotal' | 'part' | 'skip';
  /** The sum it was found to equal; undefined for parts, products and an output not checked. */
  readonly of?: TotalOf;
}

/** A stated total that differs from its sum by more than the rounding of the printed numbers, but within the tolerance. */
export interface TotalDiscrepancy {
  readonly line: number;
  readonly cross: number;
  readonly stated: number;
  readonly sum: number;
}

export interface TotalsCheck {
  readonly verdicts: readonly TotalVerdict[];
  readonly discrepancies: readonly TotalDiscrepancy[];
}

export interface TotalsOptions {
  readonly axis: 'row' | 'column';
  /** Relative tolerance of a stated total against its sum, beyond the rounding of the printed numbers. */
  readonly tolerance: number;
  /** True when the table's columns add up to output (it has value-added rows): the output row is then checked. */
  readonly monetary: boolean;
  /** Lines of the other axis left out of the check. */
  readonly crossSkip: readonly boolean[];
  /** False: a total that matches no sum is kept as a total, unchecked, instead of being an error. */
  readonly enforce: boolean;
}

/** Running sums over a set of lines, per cross position: sums, sums of magnitudes and of rounding. */
class Sums {
  readonly sum: Float64Array;
  readonly abs: Float64Array;
  readonly half: Float64Array;
  count = 0;
  nonZero = 0;
  first = -1;
  last = -1;
  constructor(n: number) {
    this.sum = new Float64Array(n);
    this.abs = new Float64Array(n);
    this.half = new Float64Array(n);
  }
  clear(): void {
    this.sum.fill(0);
    this.abs.fill(0);
    this.half.fill(0);
    this.count = 0;
    this.nonZero = 0;
    this.first = -1;
    this.last = -1;
  }
}

/** Relative tolerance for recognising an unlabelled subtotal: it must add up to rounding. */
const STRICT = 1e-9;

const OF_TEXT: Readonly<Record<TotalOf, [string, string]>> = {
  products: ['the product rows', 'the product columns'],
  'run-before': ['the rows above it since the last total', 'the columns left of it since the last total'],
  'all-before': ['the rows above it (products and primary inputs in money; totals, persons, hours and emissions left out)', 'the columns left of it (totals left out)'],
  'outer-before': ['the primary-input rows above it', 'the final-use columns left of it'],
  'run-after': ['the rows below it up to the next total', 'the columns right of it up to the next total'],
};

interface Evaluation {
  readonly of: TotalOf;
  readonly ok: boolean;
  readonly failures: number;
  readonly firstFailure: number;
  readonly compared: number;
  readonly beyondRounding: readonly number[];
  readonly sums: Sums;
}

/**
 * Checks the totals along one axis of a table, line by line in order (see TotalKind): a labelled
 * total must equal the sum of the products, of the parts since the last total, of all parts above
 * it, of the primary inputs (or final uses) above it, or of the parts below it up to the next
 * total, in every cell it states (empty cells are not stated), within the rounding of the printed
 * numbers plus `tolerance` × the larger of the total and the sum of magnitudes. The output is
 * checked the same way in a table in money. A labelled total that matches none is an InputError
 * at its first cell that differs, with both numbers. Totals and subtotals are left out of the sums
 * of the lines after them.
 */
export function checkTableTotals(numbers: TableNumbers, lines: readonly TotalsLine[], options: TotalsOptions): TotalsCheck {
  const { cols } = numbers;
  const row = options.axis === 'row';
  const nCross = row ? numbers.cols : numbers.rows;
  const at = row ? (p: number, q: number) => p * cols + q : (p: number, q: number) => q * cols + p;
  const cross: number[] = [];
  for (let q = 0; q < nCross; q++) if (!options.crossSkip[q]) cross.push(q);
  const { values, half } = numbers;

  const add = (s: Sums, p: number): void => {
    let nz = false;
    for (const q of cross) {
      const v = values[at(p, q)];
      if (Number.isNaN(v)) continue;
      s.sum[q] += v;
      s.abs[q] += Math.abs(v);
      s.half[q] += half[at(p, q)];
      if (v !== 0) nz = true;
    }
    s.count++;
    if (nz) s.nonZero++;
    if (s.first < 0) s.first = p;
    s.last = p;
  };

  const products = new Sums(nCross);
  lines.forEach((l, p) => {
    if (l.kind === 'product') add(products, p);
  });
  const allBefore = new Sums(nCross);
  const outerBefore = new Sums(nCross);
  const run = new Sums(nCross);

  const runAfter = (p: number): Sums => {
    const s = new Sums(nCross);
    for (let k = p + 1; k < lines.length; k++) {
      const kind = lines[k].kind;
      if (kind === 'total' || kind === 'output' || kind === 'subtotal' || kind === 'product') break;
      if (kind === 'part') add(s, k);
    }
    return s;
  };

  const evaluate = (p: number, of: TotalOf, sums: Sums, tolerance: number): Evaluation => {
    let failures = 0;
    let firstFailure = -1;
    let compared = 0;
    const beyondRounding: number[] = [];
    for (const q of cross) {
      const v = values[at(p, q)];
      if (Number.isNaN(v)) continue;
      compared++;
      const diff = Math.abs(v - sums.sum[q]);
      const rounding = half[at(p, q)] + sums.half[q];
      const scale = Math.max(Math.abs(v), sums.abs[q]);
      if (diff > rounding + tolerance * scale) {
        failures++;
        if (firstFailure < 0) firstFailure = q;
      } else if (diff > rounding + STRICT * scale) {
        beyondRounding.push(q);
      }
    }
    return { of, ok: failures === 0 && compared > 0, failures, firstFailure, compared, beyondRounding, sums };
  };

  const verdicts: TotalVerdict[] = [];
  const discrepancies: TotalDiscrepancy[] = [];
  let inBlock = false;
  lines.forEach((line, p) => {
    // The lines right after the block start a run of their own: a subtotal there sums final uses or primary inputs, not products.
    if (inBlock && line.kind !== 'product') run.clear();
    inBlock = line.kind === 'product';
    if (line.kind === 'skip') {
      verdicts.push({ role: 'skip' });
      if (line.counted === true) {
        if (line.money) {
          add(allBefore, p);
          add(outerBefore, p);
        }
        add(run, p);
      }
      return;
    }
    if (line.kind === 'product') {
      verdicts.push({ role: 'product' });
      if (line.money) add(allBefore, p);
      add(run, p);
      return;
    }
    const labelled = line.kind === 'total' || line.kind === 'output';
    const tolerance = line.kind === 'part' ? STRICT : options.tolerance;
    const candidates: [TotalOf, Sums][] = [];
    const minParts = labelled ? 1 : 2;
    if (line.kind === 'total') candidates.push(['products', products]);
    if (labelled) candidates.push(['all-before', allBefore]);
    if (run.count >= minParts && (labelled || run.nonZero >= 2)) candidates.push(['run-before', run]);
    if (line.kind === 'total' && outerBefore.count > 0) candidates.push(['outer-before', outerBefore]);
    const after = runAfter(p);
    if (after.count >= minParts && (labelled || after.nonZero >= 2)) candidates.push(['run-after', after]);
    const evaluations = candidates.map(([of, sums]) => evaluate(p, of, sums, tolerance));
    const match = evaluations.find((e) => e.ok && (labelled || e.compared >= 2));
    let verdict: TotalVerdict;
    if (match !== undefined) {
      verdict = { role: line.kind === 'part' ? 'subtotal' : line.kind, of: match.of };
      for (const q of match.beyondRounding) discrepancies.push({ line: p, cross: q, stated: values[at(p, q)], sum: match.sums.sum[q] });
    } else if (options.enforce && (line.kind === 'total' || (line.kind === 'output' && options.monetary))) {
      throw mismatch(numbers, line, p, evaluations, row, at, options.tolerance);
    } else {
      verdict = { role: line.kind === 'output' || line.kind === 'total' ? line.kind : 'part' };
    }
    verdicts.push(verdict);
    if (verdict.role === 'part') {
      if (line.money) {
        add(allBefore, p);
        add(outerBefore, p);
      }
      add(run, p);
    } else {
      run.clear();
    }
  });
  return { verdicts, discrepancies };
}

/** The InputError for a total that matches none of its sums: at the first differing cell of the nearest sum, with both numbers. */
function mismatch(numbers: TableNumbers, line: TotalsLine, p: number, evaluations: readonly Evaluation[], row: boolean, at: (p: number, q: number) => number, tolerance: number): Error {
  const what = row ? 'row' : 'column';
  const compared = evaluations.filter((e) => e.compared > 0);
  if (compared.length === 0) {
    const [i, j] = row ? [p, 0] : [0, p];
    return inputError('total-mismatch', `${line.name} is a total, but there is nothing above it to add up; leave the ${what} out (skip_${what}s in a mapping)`, numbers.place(i, j), numbers.text(i, j));
  }
  const best = compared.reduce((a, b) => (b.failures < a.failures ? b : a));
  const q = best.firstFailure;
  const [i, j] = row ? [p, q] : [q, p];
  const stated = numbers.values[at(p, q)];
  const sum = best.sums.sum[q];
  const rel = Math.abs(stated - sum) / Math.max(Math.abs(stated), Math.abs(sum), Number.MIN_VALUE);
  return inputError(
    'total-mismatch',
    `${line.name} is a total stated as ${stated}, but the sum of ${OF_TEXT[best.of][row ? 0 : 1]} is ${sum} (${rel.toPrecision(2)} relative, beyond the tolerance ${tolerance} and the rounding of the printed numbers; ${best.failures} of ${best.compared} cells differ): correct the table, raise the tolerance (tolerance: in a mapping), or leave the ${what} out (skip_${what}s in a mapping)`,
    numbers.place(i, j),
    numbers.text(i, j),
  );
}
