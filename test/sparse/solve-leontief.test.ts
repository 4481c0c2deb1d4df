import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { csrFromDense } from '../../src/sparse/csr-from-dense.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { deinterleave } from '../../src/sparse/deinterleave.js';
import { interleave } from '../../src/sparse/interleave.js';
import { localityOrdering } from '../../src/sparse/locality-ordering.js';
import { luFactor } from '../../src/sparse/lu-factor.js';
import { luSolveTransposed } from '../../src/sparse/lu-solve-transposed.js';
import { luSolve } from '../../src/sparse/lu-solve.js';
import { permuteVector } from '../../src/sparse/permute-vector.js';
import { permute } from '../../src/sparse/permute.js';
import type { ProductKernel, SolveMethod, SolveOptions, TransposedSolveOptions } from '../../src/sparse/solve-result.js';
import { solveLeontiefMulti as multiWith } from '../../src/sparse/solve-leontief-multi.js';
import { solveLeontiefTransposedMulti as transposedMultiWith } from '../../src/sparse/solve-leontief-transposed-multi.js';
import { solveLeontiefTransposed as transposedWith } from '../../src/sparse/solve-leontief-transposed.js';
import { solveLeontief as solveWith } from '../../src/sparse/solve-leontief.js';
import { toSharedCsr } from '../../src/sparse/product/to-shared-csr.js';
import { unpermuteVector } from '../../src/sparse/unpermute-vector.js';
import { matvec } from '../../src/sparse/matvec.js';
import { matvecTransposed } from '../../src/sparse/matvec-transposed.js';
import { fixture } from '../helpers/paths.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';
import { identityMinusDense, perronRoot, randomVector, relativeDifference } from './dense-helpers.js';

const methods: SolveMethod[] = ['auto', 'jacobi', 'bicgstab'];

/** ‖y − (I − A)x‖₂ / ‖y‖₂ computed here, independently of the solver. */
function relres(A: CsrMatrix, x: Float64Array, y: Float64Array, transposed = false): number {
  const ax = transposed ? matvecTransposed(A, x, new Float64Array(A.rows)) : matvec(A, x, new Float64Array(A.rows));
  let r = 0;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    r += (y[i] - x[i] + ax[i]) ** 2;
    s += y[i] ** 2;
  }
  return Math.sqrt(r / s);
}

function luReference(A: CsrMatrix, y: Float64Array, transposed: boolean): Float64Array {
  const f = luFactor(A.rows, identityMinusDense(A));
  assert.equal(f.status, 'factored');
  if (f.status !== 'factored') throw new Error('unreachable');
  return transposed ? luSolveTransposed(f, y) : luSolve(f, y);
}

// One suite for both product kernels: every solve below runs with the kernel of its pass.
for (const kernel of ['js', 'wasm'] as ProductKernel[]) {
  const solveLeontief = (A: CsrMatrix, y: Float64Array, o: SolveOptions = {}) => solveWith(A, y, { ...o, kernel });
  const solveLeontiefTransposed = (A: CsrMatrix, y: Float64Array, o: TransposedSolveOptions = {}) => transposedWith(A, y, { ...o, kernel });
  const solveLeontiefMulti = (A: CsrMatrix, y: Float64Array, k: number, o: SolveOptions = {}) => multiWith(A, y, k, { ...o, kernel });
  const solveLeontiefTransposedMulti = (A: CsrMatrix, y: Float64Array, k: number, o: TransposedSolveOptions = {}) =>
    transposedMultiWith(A, y, k, { ...o, kernel });

  describe(`solveLeontief and solveLeontiefTransposed (${kernel} kernel)`, () => {
    const cases = [
      { n: 60, perRow: 6, seed: 1, colSum: 0.6 },
      { n: 120, perRow: 4, seed: 2, colSum: 0.9 },
      { n: 80, perRow: 10, seed: 3, colSum: 0.98 },
    ];
    for (const { n, perRow, seed, colSum } of cases) {
      for (const method of methods) {
        test(`agrees with dense LU: n=${n}, column sums ≈ ${colSum}, ${method}`, () => {
          const A = randomProductiveCsr(n, perRow, seed, colSum);
          const y = randomVector(n, seed + 100);
          const tolerance = 1e-11;
          const direct = solveLeontief(A, y, { method, tolerance });
          assert.equal(direct.status, 'converged');
          assert.ok(direct.relativeResidual < tolerance);
          assert.ok(Math.abs(relres(A, direct.x, y) - direct.relativeResidual) < 1e-13, 'the reported residual is the true one');
          assert.ok(relativeDifference(direct.x, luReference(A, y, false)) < 1e-8);
          const row = solveLeontiefTransposed(A, y, { method, tolerance });
          assert.equal(row.status, 'converged');
          assert.ok(row.relativeResidual < tolerance);
          assert.ok(relres(A, row.x, y, true) < tolerance);
          assert.ok(relativeDifference(row.x, luReference(A, y, true)) < 1e-8);
          const explicit = solveLeontiefTransposed(A, y, { method, tolerance, allowTranspose: true });
          assert.ok(relativeDifference(explicit.x, row.x) < 1e-8);
        });
      }
    }

    test('a matrix with negative entries and a right-hand side of mixed sign', () => {
      const rand = seededRandom(8);
      const n = 30;
      const dense = new Float64Array(n * n);
      for (let k = 0; k < n * n; k++) if (rand() < 0.3) dense[k] = (rand() - 0.3) * 0.15;
      const A = csrFromDense(n, n, dense);
      const y = randomVector(n, 9, -1, 1);
      const r = solveLeontief(A, y);
      assert.equal(r.status, 'converged');
      assert.ok(relativeDifference(r.x, luReference(A, y, false)) < 1e-8);
    });

    test('the Cockshott economy: labour values v = l (I − A)⁻¹ match the published numbers', () => {
      const lines = readFileSync(fixture('cockshott-5yearplan', 'flows.csv'), 'utf8').trim().split('\n');
      const cells = lines.slice(1).map((l) => l.split(',').slice(1).map(Number));
      const n = 4;
      const output = cells[n + 1];
      const labour = cells[n];
      const dense = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dense[i * n + j] = cells[i][j] / output[j];
      const A = csrFromDense(n, n, dense);
      const l = Float64Array.from(labour, (v, j) => v / output[j]);
      const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as {
        cockshott_iron_coal_corn_bread: { expected: { labour_values: number[] } };
      };
      const r = solveLeontiefTransposed(A, l);
      assert.equal(r.status, 'converged');
      expected.cockshott_iron_coal_corn_bread.expected.labour_values.forEach((v, j) => {
        assert.ok(Math.abs(r.x[j] - v) < 1e-9, `labour value ${j}: ${r.x[j]} vs ${v}`);
      });
    });

    test('the multi-right-hand-side variants equal single solves', () => {
      const n = 150;
      const k = 5;
      const A = randomProductiveCsr(n, 8, 21, 0.8);
      const ys = Array.from({ length: k }, (_, j) => randomVector(n, 300 + j));
      ys[2] = new Float64Array(n); // a zero right-hand side has the zero solution
      ys[3] = randomVector(n, 400, -1, 1);
      for (const method of methods) {
        const multi = solveLeontiefMulti(A, interleave(ys), k, { method, tolerance: 1e-11 });
        assert.equal(multi.status, 'converged');
        assert.equal(multi.relativeResiduals.length, k);
        const xs = deinterleave(multi.x, k);
        const multiT = solveLeontiefTransposedMulti(A, interleave(ys), k, { method, tolerance: 1e-11 });
        assert.equal(multiT.status, 'converged');
        const xsT = deinterleave(multiT.x, k);
        for (let j = 0; j < k; j++) {
          assert.ok(multi.relativeResiduals[j] <= 1e-11);
          const single = solveLeontief(A, ys[j], { method, tolerance: 1e-11 });
          assert.ok(relativeDifference(xs[j], single.x) < 1e-8, `column ${j}, ${method}`);
          const singleT = solveLeontiefTransposed(A, ys[j], { method, tolerance: 1e-11 });
          assert.ok(relativeDifference(xsT[j], singleT.x) < 1e-8, `transposed column ${j}, ${method}`);
        }
        assert.ok(xs[2].every((v) => v === 0));
      }
    });

    test('permuting the products permutes the solution', () => {
      const n = 200;
      const A = randomProductiveCsr(n, 5, 31, 0.7);
      const y = randomVector(n, 32);
      const rand = seededRandom(33);
      const p = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [p[i], p[j]] = [p[j], p[i]];
      }
      const base = solveLeontief(A, y, { tolerance: 1e-12 });
      for (const order of [p, localityOrdering(A)]) {
        const B = permute(A, order);
        const r = solveLeontief(B, permuteVector(y, order), { tolerance: 1e-12 });
        assert.equal(r.status, 'converged');
        assert.ok(relativeDifference(unpermuteVector(r.x, order), base.x) < 1e-9);
      }
    });

    test('products split over worker threads (shared matrix) give the same solutions', () => {
      const n = 400;
      const k = 3;
      const A = randomProductiveCsr(n, 8, 81, 0.8);
      const shared = toSharedCsr(A);
      assert.ok(shared.values.buffer instanceof SharedArrayBuffer);
      const y = randomVector(n, 82);
      const ys = interleave([y, randomVector(n, 83), randomVector(n, 84)]);
      const options = { tolerance: 1e-12, threads: 2 };
      const serial = { tolerance: 1e-12, threads: 1 };
      assert.ok(relativeDifference(solveLeontief(shared, y, options).x, solveLeontief(A, y, serial).x) < 1e-9);
      assert.ok(relativeDifference(solveLeontiefTransposed(shared, y, options).x, solveLeontiefTransposed(A, y, serial).x) < 1e-9);
      const multi = solveLeontiefMulti(shared, ys, k, options);
      assert.equal(multi.status, 'converged');
      assert.ok(relativeDifference(multi.x, solveLeontiefMulti(A, ys, k, serial).x) < 1e-9);
      const multiT = solveLeontiefTransposedMulti(shared, ys, k, options);
      assert.equal(multiT.status, 'converged');
      assert.ok(relres(A, deinterleave(multiT.x, k)[1], deinterleave(ys, k)[1], true) < 1e-12);
    });

    test('rescaling the unit of one product rescales its row and solution entry', () => {
      // Measuring product 0 in units c times smaller: A' = S A S⁻¹, y' = S y, x' = S x, S = diag(c, 1, …).
      const n = 50;
      const A = randomProductiveCsr(n, 6, 41, 0.7);
      const y = randomVector(n, 42);
      const c = 1000;
      const values = Float64Array.from(A.values);
      for (let i = 0; i < n; i++) {
        for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) {
          if (i === 0) values[q] *= c;
          if (A.colIdx[q] === 0) values[q] /= c;
        }
      }
      const scaled: CsrMatrix = { ...A, values };
      const ys = Float64Array.from(y);
      ys[0] *= c;
      const base = solveLeontief(A, y, { tolerance: 1e-12 });
      const r = solveLeontief(scaled, ys, { tolerance: 1e-12 });
      const back = Float64Array.from(r.x);
      back[0] /= c;
      assert.ok(relativeDifference(back, base.x) < 1e-8);
    });

    test('reports progress with decreasing residuals and honours x0', () => {
      const A = randomProductiveCsr(100, 5, 51, 0.6);
      const y = randomVector(100, 52);
      const seen: number[] = [];
      const r = solveLeontief(A, y, { method: 'jacobi', onProgress: (_, res) => seen.push(res) });
      assert.equal(seen.length, r.iterations);
      assert.ok(seen[seen.length - 1] < seen[0] * 1e-3);
      const warm = solveLeontief(A, y, { method: 'jacobi', x0: r.x });
      assert.equal(warm.status, 'converged');
      assert.ok(warm.iterations <= 1);
      const capped = solveLeontief(A, y, { method: 'jacobi', maxIterations: 3 });
      assert.equal(capped.status, 'max-iterations');
      assert.ok(Math.abs(capped.relativeResidual - relres(A, capped.x, y)) < 1e-12);
    });

    test("'auto' is BiCGSTAB, which needs no more products than Jacobi sweeps, even for a weak economy", () => {
      for (const columnSum of [0.08, 0.25, 0.6]) {
        const A = randomProductiveCsr(400, 6, 71, columnSum);
        const y = randomVector(400, 72);
        const auto = solveLeontief(A, y);
        const jacobi = solveLeontief(A, y, { method: 'jacobi' });
        assert.equal(auto.method, 'bicgstab');
        assert.equal(jacobi.method, 'jacobi');
        assert.equal(auto.status, 'converged');
        assert.ok(auto.products <= jacobi.products, `column sums ${columnSum}: ${auto.products} products against ${jacobi.products}`);
        assert.ok(Math.abs(auto.relativeResidual - relres(A, auto.x, y)) < 1e-12);
      }
    });

    test('rejects malformed arguments', () => {
      const A = randomProductiveCsr(10, 3, 61);
      assert.throws(() => solveLeontief(A, new Float64Array(9)), /length 9, expected 10/);
      assert.throws(() => solveLeontief(A, new Float64Array(10).fill(Number.NaN)), /entry 0 is NaN/);
    });
  });

  describe(`non-productive systems end quickly with status not-productive (${kernel} kernel)`, () => {
    test('the 2 × 2 matrix [[0.5, 0.6], [0.6, 0.5]] (ρ = 1.1)', () => {
      const A = csrFromDense(2, 2, [0.5, 0.6, 0.6, 0.5]);
      const y = new Float64Array([1, 1]);
      for (const method of methods) {
        const r = solveLeontief(A, y, { method });
        assert.equal(r.status, 'not-productive', method);
        assert.ok(r.iterations < 50);
        assert.equal(solveLeontiefTransposed(A, y, { method }).status, 'not-productive');
      }
    });

    for (const target of [1.05, 1.001]) {
      test(`a random matrix scaled to ρ = ${target}`, () => {
        const n = 300;
        const A0 = randomProductiveCsr(n, 6, 71, 0.6);
        const rho = perronRoot(A0);
        const A: CsrMatrix = { ...A0, values: A0.values.map((v) => (v * target) / rho) };
        const y = randomVector(n, 72);
        for (const method of target > 1.01 ? methods : (['auto'] as SolveMethod[])) {
          const r = solveLeontief(A, y, { method });
          assert.equal(r.status, 'not-productive', method);
          assert.ok(r.iterations < 200, `${method}: ${r.iterations} iterations`);
          const multi = solveLeontiefMulti(A, interleave([y, y]), 2, { method });
          assert.equal(multi.status, 'not-productive');
        }
      });
    }

    test('a periodic stochastic matrix (ρ = 1) does not hang', () => {
      const A = csrFromDense(3, 3, [0, 1, 0, 0, 0, 1, 1, 0, 0]);
      for (const method of methods) {
        const r = solveLeontief(A, new Float64Array([1, 2, 3]), { method });
        assert.equal(r.status, 'not-productive', method);
      }
    });

    test('a spectral radius of exactly 1 that is not stochastic (a uses 2 b, b uses 0.5 a) is not productive, and ends early', () => {
      const A = csrFromDense(2, 2, [0, 2, 0.5, 0]);
      const y = new Float64Array([10, 0]);
      for (const method of methods) {
        for (const r of [solveLeontief(A, y, { method }), solveLeontiefTransposed(A, new Float64Array([1, 1]), { method })]) {
          assert.equal(r.status, 'not-productive', method);
          assert.ok(r.iterations <= 200, `${method}: ${r.iterations} iterations`);
        }
      }
    });

    test('a diagonal entry of 1 or more is not productive', () => {
      const A = csrFromDense(2, 2, [1, 0.1, 0, 0.2]);
      assert.equal(solveLeontief(A, new Float64Array([1, 1])).status, 'not-productive');
    });
  });
}
