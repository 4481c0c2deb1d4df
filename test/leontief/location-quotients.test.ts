import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { regionalTable } from '../../src/leontief/location-quotients.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';

function dense(n: number, m: { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array }): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) out[i * n + m.colIdx[p]] = m.values[p];
  return out;
}

describe('regional tables by location quotients', () => {
  // Three sectors; national employment 100, 300, 600 (N = 1000); a region with 20, 30, 50 (R = 100).
  // SLQ = (0.2/0.1, 0.3/0.3, 0.5/0.6) = (2, 1, 0.8333…).
  const a = [0.1, 0.2, 0.05, 0.3, 0.1, 0.2, 0.05, 0.15, 0.25];
  const A = csrFromDense(3, 3, a);
  const nat = [100, 300, 600];
  const reg = [20, 30, 50];

  test('SLQ scales rows whose quotient is below 1 and keeps the others', () => {
    const r = regionalTable(A, nat, reg, 'slq');
    assert.deepEqual(Array.from(r.slq).map((v) => Number(v.toFixed(12))), [2, 1, 0.833333333333]);
    const got = dense(3, r.A);
    const want = [0.1, 0.2, 0.05, 0.3, 0.1, 0.2, 0.05 * (5 / 6), 0.15 * (5 / 6), 0.25 * (5 / 6)];
    got.forEach((v, k) => assert.ok(Math.abs(v - want[k]) < 1e-15, `a[${k}] ${v} vs ${want[k]}`));
  });

  test('CILQ compares the selling with the buying sector; the diagonal takes the SLQ', () => {
    const r = regionalTable(A, nat, reg, 'cilq');
    const got = dense(3, r.A);
    // CILQ_21 = SLQ_2 / SLQ_1 = 0.5, CILQ_31 = 0.41667, CILQ_32 = 0.8333; the rest ≥ 1; diagonal SLQ_3 = 0.8333.
    const want = [0.1, 0.2, 0.05, 0.3 * 0.5, 0.1, 0.2, 0.05 * (5 / 12), 0.15 * (5 / 6), 0.25 * (5 / 6)];
    got.forEach((v, k) => assert.ok(Math.abs(v - want[k]) < 1e-15, `a[${k}] ${v} vs ${want[k]}`));
  });

  test('FLQ is the CILQ times λ* = log₂(1 + R/N)^δ, and with δ = 0 it is the CILQ', () => {
    const flq = regionalTable(A, nat, reg, 'flq', 0.3);
    assert.ok(Math.abs(flq.lambda - Math.log2(1.1) ** 0.3) < 1e-15);
    const cilq = dense(3, regionalTable(A, nat, reg, 'cilq').A);
    const same = dense(3, regionalTable(A, nat, reg, 'flq', 0).A);
    same.forEach((v, k) => assert.ok(Math.abs(v - cilq[k]) < 1e-15));
  });

  test('on seeded regions: every regional coefficient is at most the national one, and FLQ ≤ CILQ', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rnd = seededRandom(seed);
      const n = 15;
      const an = Array.from({ length: n * n }, () => (rnd() < 0.6 ? rnd() * 0.1 : 0));
      const An = csrFromDense(n, n, an);
      const natl = Array.from({ length: n }, () => 1 + rnd() * 100);
      const regl = natl.map((v) => v * rnd() * 0.3);
      const tables = (['slq', 'cilq', 'flq'] as const).map((m) => dense(n, regionalTable(An, natl, regl, m, 0.2).A));
      for (const t of tables) t.forEach((v, k) => assert.ok(v <= an[k] + 1e-18 && v >= 0, `seed ${seed}: ${v} > ${an[k]}`));
      tables[2].forEach((v, k) => assert.ok(v <= tables[1][k] + 1e-18));
    }
  });

  test('bad inputs are located errors', () => {
    assert.throws(() => regionalTable(A, nat, [20, 30], 'slq'), /regional must have 3 entries/);
    assert.throws(() => regionalTable(A, [100, 0, 600], reg, 'slq'), /a sector the nation has none of/);
    assert.throws(() => regionalTable(A, nat, [200, 300, 600], 'slq'), /larger than the nation/);
    assert.throws(() => regionalTable(A, nat, reg, 'flq', 1), /δ must be at least 0 and below 1/);
  });
});
