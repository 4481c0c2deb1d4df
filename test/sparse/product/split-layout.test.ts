import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bicgDirection, bicgHalf, bicgUpdate, colDots, oneMinus } from '../../../src/sparse/block-ops.js';
import type { CsrMatrix } from '../../../src/sparse/csr.js';
import { csrFromTriplets } from '../../../src/sparse/from-triplets.js';
import { WORKSPACE_VECTORS } from '../../../src/sparse/product/block-product.js';
import { matrixFacts } from '../../../src/sparse/matrix-facts.js';
import { matvecMulti } from '../../../src/sparse/matvec-multi.js';
import { matvecTransposedMulti } from '../../../src/sparse/matvec-transposed-multi.js';
import { matvecTransposed } from '../../../src/sparse/matvec-transposed.js';
import { matvec } from '../../../src/sparse/matvec.js';
import { solveLeontiefTransposed } from '../../../src/sparse/solve-leontief-transposed.js';
import { solveLeontief } from '../../../src/sparse/solve-leontief.js';
import { randomReadsMiss } from '../../../src/sparse/product/cache-probe.js';
import { rowStripes, splitCandidate, splitPlan, type SplitTuning } from '../../../src/sparse/product/split-layout.js';
import { toWasmCsr } from '../../../src/sparse/product/to-wasm-csr.js';
import { wasmProduct } from '../../../src/sparse/product/wasm-product.js';
import { seededRandom } from '../../helpers/random.js';
import { randomVector } from '../dense-helpers.js';

/** Splits even small matrices: near means within `distance` columns, long rows from cols / 4 entries. */
const force = (k: number, distance = 2): SplitTuning => ({ minVectorBytes: 0, nearBytes: 8 * k * distance, longRowDivisor: 4, minFarShare: 0 });

/**
 * A random rows × cols matrix of both signs with about `perRow` entries per row, some rows empty,
 * a few long rows, and entries near the diagonal as well as far from it.
 */
function mixedMatrix(rows: number, cols: number, perRow: number, seed: number): CsrMatrix {
  const rand = seededRandom(seed);
  const t: { i: number; j: number; v: number }[] = [];
  for (let i = 0; i < rows; i++) {
    const u = rand();
    if (u < 0.1) continue; // empty row
    const count = u > 0.97 ? cols : perRow; // a long row
    for (let e = 0; e < count; e++) {
      const j = count === cols ? e : rand() < 0.5 ? Math.min(cols - 1, Math.max(0, i + Math.floor(rand() * 5) - 2)) : Math.floor(rand() * cols);
      t.push({ i, j, v: rand() * 2 - 1 });
    }
  }
  return csrFromTriplets(rows, cols, Int32Array.from(t, (e) => e.i), Int32Array.from(t, (e) => e.j), Float64Array.from(t, (e) => e.v));
}

function jsProduct(A: CsrMatrix, x: Float64Array, k: number, transposed: boolean): Float64Array {
  const out = new Float64Array((transposed ? A.cols : A.rows) * k);
  if (k === 1) return transposed ? matvecTransposed(A, x, out) : matvec(A, x, out);
  return transposed ? matvecTransposedMulti(A, x, k, out) : matvecMulti(A, x, k, out);
}

/** |out − expected| within a few roundings of Σ|a||x| per entry (the sums are taken in another order). */
function assertCloseProduct(A: CsrMatrix, x: Float64Array, k: number, transposed: boolean, out: Float64Array, label: string): void {
  const absA: CsrMatrix = { ...A, values: A.values.map(Math.abs) };
  const bound = jsProduct(absA, x.map(Math.abs), k, transposed);
  const expected = jsProduct(A, x, k, transposed);
  for (let q = 0; q < out.length; q++) {
    assert.ok(Math.abs(out[q] - expected[q]) <= 1e-14 * bound[q], `${label}: entry ${q} is ${out[q]}, expected ${expected[q]}`);
  }
}

describe('the split layout of the WebAssembly products', () => {
  test('is not used where the vectors fit in cache, and parts the entries into near and far', () => {
    const A = mixedMatrix(400, 400, 6, 1);
    assert.equal(splitPlan(A, 1, 1), undefined, 'small vectors: plain CSR');
    const plan = splitPlan(A, 1, 3, force(1));
    assert.ok(plan !== undefined);
    assert.equal(plan.near + plan.far, A.rowPtr[A.rows]);
    assert.equal(plan.nearPtr[A.rows], plan.near);
    assert.deepEqual(plan.stripes, rowStripes(A.rowPtr, A.rows, 3));
    // Count the far entries as the rule says: far from the diagonal and in a short row.
    let far = 0;
    for (let i = 0; i < A.rows; i++) {
      const long = A.rowPtr[i + 1] - A.rowPtr[i] >= plan.longRow;
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) if (!long && Math.abs(A.colIdx[p] - i) > plan.nearDistance) far++;
    }
    assert.equal(plan.far, far);
    assert.ok(far > 0 && plan.near > 0);
    assert.equal(plan.farStart[plan.farStart.length - 1], far);
  });

  test('gives the products of the JS kernels to rounding: k = 1..8, gather and scatter, 1–3 threads, square and not', () => {
    for (const [rows, cols, seed] of [
      [300, 300, 2],
      [257, 180, 3],
      [90, 311, 4],
    ] as const) {
      const A = mixedMatrix(rows, cols, 5, seed);
      for (const k of [1, 2, 3, 8]) {
        for (const transposed of [false, true]) {
          for (const threads of [1, 2, 3]) {
            const label = `${rows} × ${cols}, k = ${k}, transposed ${transposed}, ${threads} threads`;
            const w = wasmProduct(A, k, transposed, threads, { split: force(k) });
            assert.ok(w !== undefined);
            try {
              assert.equal(w.split, true, label);
              assert.equal(w.threads, threads, label);
              const x = randomVector((transposed ? rows : cols) * k, seed * 100 + k, -1, 1);
              const out = new Float64Array((transposed ? cols : rows) * k).fill(Number.NaN);
              for (let r = 0; r < 2; r++) {
                w.product(x, out);
                assertCloseProduct(A, x, k, transposed, out, label);
              }
            } finally {
              w.close();
            }
          }
        }
      }
    }
  });

  test('computes the facts the solvers need as matrixFacts does, from a plain or a split copy', () => {
    const A = mixedMatrix(200, 200, 6, 5);
    for (const split of [false, force(1)] as const) {
      const w = wasmProduct(A, 1, false, 1, { split });
      assert.ok(w?.product.facts !== undefined);
      const got = w.product.facts();
      const want = matrixFacts(A);
      assert.equal(got.nonNegative, want.nonNegative);
      assert.equal(got.finite, want.finite);
      assert.deepEqual(got.diag, want.diag);
      w.close();
    }
    // Signs and non-finite entries, near and far.
    for (const [value, nonNegative, finite] of [
      [-0.5, false, true],
      [Number.NaN, false, false],
      [Number.POSITIVE_INFINITY, true, false],
    ] as const) {
      for (const column of [1, 150]) {
        const B = csrFromTriplets(200, 200, Int32Array.of(0, 0, 3), Int32Array.of(0, column, 3), Float64Array.of(0.1, value, 0.2));
        const w = wasmProduct(B, 1, false, 1, { split: force(1) });
        assert.ok(w?.product.facts !== undefined);
        const got = w.product.facts();
        assert.equal(got.nonNegative, nonNegative, `${value} in column ${column}`);
        assert.equal(got.finite, finite, `${value} in column ${column}`);
        assert.equal(got.diag[3], 0.2);
        w.close();
      }
    }
  });

  test('offers the solver its vectors and fused vector kernels, bit-identical to block-ops', () => {
    for (const n of [1, 2, 7, 64, 101]) {
      const A = mixedMatrix(n, n, 3, 6 + n);
      const w = wasmProduct(A, 1, false, 1, { vectors: WORKSPACE_VECTORS });
      assert.ok(w?.product.workspace !== undefined);
      const { vectors, ops } = w.product.workspace;
      assert.equal(vectors.length, WORKSPACE_VECTORS);
      const [x, r, ph, sh, s, t, v, p, dinv, rh] = vectors;
      /** Fresh random contents in every vector; returns copies for the JS kernels. */
      const fill = (seed: number): Float64Array[] =>
        vectors.map((u, i) => {
          u.set(randomVector(n, seed + i, -1, 1));
          return u.slice();
        });
      const same = (a: Float64Array, b: Float64Array, what: string): void => assert.deepEqual(a, b, `n = ${n}: ${what}`);
      const one = (value: number): Float64Array => Float64Array.of(value);
      const out = new Float64Array(2);
      const got = new Float64Array(1);
      let c = fill(1);
      colDots(c[9], c[1], n, 1, out);
      ops.dots(rh, r, got);
      assert.equal(got[0], out[0]);
      c = fill(2);
      ops.direction(p, ph, r, v, dinv, one(0.7), one(-1.3));
      bicgDirection(c[7], c[2], c[1], c[6], one(0.7), one(-1.3), c[8], n, 1);
      same(p, c[7], 'direction p');
      same(ph, c[2], 'direction ph');
      c = fill(3);
      ops.oneMinusDot(ph, v, rh, got);
      const d = got[0];
      oneMinus(c[2], c[6], n);
      colDots(c[9], c[6], n, 1, out);
      same(v, c[6], 'oneMinus');
      assert.equal(d, out[0]);
      c = fill(4);
      ops.half(s, sh, r, v, dinv, one(2.5), got);
      const ss = got[0];
      bicgHalf(c[4], c[3], c[1], c[6], one(2.5), c[8], n, 1);
      colDots(c[4], c[4], n, 1, out);
      assert.equal(ss, out[0]);
      same(s, c[4], 'half s');
      same(sh, c[3], 'half sh');
      c = fill(5);
      const pair = new Float64Array(2);
      ops.oneMinusDot2(sh, t, s, pair.subarray(0, 1), pair.subarray(1, 2));
      oneMinus(c[3], c[5], n);
      const ts = new Float64Array(1);
      const tt = new Float64Array(1);
      colDots(c[5], c[4], n, 1, ts);
      colDots(c[5], c[5], n, 1, tt);
      same(t, c[5], 'oneMinus t');
      assert.deepEqual([...pair], [ts[0], tt[0]]);
      c = fill(6);
      ops.update(x, r, ph, sh, s, t, one(0.3), one(-0.9), got);
      const rr = got[0];
      bicgUpdate(c[0], c[1], c[2], c[3], c[4], c[5], one(0.3), one(-0.9), n, 1);
      colDots(c[1], c[1], n, 1, out);
      same(x, c[0], 'update x');
      same(r, c[1], 'update r');
      assert.equal(rr, out[0]);
      // A product between two of the vectors runs in place.
      x.set(randomVector(n, 9, -1, 1));
      w.product(x, t);
      assert.deepEqual(t, jsProduct(A, x, 1, false));
      w.close();
    }
  });

  test('a matrix made by toWasmCsr runs in place with the solver\'s vectors, or is copied split where that is faster', () => {
    const A = mixedMatrix(300, 300, 5, 9);
    const W = toWasmCsr(A);
    assert.ok(W !== undefined);
    const inPlace = wasmProduct(W, 1, false, 1, { vectors: WORKSPACE_VECTORS });
    assert.ok(inPlace !== undefined);
    assert.equal(inPlace.inPlace, true);
    assert.equal(inPlace.split, false);
    assert.equal(inPlace.product.workspace?.vectors.length, WORKSPACE_VECTORS);
    inPlace.close();
    const copied = wasmProduct(W, 1, true, 1, { vectors: WORKSPACE_VECTORS, split: force(1) });
    assert.ok(copied !== undefined);
    assert.equal(copied.inPlace, false);
    assert.equal(copied.split, true);
    const x = randomVector(300, 13, -1, 1);
    const out = new Float64Array(300);
    copied.product(x, out);
    assertCloseProduct(A, x, 1, true, out, 'split copy of a resident matrix');
    copied.close();
    const y = randomVector(300, 14, 0, 1);
    const B = { ...A, values: A.values.map((v) => Math.abs(v) * 0.1) };
    const WB = toWasmCsr(B);
    assert.ok(WB !== undefined);
    const resident = solveLeontief(WB, y, { kernel: 'wasm' });
    const plain = solveLeontief(B, y, { kernel: 'wasm' });
    assert.equal(resident.status, 'converged');
    assert.deepEqual(resident.x, plain.x, 'the same operations in the same order');
  });

  test('products on a reused memory are not disturbed by what the last product left there', () => {
    const A = mixedMatrix(300, 300, 5, 8);
    const first = wasmProduct(A, 1, false, 1, { split: force(1) });
    assert.ok(first !== undefined);
    first.product(new Float64Array(300).fill(Number.NaN), new Float64Array(300));
    first.close();
    for (const transposed of [false, true]) {
      const w = wasmProduct(A, 1, transposed, 1, { split: force(1) });
      assert.ok(w !== undefined);
      const x = randomVector(300, 10, -1, 1);
      const out = new Float64Array(300);
      w.product(x, out);
      assertCloseProduct(A, x, 1, transposed, out, `transposed ${transposed}`);
      w.close();
    }
  });

  test('keeps the split copy for the next product on the same A, in either direction, and never for a changed A', () => {
    const A = mixedMatrix(300, 300, 5, 9);
    const x = randomVector(300, 12, -1, 1);
    /** A product on M with the forced split: checked against the JS kernels and M's facts; whether it reused the kept copy. */
    const reused = (M: CsrMatrix, transposed: boolean): boolean => {
      const w = wasmProduct(M, 1, transposed, 1, { split: force(1) });
      assert.ok(w !== undefined);
      try {
        assert.equal(w.split, true);
        const out = new Float64Array(300);
        w.product(x, out);
        assertCloseProduct(M, x, 1, transposed, out, `transposed ${transposed}`);
        assert.deepEqual(w.product.facts?.(), matrixFacts(M));
        return w.reused;
      } finally {
        w.close();
      }
    };
    reused(mixedMatrix(300, 300, 5, 10), false); // another matrix of the same shape first
    assert.equal(reused(A, false), false, 'a new matrix');
    assert.equal(reused(A, false), true, 'the same matrix again');
    assert.equal(reused(A, true), true, 'the other direction');
    assert.equal(reused({ ...A, values: A.values.slice() }, true), true, 'a copy of it');
    const values = A.values.slice();
    const B = { ...A, values };
    values[values.length - 1] *= 2; // a far entry or a near one: the last row's last
    assert.equal(reused(B, false), false, 'an entry changed');
    const i = matrixFacts(B).diag.findIndex((d) => d !== 0);
    for (let p = B.rowPtr[i]; p < B.rowPtr[i + 1]; p++) if (B.colIdx[p] === i) values[p] += 0.125;
    assert.equal(reused(B, true), false, 'a diagonal entry changed');
    assert.equal(reused(B, true), true);
  });

  test('splits by default above 12 MiB of vector, and from 2 MiB where random reads over one miss the cache here', () => {
    const shape = (n: number): CsrMatrix => ({ rows: n, cols: n, rowPtr: new Int32Array(n + 1), colIdx: new Int32Array(0), values: new Float64Array(0) });
    assert.equal(splitCandidate(shape(262_144), 1), false, '2 MiB');
    assert.equal(splitCandidate(shape(1_600_000), 1), true, '12.8 MB');
    assert.equal(splitCandidate(shape(1_000_000), 1), randomReadsMiss(8e6), '8 MB: as the probe says');
    assert.equal(splitCandidate(shape(1_000_000), 1), splitCandidate(shape(1_000_000), 1), 'measured once');
    assert.equal(splitCandidate(shape(300_000), 1, { minVectorBytes: 2 ** 21 }), true, 'a tuning decides alone');
    assert.equal(splitCandidate(shape(1_600_000), 1, { minVectorBytes: 2 ** 25 }), false);
    assert.equal(splitCandidate(shape(300_000), 8), true, 'k = 8: 19.2 MB');
    assert.equal(splitCandidate(shape(100_000), 1), false, '0.8 MB: never probed');
  });

  test('the solvers on an economy that may be split agree with the JS kernel', () => {
    // 300,000 products: the vectors take 2.4 MB, split where random reads over them miss the cache.
    const n = 300_000;
    const rand = seededRandom(11);
    const nnz = 6 * n;
    const ri = new Int32Array(nnz);
    const ci = new Int32Array(nnz);
    const va = new Float64Array(nnz);
    for (let j = 0, q = 0; j < n; j++) {
      for (let e = 0; e < 6; e++, q++) {
        ci[q] = j;
        ri[q] = e < 4 ? (j + e + 1) % n : Math.floor(rand() * n); // near inputs and far ones
        va[q] = 0.1 * rand();
      }
    }
    const A = csrFromTriplets(n, n, ri, ci, va);
    assert.equal(splitPlan(A, 1, 1) !== undefined, randomReadsMiss(2.4e6), 'split as the probe says');
    assert.ok(splitPlan(A, 1, 1, { minVectorBytes: 2 ** 21 }) !== undefined, 'a tuning from 2 MiB splits it');
    const y = randomVector(n, 12, 0, 1);
    for (const solve of [solveLeontief, solveLeontiefTransposed]) {
      const wasm = solve(A, y, { kernel: 'wasm' });
      const js = solve(A, y, { kernel: 'js' });
      assert.equal(wasm.status, 'converged');
      assert.ok(wasm.relativeResidual <= 1e-10);
      assert.ok(!(wasm.x.buffer instanceof SharedArrayBuffer), 'the solution is not a view of the reused memory');
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(wasm.x[i] - js.x[i]) / Math.abs(js.x[i]));
      assert.ok(worst <= 1e-9, `${solve.name}: relative difference ${worst}`);
    }
  });
});
