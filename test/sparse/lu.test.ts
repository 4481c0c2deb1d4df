import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { denseInverse } from '../../src/sparse/dense-inverse.js';
import { luFactor } from '../../src/sparse/lu-factor.js';
import { luSolveTransposed } from '../../src/sparse/lu-solve-transposed.js';
import { luSolve } from '../../src/sparse/lu-solve.js';
import { denseMatvec, randomDense, randomVector } from './dense-helpers.js';

function residual(n: number, a: Float64Array, x: Float64Array, b: Float64Array): number {
  const ax = denseMatvec(n, n, a, x);
  let r = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    r = Math.max(r, Math.abs(ax[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return r / s;
}

describe('dense LU', () => {
  test('a matrix with a zero leading entry needs pivoting and is solved exactly', () => {
    const a = new Float64Array([0, 2, 1, 1, 1, 1, 2, 1, 0]);
    const f = luFactor(3, a);
    assert.equal(f.status, 'factored');
    if (f.status !== 'factored') return;
    assert.notEqual(f.perm[0], 0, 'the first pivot row is not row 0');
    // x = (1, 2, 3): b = A x
    const x = luSolve(f, [7, 6, 4]);
    [1, 2, 3].forEach((v, i) => assert.ok(Math.abs(x[i] - v) < 1e-14));
  });

  test('solves and transposed-solves random systems to a small residual', () => {
    const n = 40;
    const a = randomDense(n, n, 0.6, 5);
    for (let i = 0; i < n; i++) a[i * n + i] += 0.1; // not needed, keeps the matrix generic
    const f = luFactor(n, a);
    assert.equal(f.status, 'factored');
    if (f.status !== 'factored') return;
    const b = randomVector(n, 6, -1, 1);
    assert.ok(residual(n, a, luSolve(f, b), b) < 1e-12);
    const at = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) at[j * n + i] = a[i * n + j];
    assert.ok(residual(n, at, luSolveTransposed(f, b), b) < 1e-12, 'xᵀ A = bᵀ');
  });

  test('the inverse times the matrix is the identity', () => {
    const n = 12;
    const a = randomDense(n, n, 0.8, 9);
    const inv = denseInverse(n, a);
    assert.ok(inv instanceof Float64Array);
    if (!(inv instanceof Float64Array)) return;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let l = 0; l < n; l++) s += inv[i * n + l] * a[l * n + j];
        assert.ok(Math.abs(s - (i === j ? 1 : 0)) < 1e-10);
      }
    }
  });

  test('a singular matrix is reported with the column that has no pivot', () => {
    // Third column = first + second.
    const a = new Float64Array([1, 2, 3, 4, 5, 9, 7, 8, 15]);
    const f = luFactor(3, a);
    assert.deepEqual(f, { status: 'singular', column: 2 });
    assert.deepEqual(denseInverse(2, [1, 2, 2, 4]), { status: 'singular', column: 1 });
  });
});
