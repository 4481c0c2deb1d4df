import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { structuralPaths } from '../../src/leontief/structural-paths.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';

function economy(n: number, seed: number): { a: Float64Array; s: Float64Array; y: Float64Array } {
  const rnd = seededRandom(seed);
  return {
    a: Float64Array.from({ length: n * n }, () => (rnd() < 0.4 ? rnd() * (1.6 / n) : 0)),
    s: Float64Array.from({ length: n }, () => rnd()),
    y: Float64Array.from({ length: n }, () => (rnd() < 0.7 ? rnd() * 10 : 0)),
  };
}

/** Every path up to `depth` steps by brute force: [items, value]. */
function allPaths(n: number, a: Float64Array, s: Float64Array, y: Float64Array, depth: number): { items: number[]; value: number }[] {
  const out: { items: number[]; value: number }[] = [];
  const walk = (items: number[], prefix: number): void => {
    const j = items[items.length - 1];
    out.push({ items, value: prefix * s[j] });
    if (items.length - 1 === depth) return;
    for (let i = 0; i < n; i++) if (a[i * n + j] > 0) walk([...items, i], prefix * a[i * n + j]);
  };
  for (let j = 0; j < n; j++) if (y[j] > 0) walk([j], y[j]);
  return out;
}

describe('structural path analysis', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: the listed paths are the largest of all paths within the depth, in order`, () => {
      const n = 7;
      const { a, s, y } = economy(n, seed);
      const depth = 4;
      const r = structuralPaths(csrFromDense(n, n, a), s, y, { maxPaths: 25, maxDepth: depth }, { tolerance: 1e-14 });
      assert.equal(r.status, 'converged');
      assert.ok(r.complete);
      const every = allPaths(n, a, s, y, depth).sort((p, q) => q.value - p.value);
      assert.equal(r.paths.length, 25);
      r.paths.forEach((p, k) => {
        assert.ok(Math.abs(p.value - every[k].value) <= 1e-12 * every[0].value, `path ${k}: ${p.value} vs ${every[k].value}`);
        // The path's own value recomputed from its items.
        let v = y[p.items[0]];
        for (let t = 1; t < p.items.length; t++) v *= a[p.items[t] * n + p.items[t - 1]];
        v *= s[p.items[p.items.length - 1]];
        assert.ok(Math.abs(v - p.value) <= 1e-12 * p.value, 'a path’s value is the product along it');
      });
    });

    test(`seed ${seed}: the paths sum to the total as the depth grows`, () => {
      const n = 6;
      const { a, s, y } = economy(n, seed + 10);
      const A = csrFromDense(n, n, a);
      let previous = 0;
      for (const depth of [0, 2, 4, 8, 16]) {
        const r = structuralPaths(A, s, y, { maxPaths: 1_000_000, maxDepth: depth, maxNodes: 20_000_000 }, { tolerance: 1e-14 });
        assert.ok(r.covered >= previous - 1e-12, 'coverage grows with the depth');
        previous = r.covered;
        if (depth === 16) assert.ok(Math.abs(r.covered - 1) < 1e-3, `covered ${r.covered} at depth 16`);
      }
    });
  }

  test('a threshold lists only the paths above its share; negatives are refused', () => {
    const n = 6;
    const { a, s, y } = economy(n, 4);
    const A = csrFromDense(n, n, a);
    const r = structuralPaths(A, s, y, { maxPaths: 1000, threshold: 0.01, maxDepth: 6 });
    assert.ok(r.paths.length > 0);
    for (const p of r.paths) assert.ok(p.share > 0.01);
    const every = allPaths(n, a, s, y, 6).filter((p) => p.value > 0.01 * r.total);
    assert.equal(r.paths.length, every.length);
    assert.throws(() => structuralPaths(A, s.map((v, i) => (i === 2 ? -1 : v)), y), /non-negative intensity/);
  });
});
