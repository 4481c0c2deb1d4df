import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { PRODUCTIVE_MARGIN, checkProductive } from '../../src/sparse/check-productive.js';
import { csrFromDense } from '../../src/sparse/csr-from-dense.js';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { fixture } from '../helpers/paths.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';
import { perronRoot } from './dense-helpers.js';

function brackets(A: CsrMatrix, rho: number, relTol: number): void {
  const r = checkProductive(A, { refine: true, tolerance: 1e-9, maxIterations: 5000 });
  const { lower, upper } = r.spectralRadius;
  assert.ok(lower <= rho * (1 + 1e-12) && rho <= upper * (1 + 1e-12), `${lower} ≤ ${rho} ≤ ${upper}`);
  assert.ok(upper - lower <= relTol * rho, `gap ${upper - lower}`);
  assert.equal(r.status, rho < 1 ? 'productive' : 'not-productive');
}

describe('checkProductive', () => {
  test('brackets the closed-form spectral radius of 2 × 2 matrices', () => {
    const rand = seededRandom(3);
    for (let t = 0; t < 20; t++) {
      const [a, b, c, d] = [rand(), rand(), rand(), rand()].map((v) => v * 0.9);
      const rho = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * c);
      brackets(csrFromDense(2, 2, [a, b, c, d]), rho, 1e-6);
    }
  });

  test('brackets the power-iteration spectral radius of random sparse matrices', () => {
    for (const [seed, target] of [
      [1, 0.5],
      [2, 0.95],
      [3, 1.2],
    ]) {
      const A = randomProductiveCsr(80, 5, seed, target);
      brackets(A, perronRoot(A), 1e-6);
    }
  });

  test('an economy with a hub product used by every other product', () => {
    // The hub's entry in the Perron vector dwarfs all others; the bounds must still close in.
    const n = 300;
    const base = randomProductiveCsr(n, 5, 6, 0.4);
    const ri: number[] = [];
    const ci: number[] = [];
    const va: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let p = base.rowPtr[i]; p < base.rowPtr[i + 1]; p++) {
        ri.push(i);
        ci.push(base.colIdx[p]);
        va.push(base.values[p]);
      }
    }
    for (let j = 0; j < n; j++) {
      ri.push(0);
      ci.push(j);
      va.push(0.25);
    }
    const A0 = csrFromTriplets(n, n, ri, ci, va);
    const rho = perronRoot(A0);
    for (const target of [0.97, 1.03]) {
      const A: CsrMatrix = { ...A0, values: A0.values.map((v) => (v * target) / rho) };
      const r = checkProductive(A);
      assert.equal(r.status, target < 1 ? 'productive' : 'not-productive');
      assert.ok(r.iterations < 100, `${r.iterations} iterations`);
      brackets(A, target, 1e-6);
    }
  });

  test('decides without iterating when all column or row sums are below 1', () => {
    const A = randomProductiveCsr(50, 4, 4, 0.5);
    const r = checkProductive(A);
    assert.equal(r.status, 'productive');
    assert.equal(r.iterations, 0);
    assert.ok(r.spectralRadius.upper < 0.56);
    assert.ok(r.spectralRadius.lower <= perronRoot(A));
  });

  test('the Cockshott matrix (reducible, with a zero row) has ρ(A) = 1/6', () => {
    const lines = readFileSync(fixture('cockshott-5yearplan', 'flows.csv'), 'utf8').trim().split('\n');
    const cells = lines.slice(1).map((l) => l.split(',').slice(1).map(Number));
    const n = 4;
    const output = cells[n + 1];
    const dense = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dense[i * n + j] = cells[i][j] / output[j];
    const r = checkProductive(csrFromDense(n, n, dense), { refine: true, tolerance: 1e-9 });
    assert.equal(r.status, 'productive');
    assert.ok(r.spectralRadius.lower <= 1 / 6 + 1e-15 && 1 / 6 <= r.spectralRadius.upper + 1e-15);
    assert.ok(r.spectralRadius.upper - r.spectralRadius.lower < 1e-6);
  });

  test('a reducible non-productive matrix: a class with ρ = 1.2 feeding a productive one', () => {
    // Block lower triangular: {0, 1} has ρ = 1.2, {2} has 0.3, row 3 is zero.
    const A = csrFromDense(4, 4, [0.2, 1.0, 0, 0, 1.0, 0.2, 0, 0, 0.5, 0.5, 0.3, 0, 0, 0, 0, 0]);
    const r = checkProductive(A, { refine: true, tolerance: 1e-9 });
    assert.equal(r.status, 'not-productive');
    assert.ok(r.spectralRadius.lower <= 1.2 + 1e-12 && 1.2 <= r.spectralRadius.upper + 1e-12);
    assert.ok(r.spectralRadius.lower > 1.19);
  });

  test('a stochastic periodic matrix has ρ = 1 and is not productive', () => {
    const A = csrFromDense(3, 3, [0, 1, 0, 0, 0, 1, 1, 0, 0]);
    const r = checkProductive(A);
    assert.equal(r.status, 'not-productive');
    assert.ok(r.spectralRadius.lower <= 1 && r.spectralRadius.upper >= 1);
  });

  test('a spectral radius within 1e-6 of 1 counts as 1: not productive; 1e-4 below it is productive', () => {
    // a uses 2 b and b uses s/2 a: ρ = √s. Its bounds close in on 1 from both sides.
    for (const [s, status] of [
      [1, 'not-productive'],
      [(1 - 1e-7) ** 2, 'not-productive'],
      [(1 - 1e-4) ** 2, 'productive'],
    ] as const) {
      const r = checkProductive(csrFromDense(2, 2, [0, 2, s / 2, 0]));
      assert.equal(r.status, status, `ρ = ${Math.sqrt(s)}`);
      assert.ok(r.spectralRadius.lower <= Math.sqrt(s) * (1 + 1e-12) && Math.sqrt(s) <= r.spectralRadius.upper * (1 + 1e-12));
    }
    assert.equal(PRODUCTIVE_MARGIN, 1e-6);
  });

  test('negative entries give status unknown with a valid upper bound', () => {
    const A = csrFromDense(2, 2, [0.2, -0.3, 0.1, 0.4]);
    const r = checkProductive(A);
    assert.equal(r.status, 'unknown');
    // eigenvalues of [[0.2, −0.3], [0.1, 0.4]]: 0.3 ± 0.1i·√2, modulus √0.11
    assert.ok(r.spectralRadius.upper >= Math.sqrt(0.11));
  });
});
