import assert from 'node:assert/strict';

/**
 * Asserts |actual − expected| ≤ rtol · |expected| + atol entry by entry, naming the first
 * offending entry. `atol` is the absolute floor for entries that are (near) zero.
 */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol = 0, what = 'value'): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    const allowed = rtol * Math.abs(expected[i]) + atol;
    if (!(err <= allowed)) assert.fail(`${what}[${i}]: ${actual[i]} differs from ${expected[i]} by ${err} (allowed ${allowed})`);
  }
}

/** max |m| over the entries. */
export function maxAbs(m: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < m.length; i++) r = Math.max(r, Math.abs(m[i]));
  return r;
}
