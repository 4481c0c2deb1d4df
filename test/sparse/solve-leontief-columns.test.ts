import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COLUMN_BLOCK, solveLeontief, solveLeontiefColumns, solveLeontiefTransposed } from '../../src/sparse/index.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';

function columns(n: number, count: number, seed: number): Float64Array[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: n }, () => (rnd() < 0.3 ? 0 : rnd() * 10)));
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
  return worst;
}

describe('solveLeontiefColumns', () => {
  // 2·COLUMN_BLOCK + 3 right-hand sides: two full blocks and a remainder of another width.
  const count = 2 * COLUMN_BLOCK + 3;
  for (const transposed of [false, true]) {
    for (const seed of [1, 2, 3]) {
      test(`${count} right-hand sides in blocks equal one solve each (${transposed ? 'x (I − A) = b' : '(I − A) x = b'}, seed ${seed})`, () => {
        const n = 300;
        const A = randomProductiveCsr(n, 8, seed, 0.7);
        const bs = columns(n, count, seed + 100);
        const r = solveLeontiefColumns(A, bs, transposed, { tolerance: 1e-13 });
        assert.equal(r.status, 'converged');
        assert.equal(r.x.length, count);
        assert.ok(r.relativeResidual <= 1e-13, `residual ${r.relativeResidual}`);
        bs.forEach((b, j) => {
          const one = transposed ? solveLeontiefTransposed(A, b, { tolerance: 1e-13 }) : solveLeontief(A, b, { tolerance: 1e-13 });
          assert.ok(maxRelDiff(r.x[j], one.x) < 1e-9, `column ${j}: ${maxRelDiff(r.x[j], one.x)}`);
        });
        // The residual recomputed here, not taken from the solver: (I − A) x − b, or x (I − A) − b.
        for (const j of [0, COLUMN_BLOCK, count - 1]) {
          const x = r.x[j];
          const res = Float64Array.from(x);
          for (let i = 0; i < n; i++) {
            for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
              if (transposed) res[A.colIdx[p]] -= x[i] * A.values[p];
              else res[i] -= A.values[p] * x[A.colIdx[p]];
            }
          }
          let num = 0;
          let den = 0;
          for (let i = 0; i < n; i++) {
            num += (res[i] - bs[j][i]) ** 2;
            den += bs[j][i] ** 2;
          }
          assert.ok(Math.sqrt(num / den) < 1e-11, `column ${j}: recomputed residual ${Math.sqrt(num / den)}`);
        }
      });
    }
  }

  test('a block that does not converge is reported and the solve stops there', () => {
    const A = randomProductiveCsr(200, 8, 4, 0.95);
    const r = solveLeontiefColumns(A, columns(200, 2 * COLUMN_BLOCK, 5), false, { tolerance: 1e-14, maxIterations: 1 });
    assert.equal(r.status, 'max-iterations');
    // The second block was never solved.
    assert.ok(r.x[COLUMN_BLOCK + 1].every((v) => v === 0));
  });

  for (const transposed of [false, true]) {
    test(`starting points: the same solutions, fewer iterations from a close start (${transposed ? 'transposed' : 'plain'})`, () => {
      const n = 300;
      const A = randomProductiveCsr(n, 8, 6, 0.7);
      const count = COLUMN_BLOCK + 4;
      const bs = columns(n, count, 7);
      const cold = solveLeontiefColumns(A, bs, transposed, { tolerance: 1e-13 });
      // Starts: the solution perturbed by 1e-6 relative for even columns, none (zero) for odd ones.
      const starts = cold.x.map((x, j) => (j % 2 === 0 ? x.map((v, i) => v * (1 + 1e-6 * Math.sin(i))) : undefined));
      const warm = solveLeontiefColumns(A, bs, transposed, { tolerance: 1e-13 }, starts);
      assert.equal(warm.status, 'converged');
      warm.x.forEach((x, j) => assert.ok(maxRelDiff(x, cold.x[j]) < 1e-9, `column ${j}: ${maxRelDiff(x, cold.x[j])}`));
      // Every column of the second block starts close: that block needs fewer iterations.
      const second = (s?: (Float64Array | undefined)[]): number =>
        solveLeontiefColumns(A, bs.slice(COLUMN_BLOCK).filter((_, t) => t % 2 === 0), transposed, { tolerance: 1e-13 }, s).iterations;
      const closeStarts = cold.x.slice(COLUMN_BLOCK).filter((_, t) => t % 2 === 0).map((x) => x.map((v, i) => v * (1 + 1e-6 * Math.sin(i))));
      assert.ok(second(closeStarts) < second(), `${second(closeStarts)} iterations from close starts, ${second()} from zero`);
      assert.throws(() => solveLeontiefColumns(A, bs, transposed, {}, starts.slice(1)), RangeError);
      assert.throws(() => solveLeontiefColumns(A, bs.slice(0, 2), transposed, {}, [new Float64Array(n - 1), undefined]), RangeError);
    });
  }
});
