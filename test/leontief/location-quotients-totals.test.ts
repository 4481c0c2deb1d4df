import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { regionalTable } from '../../src/leontief/location-quotients.js';
import { InputError } from '../../src/model/errors.js';
import { csrFromDense } from '../../src/sparse/index.js';

describe('location quotients with totals beyond the sectors', () => {
  const A = csrFromDense(2, 2, [0.1, 0.2, 0.3, 0.1]);
  test('R and N given: SLQ = (r_i/R)/(n_i/N) and λ* = log₂(1 + R/N)^δ with them', () => {
    const r = regionalTable(A, [100, 300], [20, 30], 'flq', 0.3, { regional: 100, national: 1000 });
    assert.deepEqual(Array.from(r.slq).map((v) => Number(v.toFixed(12))), [2, 1]);
    assert.ok(Math.abs(r.lambda - Math.log2(1.1) ** 0.3) < 1e-15);
  });
  test('a total below the sum over the sectors is refused', () => {
    assert.throws(() => regionalTable(A, [100, 300], [20, 30], 'slq', 0.3, { national: 399 }), (e: unknown) => e instanceof InputError && /at least the sum/.test(e.message));
  });
});
