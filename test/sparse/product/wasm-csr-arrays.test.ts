import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CsrMatrix } from '../../../src/sparse/csr.js';
import { solveLeontief } from '../../../src/sparse/solve-leontief.js';
import { WASM_PARALLEL_MIN_NNZ, isWasmCsr, wasmCsrArrays } from '../../../src/sparse/product/to-wasm-csr.js';
import { wasmAvailable, wasmProduct } from '../../../src/sparse/product/wasm-product.js';
import { randomProductiveCsr } from '../../helpers/random.js';
import { randomVector } from '../dense-helpers.js';

/** A copied into arrays made by wasmCsrArrays: the matrix as a reader that fills the solvers' memory leaves it. */
function inSolversMemory(A: CsrMatrix): CsrMatrix {
  const arrays = wasmCsrArrays(A.rows, A.rowPtr[A.rows]);
  assert.ok(arrays !== undefined);
  arrays.rowPtr.set(A.rowPtr);
  arrays.colIdx.set(A.colIdx);
  arrays.values.set(A.values);
  return { rows: A.rows, cols: A.cols, ...arrays };
}

describe('wasmCsrArrays: a matrix filled in the solvers\' memory', () => {
  test('filled with A, it is A in place: products never copy or split it, and a solve gives what it gives over A', { skip: !wasmAvailable() }, () => {
    const A = randomProductiveCsr(3000, 6, 11);
    const M = inSolversMemory(A);
    assert.ok(isWasmCsr(M));
    // Even where a split copy would be made (a split forced for vectors of any size).
    const product = wasmProduct(M, 1, false, 1, { split: { minVectorBytes: 0, minFarShare: 0, nearBytes: 8 } });
    assert.ok(product !== undefined);
    assert.equal(product.inPlace, true);
    assert.equal(product.split, false);
    product.close();
    const split = wasmProduct(A, 1, false, 1, { split: { minVectorBytes: 0, minFarShare: 0, nearBytes: 8 } });
    assert.equal(split?.split, true, 'the same matrix outside the memory is split');
    split?.close();
    const y = randomVector(A.rows, 5);
    const inPlace = solveLeontief(M, y, { tolerance: 1e-12, kernel: 'wasm' });
    const plain = solveLeontief(A, y, { tolerance: 1e-12, kernel: 'wasm' }); // a plain copy (x fits in cache): the same kernels
    assert.equal(inPlace.status, 'converged');
    assert.ok(inPlace.relativeResidual <= 1e-12);
    assert.deepStrictEqual(Array.from(inPlace.x), Array.from(plain.x));
  });

  test('large enough for threads: a threaded solve in place gives what the JS kernel gives', { skip: !wasmAvailable() }, () => {
    const A = randomProductiveCsr(30_000, 20, 12);
    assert.ok(A.rowPtr[A.rows] >= WASM_PARALLEL_MIN_NNZ);
    const M = inSolversMemory(A);
    const y = randomVector(A.rows, 6);
    const inPlace = solveLeontief(M, y, { tolerance: 1e-12, kernel: 'wasm', threads: 2 });
    const js = solveLeontief(A, y, { tolerance: 1e-12, kernel: 'js', threads: 1 });
    assert.equal(inPlace.status, 'converged');
    // Threaded gathers over A in place: the JS kernel's operations in the same order.
    assert.deepStrictEqual(Array.from(inPlace.x), Array.from(js.x));
  });

  test('leaves room for products of several vectors where it fits, so that multipliers of a dense table run in place', { skip: !wasmAvailable() }, () => {
    const n = 300;
    const dense = Array.from({ length: n * n }, (_, q) => (q % (n + 1) === 0 ? 0.1 : 0.5 / n) * (1 + ((q * 7) % 5) / 10));
    const arrays = wasmCsrArrays(n, n * n);
    assert.ok(arrays !== undefined);
    for (let i = 0; i <= n; i++) arrays.rowPtr[i] = i * n;
    for (let q = 0; q < n * n; q++) arrays.colIdx[q] = q % n;
    arrays.values.set(dense);
    const M = { rows: n, cols: n, ...arrays };
    for (const transposed of [true, false]) {
      const product = wasmProduct(M, 10, transposed, 2);
      assert.ok(product !== undefined);
      assert.equal(product.inPlace, true, `k = 10, ${transposed ? 'transposed' : 'gather'}: in place, not copied`);
      product.close();
    }
  });

  test('undefined where it cannot fit in 4 GiB', { skip: !wasmAvailable() }, () => {
    assert.equal(wasmCsrArrays(1000, 2 ** 30), undefined);
  });
});
