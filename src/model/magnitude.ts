/**
 * The one rule for numbers that cross a boundary into Plenty (model and plan files, demands,
 * tables, LP/MPS files, HTTP bodies, reports, options): a number is finite and its magnitude is at
 * most MAX_MAGNITUDE. Where numbers accumulate (balances, report totals, LP data) the sums are
 * checked again against the same bound, so that an overflow is a located user error, never `inf`
 * in an output. Documented in docs/model.md ("Numbers").
 *
 * 10³⁰ leaves room for any real account (a national economy in its smallest currency unit is below
 * 10²⁰; world energy use in joules about 6·10²⁰) while products of two such numbers and sums of
 * millions of them stay far from double precision's overflow at 1.8·10³⁰⁸.
 */
export const MAX_MAGNITUDE = 1e30;

/** MAX_MAGNITUDE as people read it in messages and docs. */
export const MAX_MAGNITUDE_TEXT = '1e30';

/** True for a finite number whose magnitude is at most MAX_MAGNITUDE. */
export function inMagnitude(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
}

/** The sentence an error gives for a number outside the rule (the caller adds what and where). */
export function magnitudeMessage(value: number): string {
  if (Number.isNaN(value)) return 'must be a number (not NaN)';
  if (!Number.isFinite(value)) return 'must be a finite number';
  return `must be at most ${MAX_MAGNITUDE_TEXT} in magnitude`;
}
