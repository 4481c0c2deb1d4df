import assert from 'node:assert/strict';

/** Asserts |actual − expected| ≤ rtol · max(|expected|, 1e-300) + atol, naming the quantity. */
export function near(actual: number, expected: number, rtol: number, what: string, atol = 0): void {
  const err = Math.abs(actual - expected);
  if (!(err <= rtol * Math.abs(expected) + atol)) assert.fail(`${what}: ${actual} differs from ${expected} by ${err}`);
}
