import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawPart, factorTable, normalQuantile, streamKey, uniformAt } from '../../src/leontief/monte-carlo-draws.js';
import { monteCarloTolerance } from '../../src/leontief/monte-carlo.js';
import { parallelDraws } from '../../src/leontief/monte-carlo-parallel-draws.js';
import { DEFAULT_TOLERANCE } from '../../src/leontief/types.js';

describe('Monte Carlo draws (counter-based)', () => {
  test('Φ⁻¹ by AS 241 reproduces tabulated normal quantiles', () => {
    // Quantiles of the standard normal (Abramowitz and Stegun, table 26.5; Wichura 1988).
    const known: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.8413447460685429, 1],
      [0.025, -1.959963984540054],
      [0.999, 3.090232306167813],
      [1e-10, -6.361340902404056],
    ];
    for (const [u, z] of known) assert.ok(Math.abs(normalQuantile(u) - z) <= 1e-14 * Math.max(1, Math.abs(z)), `Φ⁻¹(${u}) = ${normalQuantile(u)}, not ${z}`);
  });

  test('lognormal factors have mean 1 and the given relative standard deviation; normal ones are cut at 0', () => {
    const n = 400_000;
    const base = new Float64Array(n).fill(2);
    const out = new Float64Array(n);
    for (const rsd of [0.1, 0.5]) {
      drawPart(out, { key: streamKey(3, 0, 0), base, rsd, lognormal: true, table: factorTable(rsd, true) });
      let s = 0;
      let s2 = 0;
      for (const v of out) {
        s += v / 2;
        s2 += (v / 2) ** 2;
      }
      const mean = s / n;
      const sd = Math.sqrt(s2 / n - mean * mean);
      // Sampling error of the mean: rsd / √n ≈ 1.6e-4 (0.1) and 8e-4 (0.5); five of them allowed.
      assert.ok(Math.abs(mean - 1) < 5 * (rsd / Math.sqrt(n)), `mean ${mean}`);
      assert.ok(Math.abs(sd / rsd - 1) < 0.02, `rsd ${sd} vs ${rsd}`);
    }
    drawPart(out, { key: streamKey(3, 0, 0), base, rsd: 2, lognormal: false });
    assert.ok(out.every((v) => v >= 0));
    assert.ok(out.some((v) => v === 0));
  });

  test('the table is within 1e-10 of the formula; the order of the entries does not change their draws', () => {
    const n = 50_000;
    const base = Float64Array.from({ length: n }, (_, p) => 1 + (p % 7));
    const key = streamKey(11, 4, 0);
    for (const [rsd, lognormal] of [
      [0.1, true],
      [0.3, false],
    ] as const) {
      const exact = new Float64Array(n);
      const tabled = new Float64Array(n);
      drawPart(exact, { key, base, rsd, lognormal });
      drawPart(tabled, { key, base, rsd, lognormal, table: factorTable(rsd, lognormal) });
      for (let p = 0; p < n; p++) assert.ok(Math.abs(tabled[p] - exact[p]) <= 1e-10 * exact[p], `entry ${p}: ${tabled[p]} vs ${exact[p]}`);
      // Drawn in reverse order (out[q] is the entry order[q]), each entry gets the same factor.
      const order = Int32Array.from({ length: n }, (_, q) => n - 1 - q);
      const reversed = new Float64Array(n);
      drawPart(reversed, { key, base: Float64Array.from(order, (p) => base[p]), rsd, lognormal, order });
      for (let q = 0; q < n; q++) assert.equal(reversed[q], exact[order[q]]);
    }
  });

  test('streams differ by draw, part and seed; the same key gives the same numbers', () => {
    const first = (seed: number, draw: number, part: number): number[] => Array.from({ length: 8 }, (_, p) => uniformAt(streamKey(seed, draw, part), p));
    assert.deepEqual(first(1, 0, 0), first(1, 0, 0));
    for (const other of [first(1, 1, 0), first(1, 0, 1), first(2, 0, 0)]) assert.ok(other.every((u, p) => u !== first(1, 0, 0)[p]));
  });

  test('drawn by two threads over shared memory, a draw is the one drawn by one thread', () => {
    const n = 200_001;
    const base = new Float64Array(new SharedArrayBuffer(8 * n));
    base.forEach((_, p) => (base[p] = p % 3 === 0 ? 0 : 0.01 * (1 + (p % 5))));
    const order = new Int32Array(new SharedArrayBuffer(4 * n));
    order.forEach((_, q) => (order[q] = (q * 7919) % n));
    const out = new Float64Array(new SharedArrayBuffer(8 * n));
    const table = factorTable(0.2, true);
    const pd = parallelDraws({ out, base, rsd: 0.2, order, lognormal: true, table, seed: 5 }, 2);
    assert.ok(pd !== undefined, 'workers started');
    try {
      for (const t of [0, 3]) {
        pd.draw(t);
        const one = new Float64Array(n);
        drawPart(one, { key: streamKey(5, t, 0), base, rsd: 0.2, order, lognormal: true, table });
        assert.deepEqual(out, Float64Array.from(one));
      }
    } finally {
      pd.close();
    }
  });

  test('the solve tolerance follows the spread and the draws: ρ / (1000 √d), between 1e-10 and 1e-6', () => {
    assert.equal(monteCarloTolerance({ A: 0 }, 1000), DEFAULT_TOLERANCE);
    assert.equal(monteCarloTolerance({ A: 0.1 }, 1000), 1e-6);
    assert.ok(Math.abs(monteCarloTolerance({ A: 0.01, y: 0.5 }, 10_000) - 1e-7) < 1e-20);
    assert.ok(Math.abs(monteCarloTolerance({ A: new Float64Array([0, 0.02, 0.3]) }, 400) - 1e-6) < 1e-20);
    assert.equal(monteCarloTolerance({ A: 1e-9, rows: 0.1 }, 100), DEFAULT_TOLERANCE);
  });
});
