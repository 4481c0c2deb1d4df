import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coefficientMultipliers, grossOutput } from '../../src/leontief/index.js';
import { monteCarlo } from '../../src/leontief/monte-carlo.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';

describe('Monte Carlo over the coefficients', () => {
  const n = 30;
  const A = randomProductiveCsr(n, 5, 7, 0.6);
  const rnd = seededRandom(8);
  const y = Float64Array.from({ length: n }, () => 1 + rnd() * 9);
  const rows = csrFromDense(2, n, Float64Array.from({ length: 2 * n }, () => rnd()));

  test('with zero spread every summary is the deterministic result', () => {
    const r = monteCarlo(A, rows, y, { A: 0 }, { draws: 7 }, { tolerance: 1e-13 });
    assert.equal(r.status, 'converged');
    const x = grossOutput(A, y, { tolerance: 1e-13 }).x;
    const mult = coefficientMultipliers({ A }, rows, { tolerance: 1e-13 });
    for (let q = 0; q < 2; q++) {
      let f = 0;
      for (let i = 0; i < n; i++) f += rows.values[q * n + i] * x[i];
      for (const s of [r.footprints.mean, r.footprints.median, r.footprints.p025, r.footprints.p975]) assert.ok(Math.abs(s[q] - f) <= 1e-12 * f, `footprint ${q}: ${s[q]} vs ${f}`);
      for (let i = 0; i < n; i++) {
        const want = mult.multipliers[q][i];
        const got = r.multipliers?.median[q * n + i] ?? Number.NaN;
        assert.ok(Math.abs(got - want) <= 1e-11 * want, `multiplier ${q},${i}: ${got} vs ${want}`);
      }
    }
  });

  test('seeded: the same seed gives the same result, another seed another; percentiles bracket the median', () => {
    const spread = { A: 0.1, y: 0.05, rows: 0.05 };
    const a = monteCarlo(A, rows, y, spread, { draws: 200, seed: 3 });
    const b = monteCarlo(A, rows, y, spread, { draws: 200, seed: 3 });
    const c = monteCarlo(A, rows, y, spread, { draws: 200, seed: 4 });
    assert.deepEqual(Array.from(a.footprints.mean), Array.from(b.footprints.mean));
    assert.notDeepEqual(Array.from(a.footprints.mean), Array.from(c.footprints.mean));
    const x = grossOutput(A, y).x;
    for (let q = 0; q < 2; q++) {
      assert.ok(a.footprints.p025[q] < a.footprints.median[q] && a.footprints.median[q] < a.footprints.p975[q]);
      let f = 0;
      for (let i = 0; i < n; i++) f += rows.values[q * n + i] * x[i];
      assert.ok(Math.abs(a.footprints.mean[q] / f - 1) < 0.05, `mean ${a.footprints.mean[q]} near the deterministic ${f}`);
      assert.ok(a.footprints.p025[q] < f && f < a.footprints.p975[q], 'the deterministic value lies inside the 95% interval');
    }
  });

  test('bad options are located errors', () => {
    assert.throws(() => monteCarlo(A, rows, y, { A: -0.1 }, { draws: 5 }), /between 0 and 10/);
    assert.throws(() => monteCarlo(A, rows, y, { A: 0.1 }, { draws: 0 }), /draws must be a positive integer/);
    assert.throws(() => monteCarlo(A, rows, y, { A: new Float64Array(3) }, { draws: 5 }), /one entry per stored coefficient/);
  });
});

describe('Monte Carlo: further demands and drawn inputs', () => {
  const n = 20;
  const A = randomProductiveCsr(n, 4, 11, 0.5);
  const rnd = seededRandom(12);
  const y1 = Float64Array.from({ length: n }, (_, i) => (i < 10 ? 1 + rnd() * 9 : 0));
  const y2 = Float64Array.from({ length: n }, (_, i) => (i >= 10 ? 1 + rnd() * 9 : 0));
  const y = Float64Array.from(y1, (v, i) => v + y2[i]);
  const rows = csrFromDense(2, n, Float64Array.from({ length: 2 * n }, () => rnd()));

  test('zero spread: the footprints of each demand are the deterministic m·y_g, and they sum to the footprint of y', () => {
    const r = monteCarlo(A, rows, y, { A: 0 }, { draws: 3, demands: [y1, y2] }, { tolerance: 1e-13 });
    const mult = coefficientMultipliers({ A }, rows, { tolerance: 1e-13 });
    const f = r.demandFootprints;
    assert.ok(f !== undefined);
    for (let q = 0; q < 2; q++) {
      const want = [y1, y2].map((yg) => yg.reduce((s, v, i) => s + v * mult.multipliers[q][i], 0));
      for (let g = 0; g < 2; g++) assert.ok(Math.abs(f.median[q * 2 + g] - want[g]) <= 1e-11 * want[g], `row ${q}, demand ${g}: ${f.median[q * 2 + g]} vs ${want[g]}`);
      assert.ok(Math.abs(f.mean[q * 2] + f.mean[q * 2 + 1] - r.footprints.mean[q]) <= 1e-10 * r.footprints.mean[q]);
    }
  });

  test('with spread in y the drawn demands still sum to the drawn y (the same factor per item)', () => {
    const r = monteCarlo(A, rows, y, { A: 0.1, y: 0.2 }, { draws: 1, seed: 5, demands: [y1, y2] });
    const f = r.demandFootprints;
    assert.ok(f !== undefined);
    for (let q = 0; q < 2; q++) assert.ok(Math.abs(f.mean[q * 2] + f.mean[q * 2 + 1] - r.footprints.mean[q]) <= 1e-9 * r.footprints.mean[q]);
  });

  test('adjust reaches A by its place in A (the run keeps Aᵀ): toArray is A, set(p) changes that coefficient', () => {
    let seen: Float64Array | undefined;
    monteCarlo(A, rows, y, { A: 0 }, { draws: 1, adjust: (_t, a) => (seen = a.toArray()) });
    assert.deepEqual(seen, Float64Array.from(A.values));
    // Doubling one coefficient through set gives the multipliers of A with that coefficient doubled.
    const p = A.rowPtr[3] + 1;
    const changed = { ...A, values: Float64Array.from(A.values, (v, q) => (q === p ? 2 * v : v)) };
    const r = monteCarlo(A, rows, y, { A: 0 }, { draws: 1, adjust: (_t, a) => (a.set(p, 2 * a.get(p)), assert.equal(a.get(p), changed.values[p])) }, { tolerance: 1e-13 });
    const want = coefficientMultipliers({ A: changed }, rows, { tolerance: 1e-13 });
    for (let q = 0; q < 2; q++) for (let i = 0; i < n; i++) assert.ok(Math.abs((r.multipliers?.mean[q * n + i] ?? Number.NaN) - want.multipliers[q][i]) <= 1e-11 * want.multipliers[q][i]);
  });

  test('adjust sees each draw and its replacements are what is solved', () => {
    const seen: number[] = [];
    const doubled = monteCarlo(A, rows, y, { A: 0 }, { draws: 2, adjust: (t, _a, _y, rs) => (seen.push(t), rs[0].forEach((v, i) => (rs[0][i] = 2 * v))) });
    const plain = monteCarlo(A, rows, y, { A: 0 }, { draws: 2 });
    assert.deepEqual(seen, [0, 1]);
    assert.ok(Math.abs(doubled.footprints.mean[0] - 2 * plain.footprints.mean[0]) <= 1e-9 * plain.footprints.mean[0]);
    assert.ok(Math.abs(doubled.footprints.mean[1] - plain.footprints.mean[1]) <= 1e-12 * plain.footprints.mean[1]);
  });
});
