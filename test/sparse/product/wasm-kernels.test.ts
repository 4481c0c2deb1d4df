import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import wabtInit from 'wabt';
import { csrKernelsWasm } from '../../../src/sparse/product/csr-kernels-wasm.js';
import type { CsrMatrix } from '../../../src/sparse/csr.js';
import { interleave } from '../../../src/sparse/interleave.js';
import { matrixFacts } from '../../../src/sparse/matrix-facts.js';
import { matvecMulti } from '../../../src/sparse/matvec-multi.js';
import { matvecTransposedMulti } from '../../../src/sparse/matvec-transposed-multi.js';
import { matvecTransposed } from '../../../src/sparse/matvec-transposed.js';
import { matvec } from '../../../src/sparse/matvec.js';
import { solveLeontiefMulti } from '../../../src/sparse/solve-leontief-multi.js';
import { solveLeontiefTransposedMulti } from '../../../src/sparse/solve-leontief-transposed-multi.js';
import { solveLeontiefTransposed } from '../../../src/sparse/solve-leontief-transposed.js';
import { solveLeontief } from '../../../src/sparse/solve-leontief.js';
import { transpose } from '../../../src/sparse/transpose.js';
import { instantiateKernels, kernelModule } from '../../../src/sparse/product/wasm-kernels.js';
import { newMemory } from '../../../src/sparse/product/wasm-pool.js';
import { isWasmCsr, toWasmCsr } from '../../../src/sparse/product/to-wasm-csr.js';
import { wasmAvailable, wasmProduct } from '../../../src/sparse/product/wasm-product.js';
import { repoRoot } from '../../helpers/paths.js';
import { randomProductiveCsr, seededRandom } from '../../helpers/random.js';
import { randomVector } from '../dense-helpers.js';

/**
 * A random rows × cols CSR matrix (sorted, unique columns) with about `density` of its entries
 * stored, values of both signs, and rows left empty with probability `emptyShare`.
 */
function randomCsr(rows: number, cols: number, density: number, emptyShare: number, seed: number): CsrMatrix {
  const rand = seededRandom(seed);
  const rowPtr = new Int32Array(rows + 1);
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (rand() >= emptyShare) {
      for (let j = 0; j < cols; j++) {
        if (rand() < density) {
          ci.push(j);
          va.push(rand() * 2 - 1);
        }
      }
    }
    rowPtr[i + 1] = ci.length;
  }
  return { rows, cols, rowPtr, colIdx: Int32Array.from(ci), values: Float64Array.from(va) };
}

/** The JS kernel's product for k interleaved vectors. */
function jsProduct(A: CsrMatrix, x: Float64Array, k: number, transposed: boolean): Float64Array {
  const out = new Float64Array((transposed ? A.cols : A.rows) * k);
  if (k === 1) return transposed ? matvecTransposed(A, x, out) : matvec(A, x, out);
  return transposed ? matvecTransposedMulti(A, x, k, out) : matvecMulti(A, x, k, out);
}

/**
 * What a WebAssembly product gives: the JS kernel's, except that a transposed product over a copy
 * of Aᵀ gathers over it (the sums in the order of transpose(A)'s rows).
 */
function expectedProduct(A: CsrMatrix, x: Float64Array, k: number, transposed: boolean, transposedCopy: boolean): Float64Array {
  return transposedCopy ? jsProduct(transpose(A), x, k, false) : jsProduct(A, x, k, transposed);
}

describe('WebAssembly kernels', () => {
  test('the committed binary is the assembled csr-kernels.wat', async () => {
    const wabt = await wabtInit();
    const text = readFileSync(join(repoRoot, 'src', 'sparse', 'product', 'csr-kernels.wat'), 'utf8');
    const module = wabt.parseWat('csr-kernels.wat', text, { simd: true, threads: true, bulk_memory: true });
    const { buffer } = module.toBinary({});
    module.destroy();
    assert.equal(Buffer.from(buffer).toString('base64'), csrKernelsWasm, 'stale: run node scripts/build-wasm.mjs');
  });

  test('are available in this runtime', () => {
    assert.ok(wasmAvailable());
  });

  // The kernels do the JS kernels' operations in the same order, so the results are identical.
  const shapes = [
    { rows: 1, cols: 1, density: 1, emptyShare: 0 },
    { rows: 1, cols: 1, density: 0, emptyShare: 0 },
    { rows: 1, cols: 37, density: 0.5, emptyShare: 0 },
    { rows: 53, cols: 41, density: 0.2, emptyShare: 0.3 },
    { rows: 40, cols: 40, density: 0.05, emptyShare: 0.5 },
    { rows: 64, cols: 64, density: 0.9, emptyShare: 0.1 },
    { rows: 30, cols: 30, density: 0, emptyShare: 0 },
  ];
  shapes.forEach((shape, s) => {
    test(`equal the JS kernels exactly: ${shape.rows} × ${shape.cols}, density ${shape.density}, k = 1..16`, () => {
      const A = randomCsr(shape.rows, shape.cols, shape.density, shape.emptyShare, 10 + s);
      // Transposed: as a scatter over A, and as a gather over the copy of Aᵀ the kernels make.
      const variants = [
        { transposed: false, transposeCopy: false },
        { transposed: true, transposeCopy: false },
        { transposed: true, transposeCopy: true },
      ];
      for (let k = 1; k <= 16; k++) {
        for (const { transposed, transposeCopy } of variants) {
          const what = `k = ${k}, transposed ${transposed}, over a copy of Aᵀ ${transposeCopy}`;
          const inLength = (transposed ? A.rows : A.cols) * k;
          const x = randomVector(inLength, 100 * s + k, -1, 1);
          if (inLength > 2) x[1] = 0; // the scatter skips rows with a zero input
          const w = wasmProduct(A, k, transposed, 1, { transposeCopy });
          assert.ok(w !== undefined);
          assert.equal(w.transposedCopy, transposeCopy);
          const expected = expectedProduct(A, x, k, transposed, transposeCopy);
          const out = new Float64Array((transposed ? A.cols : A.rows) * k).fill(Number.NaN);
          w.product(x, out);
          assert.deepEqual(out, expected, what);
          // Again, with the output block holding the previous result (the scatter clears it).
          w.product(x, out);
          assert.deepEqual(out, expected, `${what}, repeated`);
          if (A.rows === A.cols) {
            assert.ok(w.product.facts !== undefined);
            assert.deepEqual(w.product.facts(), matrixFacts(A));
            w.product(x, out);
            assert.deepEqual(out, expected, `${what}, a product after the facts`);
          }
          w.close();
        }
      }
    });
  });

  test('equal the JS kernels on a larger random productive matrix', () => {
    const A = randomProductiveCsr(3000, 12, 5, 0.7);
    for (const k of [1, 3, 10]) {
      for (const transposed of [false, true]) {
        const x = randomVector(3000 * k, 6 + k);
        const w = wasmProduct(A, k, transposed);
        assert.ok(w !== undefined);
        // By default a serial transposed product of one vector gathers over a copy of Aᵀ.
        assert.equal(w.transposedCopy, transposed && k === 1);
        const out = new Float64Array(3000 * k);
        w.product(x, out);
        assert.deepEqual(out, expectedProduct(A, x, k, transposed, w.transposedCopy));
        w.close();
      }
    }
  });

  test('keep a scatter for the transposed product of long rows, and of threads', () => {
    const dense = randomCsr(200, 200, 0.9, 0, 61); // about 180 entries a row
    const sparse = randomCsr(2000, 2000, 0.005, 0, 62);
    const cases = [
      { A: dense, threads: 1, copy: false },
      { A: sparse, threads: 1, copy: true },
      { A: sparse, threads: 2, copy: false },
    ];
    for (const { A, threads, copy } of cases) {
      const w = wasmProduct(A, 1, true, threads);
      assert.ok(w !== undefined);
      try {
        assert.equal(w.transposedCopy, copy, `${A.rows} rows, ${threads} thread(s)`);
        const x = randomVector(A.rows, 63, -1, 1);
        const out = new Float64Array(A.cols);
        w.product(x, out);
        const expected = expectedProduct(A, x, 1, true, copy);
        for (let q = 0; q < A.cols; q++) assert.ok(Math.abs(out[q] - expected[q]) <= 1e-13, `entry ${q}`);
      } finally {
        w.close();
      }
    }
  });

  test('parts claimed by any thread: gathers equal the serial kernels exactly; scatters are the same bits at every run', () => {
    // 4,000 × 4,000 with about 160,000 entries: a gather is cut into about 20 parts.
    const A = randomCsr(4000, 4000, 0.01, 0.2, 91);
    const x = randomVector(4000, 92, -1, 1);
    for (const transposed of [false, true]) {
      const w = wasmProduct(A, 1, transposed, 2);
      assert.ok(w !== undefined);
      try {
        assert.equal(w.threads, 2);
        assert.deepEqual(w.product.facts?.(), matrixFacts(A));
        const expected = jsProduct(A, x, 1, transposed);
        const first = new Float64Array(4000);
        w.product(x, first);
        if (!transposed) assert.deepEqual(first, expected);
        else for (let q = 0; q < 4000; q++) assert.ok(Math.abs(first[q] - expected[q]) <= 1e-13, `entry ${q}`);
        const out = new Float64Array(4000);
        for (let r = 0; r < 20; r++) {
          w.product(x, out);
          assert.deepEqual(out, first, `run ${r}, transposed ${transposed}`);
        }
      } finally {
        w.close();
      }
    }
  });

  test('split over worker threads: gathers equal the serial kernels exactly, scatters to rounding', () => {
    const A = randomCsr(500, 500, 0.03, 0.2, 77);
    for (const threads of [2, 3]) {
      for (const k of [1, 2, 5, 8]) {
        for (const transposed of [false, true]) {
          const x = randomVector(500 * k, 78 + k, -1, 1);
          const w = wasmProduct(A, k, transposed, threads);
          assert.ok(w !== undefined);
          try {
            assert.equal(w.threads, threads);
            const out = new Float64Array(500 * k);
            const expected = jsProduct(A, x, k, transposed);
            for (let r = 0; r < 2; r++) {
              w.product(x, out);
              if (!transposed) assert.deepEqual(out, expected);
              else for (let q = 0; q < out.length; q++) assert.ok(Math.abs(out[q] - expected[q]) <= 1e-14, `entry ${q}`);
            }
          } finally {
            w.close();
          }
        }
      }
    }
  });

  test('run in place over a matrix made by toWasmCsr, copying only when its room is taken or too small', () => {
    const A0 = randomCsr(300, 300, 0.05, 0.1, 55);
    const A = toWasmCsr(A0, { k: 2 });
    assert.ok(A !== undefined && isWasmCsr(A) && !isWasmCsr(A0));
    assert.deepEqual(A.values, A0.values);
    const x = randomVector(600, 56, -1, 1);
    const first = wasmProduct(A, 2, true);
    const second = wasmProduct(A, 2, false);
    const bigger = wasmProduct(A, 3, false);
    assert.ok(first !== undefined && second !== undefined && bigger !== undefined);
    assert.equal(first.inPlace, true);
    assert.equal(second.inPlace, false, 'the room is in use');
    assert.equal(bigger.inPlace, false, 'the room holds two vectors, not three');
    const out = new Float64Array(600);
    first.product(x, out);
    assert.deepEqual(out, jsProduct(A0, x, 2, true));
    second.product(x, out);
    assert.deepEqual(out, jsProduct(A0, x, 2, false));
    first.close();
    second.close();
    bigger.close();
    const again = wasmProduct(A, 1, false, 2);
    assert.ok(again !== undefined && again.inPlace);
    try {
      again.product(x.subarray(0, 300), out.subarray(0, 300));
      assert.deepEqual(out.subarray(0, 300), jsProduct(A0, x.subarray(0, 300), 1, false));
    } finally {
      again.close();
    }
    assert.throws(() => toWasmCsr(A0, { k: 0 }), /k must be a positive integer, got 0/);
  });

  test('keep the copy of A, its facts and its Aᵀ for the next product on the same A, and never for a changed A', () => {
    const A = randomProductiveCsr(800, 10, 41, 0.7);
    const x = randomVector(800, 42, -1, 1);
    const out = new Float64Array(800);
    /** One product in each direction on M: checked against the JS kernels; whether each reused the kept copy. */
    const both = (M: CsrMatrix): boolean[] =>
      [false, true].map((transposed) => {
        const w = wasmProduct(M, 1, transposed);
        assert.ok(w !== undefined);
        try {
          assert.equal(w.transposedCopy, transposed);
          w.product(x, out);
          assert.deepEqual(out, expectedProduct(M, x, 1, transposed, transposed), `transposed ${transposed}`);
          assert.deepEqual(w.product.facts?.(), matrixFacts(M));
          return w.reused;
        } finally {
          w.close();
        }
      });
    both(randomProductiveCsr(800, 10, 43, 0.7)); // another matrix of the same shape goes first
    // The transposed product after the first finds the copy the same (A's facts serve again) and
    // makes Aᵀ once; the products check that every Aᵀ used is that of the matrix given.
    assert.deepEqual(both(A), [false, true], 'a new matrix');
    assert.deepEqual(both(A), [true, true], 'the same matrix again');
    assert.deepEqual(both({ ...A, values: A.values.slice() }), [true, true], 'a copy of it');
    // Changed in place: an entry, then a diagonal entry, then a column index (the structure).
    const values = A.values.slice();
    const B = { ...A, values };
    values[777] *= 1.5;
    assert.deepEqual(both(B), [false, true], 'an entry changed');
    const i = matrixFacts(B).diag.findIndex((d) => d > 0);
    for (let p = B.rowPtr[i]; p < B.rowPtr[i + 1]; p++) if (B.colIdx[p] === i) values[p] = 0.25;
    assert.deepEqual(both(B), [false, true], 'a diagonal entry changed');
    const colIdx = B.colIdx.slice();
    const row = Array.from({ length: 800 }, (_, r) => r).find((r) => {
      const last = B.rowPtr[r + 1] - 1;
      return last >= B.rowPtr[r] && colIdx[last] < 799;
    });
    assert.ok(row !== undefined);
    colIdx[B.rowPtr[row + 1] - 1]++; // the last column of the row: still sorted and unique
    assert.deepEqual(both({ ...B, colIdx }), [false, true], 'a column index changed');
  });

  test('sameBytes tells two byte ranges apart wherever they differ, 64 bytes a step and the rest one by one', () => {
    const module = kernelModule();
    assert.ok(module !== null);
    const memory = newMemory(65_536);
    assert.ok(memory !== undefined);
    const kernels = instantiateKernels(module, memory);
    const bytes = new Uint8Array(memory.buffer);
    const rand = seededRandom(71);
    for (const n of [0, 1, 15, 16, 63, 64, 65, 130, 200]) {
      for (let q = 0; q < n; q++) bytes[1000 + q] = bytes[5001 + q] = Math.floor(rand() * 256);
      assert.equal(kernels.sameBytes(1000, 5001, n), 1, `n = ${n}, equal`);
      for (let q = 0; q < n; q++) {
        bytes[5001 + q] ^= 1 << q % 8;
        assert.equal(kernels.sameBytes(1000, 5001, n), 0, `n = ${n}, byte ${q} differs`);
        bytes[5001 + q] ^= 1 << q % 8;
      }
    }
  });

  test('refuse a k that is not a positive integer (the solver then reports it)', () => {
    const A = randomProductiveCsr(10, 3, 1);
    assert.equal(wasmProduct(A, 0, false), undefined);
    assert.equal(wasmProduct(A, 1.5, false), undefined);
  });
});

describe('the solvers with the WebAssembly kernel', () => {
  test('give the same answers as with the JS kernel', () => {
    const n = 2000;
    const A = randomProductiveCsr(n, 10, 91, 0.8);
    const y = randomVector(n, 92);
    const k = 4;
    const ys = interleave([y, randomVector(n, 93), randomVector(n, 94, -1, 1), randomVector(n, 95)]);
    for (const method of ['jacobi', 'bicgstab'] as const) {
      const js = { method, kernel: 'js' } as const;
      const wasm = { method, kernel: 'wasm' } as const;
      const pairs = [
        [solveLeontief(A, y, js), solveLeontief(A, y, wasm)],
        // Serially, a transposed solve of one vector gathers over the copy of Aᵀ the kernels make.
        [solveLeontiefTransposed(A, y, { ...js, allowTranspose: true }), solveLeontiefTransposed(A, y, wasm)],
        [solveLeontiefTransposed(A, y, { ...js, allowTranspose: true }), solveLeontiefTransposed(A, y, { ...wasm, allowTranspose: true })],
        [solveLeontiefMulti(A, ys, k, js), solveLeontiefMulti(A, ys, k, wasm)],
        [solveLeontiefTransposedMulti(A, ys, k, js), solveLeontiefTransposedMulti(A, ys, k, wasm)],
      ];
      for (const [a, b] of pairs) {
        assert.equal(a.status, 'converged');
        assert.equal(b.status, a.status);
        assert.equal(b.iterations, a.iterations);
        assert.equal(b.products, a.products);
        // Bit-identical products make bit-identical iterates.
        assert.deepEqual(b.x, a.x);
        assert.equal(b.relativeResidual, a.relativeResidual);
      }
    }
  });

  test('over a matrix made by toWasmCsr give the same answers, on one thread or two', () => {
    const n = 1500;
    const A = randomProductiveCsr(n, 10, 97, 0.8);
    const resident = toWasmCsr(A, { threads: 2 });
    assert.ok(resident !== undefined);
    const y = randomVector(n, 98);
    const base = solveLeontief(A, y, { kernel: 'js' });
    assert.deepEqual(solveLeontief(resident, y, { kernel: 'wasm' }).x, base.x);
    assert.deepEqual(solveLeontief(resident, y, { kernel: 'wasm', threads: 2 }).x, base.x);
    const row = solveLeontiefTransposed(A, y, { kernel: 'js' });
    const rowThreads = solveLeontiefTransposed(resident, y, { kernel: 'wasm', threads: 2 });
    assert.equal(rowThreads.status, 'converged');
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(rowThreads.x[i] - row.x[i]) / Math.abs(row.x[i]));
    assert.ok(worst < 1e-9, `labour values on two threads differ by ${worst}`);
  });

  test('find a non-finite entry of A in either direction, over a copy of A or of Aᵀ', () => {
    const A = randomProductiveCsr(500, 8, 31, 0.7);
    const y = randomVector(500, 32);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const values = A.values.slice();
      values[1234] = bad;
      const B = { ...A, values };
      for (const threads of [1, 2]) {
        const options = { kernel: 'wasm', threads } as const;
        assert.throws(() => solveLeontief(B, y, options), /solveLeontief: the matrix has a non-finite entry/);
        assert.throws(() => solveLeontiefTransposed(B, y, options), /solveLeontiefTransposed: the matrix has a non-finite entry/);
      }
    }
    // A negative entry is not an error: the productivity verdicts then do without the sign of A.
    const values = A.values.slice();
    values[1234] = -values[1234];
    const negative = solveLeontiefTransposed({ ...A, values }, y, { kernel: 'wasm' });
    assert.equal(negative.status, 'converged');
    assert.ok(negative.relativeResidual <= 1e-10);
  });

  test('reject an unknown kernel, naming the value', () => {
    const A = randomProductiveCsr(10, 3, 1);
    assert.throws(
      () => solveLeontief(A, new Float64Array(10).fill(1), { kernel: 'gpu' as 'js' }),
      /kernel must be 'auto', 'js' or 'wasm', got gpu/,
    );
  });
});
