import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractionRanking, hypotheticalExtraction } from '../../src/leontief/hypothetical-extraction.js';
import { csrFromDense, denseInverse } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';

function solveDense(n: number, a: Float64Array, b: Float64Array, transposed: boolean): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 : 0) - (transposed ? a[j * n + i] : a[i * n + j]);
  const inv = denseInverse(n, m);
  assert.ok(inv instanceof Float64Array);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x[i] += inv[i * n + j] * b[j];
  return x;
}

function economy(n: number, seed: number): { a: Float64Array; y: Float64Array; e: Float64Array } {
  const rnd = seededRandom(seed);
  const a = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) a[k] = rnd() < 0.5 ? rnd() * (1.2 / n) : 0;
  const y = Float64Array.from({ length: n }, () => 1 + rnd() * 9);
  const e = Float64Array.from({ length: n }, () => rnd());
  return { a, y, e };
}

const sum = (x: ArrayLike<number>): number => Array.from(x).reduce((s, v) => s + v, 0);
const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('hypothetical extraction', () => {
  for (const seed of [1, 2, 3]) {
    const n = 9;
    const { a, y, e } = economy(n, seed);
    const A = csrFromDense(n, n, a);
    const E = csrFromDense(1, n, e);
    const x = solveDense(n, a, y, false);
    const set = [1, 4];
    const mark = (i: number): boolean => set.includes(i);

    test(`seed ${seed}: total, backward and forward equal their dense definitions`, () => {
      // total: rows and columns of the set and its final demand removed
      const aT = a.map((v, k) => (mark(Math.floor(k / n)) || mark(k % n) ? 0 : v));
      const xT = solveDense(n, aT, y.map((v, i) => (mark(i) ? 0 : v)), false);
      const t = hypotheticalExtraction(A, y, set, 'total', E, { tolerance: 1e-14 });
      assert.equal(t.status, 'converged');
      close(t.losses[0].loss, sum(x) - sum(xT), 'total output loss');
      close(t.losses[1].loss, e.reduce((s, v, i) => s + v * (x[i] - xT[i]), 0), 'total extension loss');
      // backward: columns of the set removed
      const aB = a.map((v, k) => (mark(k % n) ? 0 : v));
      const xB = solveDense(n, aB, y, false);
      const b = hypotheticalExtraction(A, y, set, 'backward', E, { tolerance: 1e-14 });
      close(b.losses[0].loss, sum(x) - sum(xB), 'backward output loss');
      // forward: rows of the Ghosh B removed, driven by the base solution's primary inputs
      const bG = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) bG[i * n + j] = mark(i) ? 0 : (a[i * n + j] * x[j]) / x[i];
      const v = Float64Array.from({ length: n }, (_, j) => x[j] * (1 - Array.from({ length: n }, (_, i) => a[i * n + j]).reduce((s, w) => s + w, 0)));
      const xF = solveDense(n, bG, v, true);
      const f = hypotheticalExtraction(A, y, set, 'forward', E, { tolerance: 1e-14 });
      close(f.losses[0].loss, sum(x) - sum(xF), 'forward output loss');
      // Each loss is non-negative and the total extraction loses at least its own output.
      for (const r of [t, b, f]) assert.ok(r.losses[0].loss >= -1e-9, `${r.kind} loss ≥ 0`);
      assert.ok(t.losses[0].loss >= x[1] + x[4] - 1e-9);
    });

    test(`seed ${seed}: extracting nothing loses nothing; extracting everything (total) loses everything`, () => {
      for (const kind of ['total', 'backward', 'forward'] as const) {
        const r = hypotheticalExtraction(A, y, [], kind, E, { tolerance: 1e-14 });
        for (const l of r.losses) assert.ok(Math.abs(l.loss) <= 1e-9 * Math.abs(l.before), `${kind} ${l.name}: ${l.loss}`);
      }
      const all = hypotheticalExtraction(A, y, Array.from({ length: n }, (_, i) => i), 'total', E);
      close(all.losses[0].relative, 1, 'relative loss of the whole economy');
    });

    test(`seed ${seed}: the ranking orders every item by its loss`, () => {
      const r = extractionRanking(A, y, 'backward', undefined, E);
      assert.equal(r.ranking.length, n);
      for (let k = 1; k < n; k++) assert.ok(r.ranking[k - 1].losses[0].loss >= r.ranking[k].losses[0].loss);
      const one = hypotheticalExtraction(A, y, r.ranking[0].items, 'backward', E);
      close(r.ranking[0].losses[0].loss, one.losses[0].loss, 'the first of the ranking');
    });
  }

  test('an item index out of range is a located error', () => {
    const A = csrFromDense(2, 2, [0.1, 0.2, 0.3, 0.1]);
    assert.throws(() => hypotheticalExtraction(A, [1, 1], [2], 'total'), (e: Error) => /out of range/.test(e.message));
  });
});
