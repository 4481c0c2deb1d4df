import { listed, noteNumber, type NotesDraft } from './import-notes.js';

/** Relative tolerance within which a published total must equal the sum of its entries. */
export const TOTAL_TOLERANCE = 1e-6;
const TOLERANCE_TEXT = '1e-6';

/** Published totals beside the sums they should equal; NaN where the table states none. */
export interface TotalsCheck {
  /** What the totals are, for the notes: "the OUT column", "the GO row". */
  readonly what: string;
  /** What they are compared with, for the notes: "the row sums of Z and Y". */
  readonly against: string;
  readonly stated: Float64Array;
  readonly sums: Float64Array;
  readonly labels: (i: number) => string;
}

/**
 * Compares published totals with the sums of their entries: equal within TOTAL_TOLERANCE of the
 * larger of |total| and a millionth of the largest total (so that rounding of tiny entries does not
 * count). Says in `notes.read` that they agree, or which differ and by how much; returns the
 * indices that differ.
 */
export function checkTotals(c: TotalsCheck, notes: NotesDraft): number[] {
  let scale = 0;
  for (const v of c.stated) if (Math.abs(v) > scale) scale = Math.abs(v);
  const bad: number[] = [];
  let compared = 0;
  let worst = -1;
  let worstRel = 0;
  for (let i = 0; i < c.stated.length; i++) {
    const t = c.stated[i];
    if (Number.isNaN(t)) continue;
    compared++;
    const diff = Math.abs(t - c.sums[i]);
    const tol = TOTAL_TOLERANCE * Math.max(Math.abs(t), 1e-6 * scale);
    if (diff > tol) {
      bad.push(i);
      const rel = diff / Math.max(Math.abs(t), 1e-300);
      if (rel > worstRel || worst < 0) {
        worst = i;
        worstRel = rel;
      }
    }
  }
  if (compared === 0) return bad;
  if (bad.length === 0) notes.read.push(`checked: ${c.what} equals ${c.against} within ${TOLERANCE_TEXT} (relative) for all ${compared} products`);
  else {
    notes.read.push(
      `checked: ${c.what} differs from ${c.against} beyond ${TOLERANCE_TEXT} (relative) for ${bad.length} of ${compared} products (${listed(bad.map(c.labels))}); the largest: ${c.labels(worst)}, ${noteNumber(c.stated[worst])} stated, ${noteNumber(c.sums[worst])} summed`,
    );
  }
  return bad;
}

/**
 * Gross output from a published output column: where it agrees with the row sums (Z, Y and any
 * discrepancy column left out of Y) the published figure, else the row sum, with a note of the
 * figures set aside. Undefined when the table states no output.
 */
export function outputFromStated(c: TotalsCheck, notes: NotesDraft): Float64Array | undefined {
  if (c.stated.every((v) => Number.isNaN(v))) return undefined;
  const bad = checkTotals(c, notes);
  const x = Float64Array.from(c.stated, (v, i) => (Number.isNaN(v) ? c.sums[i] : v));
  for (const i of bad) x[i] = c.sums[i];
  if (bad.length > 0) notes.dropped.push(`${c.what} of ${bad.length} products (${listed(bad.map(c.labels))}): it differs from ${c.against}, which are used as their output instead`);
  return x;
}
