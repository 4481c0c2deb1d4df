import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDenseEconomy, generateSparseEconomy } from '../../bench/generate.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { isWasmCsr } from '../../src/sparse/product/to-wasm-csr.js';
import { wasmAvailable, wasmProduct } from '../../src/sparse/product/wasm-product.js';

function columnSums(A: CsrMatrix): Float64Array {
  const s = new Float64Array(A.cols);
  for (let p = 0; p < A.rowPtr[A.rows]; p++) s[A.colIdx[p]] += A.values[p];
  return s;
}

describe('generateSparseEconomy', () => {
  const n = 5000;
  const { A, y, l } = generateSparseEconomy({ n, seed: 42 });

  test('has 20 inputs per product, sorted unique columns in every row', () => {
    assert.equal(A.rowPtr[n], 20 * n);
    const perColumn = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
        perColumn[A.colIdx[p]]++;
        if (p > A.rowPtr[i]) assert.ok(A.colIdx[p] > A.colIdx[p - 1], `row ${i} not strictly increasing at ${p}`);
      }
    }
    assert.ok(perColumn.every((c) => c === 20));
  });

  test('is productive: column sums in [0.3, 0.8], positive entries, labour and demand', () => {
    const s = columnSums(A);
    assert.ok(s.every((c) => c >= 0.3 - 1e-12 && c <= 0.8 + 1e-12));
    assert.ok(A.values.every((v) => v > 0));
    assert.ok(l.every((v) => v > 0) && y.every((v) => v > 0));
  });

  test('is neither triangular nor banded, but mostly local', () => {
    let lower = 0;
    let upper = 0;
    let near = 0;
    for (let i = 0; i < n; i++) {
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
        const d = A.colIdx[p] - i;
        if (d < 0) lower++;
        else if (d > 0) upper++;
        const wrapped = Math.min(Math.abs(d), n - Math.abs(d));
        if (wrapped <= 100) near++;
      }
    }
    const nnz = A.rowPtr[n];
    assert.ok(lower > 0.4 * nnz && upper > 0.4 * nnz, `lower ${lower}, upper ${upper}`);
    // 16 of 20 inputs are not hubs; 80% of those are nearby: about 64% of all entries.
    assert.ok(near > 0.55 * nnz && near < 0.8 * nnz, `near ${near} of ${nnz}`);
  });

  test('has hub products used by every product', () => {
    let full = 0;
    for (let i = 0; i < n; i++) if (A.rowPtr[i + 1] - A.rowPtr[i] === n) full++;
    assert.equal(full, 4);
  });

  test('is reproducible from its seed', () => {
    const again = generateSparseEconomy({ n, seed: 42 });
    assert.deepEqual(again.A.colIdx, A.colIdx);
    assert.deepEqual(again.A.values, A.values);
    const other = generateSparseEconomy({ n, seed: 43 });
    assert.notDeepEqual(other.A.colIdx, A.colIdx);
  });

  test('builds the same matrix in shared memory when asked', () => {
    const shared = generateSparseEconomy({ n, seed: 42, shared: true });
    assert.ok(shared.A.values.buffer instanceof SharedArrayBuffer && shared.A.colIdx.buffer instanceof SharedArrayBuffer);
    assert.deepEqual(Array.from(shared.A.colIdx), Array.from(A.colIdx));
    assert.deepEqual(Array.from(shared.A.values), Array.from(A.values));
  });

  test('builds the same matrix in the solvers\' memory when asked, which a solve uses in place', { skip: !wasmAvailable() }, () => {
    const inKernel = generateSparseEconomy({ n, seed: 42, kernel: true });
    assert.ok(isWasmCsr(inKernel.A));
    assert.deepEqual(Array.from(inKernel.A.rowPtr), Array.from(A.rowPtr));
    assert.deepEqual(Array.from(inKernel.A.colIdx), Array.from(A.colIdx));
    assert.deepEqual(Array.from(inKernel.A.values), Array.from(A.values));
    const product = wasmProduct(inKernel.A, 1, false);
    assert.equal(product?.inPlace, true);
    product?.close();
  });

  test('rejects sizes too small for the inputs per product', () => {
    assert.throws(() => generateSparseEconomy({ n: 50 }), RangeError);
  });
});

describe('generateDenseEconomy', () => {
  test('is dense, positive, with column sums in [0.3, 0.8] and a few large entries per column', () => {
    const n = 300;
    const { A, S, coefficientRows } = generateDenseEconomy({ n, seed: 3 });
    assert.equal(A.rowPtr[n], n * n);
    assert.ok(A.values.every((v) => v > 0));
    const s = columnSums(A);
    assert.ok(s.every((c) => c >= 0.3 - 1e-12 && c <= 0.8 + 1e-12));
    assert.equal(S.length, coefficientRows * n);
    assert.ok(S.every((v) => v > 0));
    // Most entries are small: the median entry is far below the mean.
    const sorted = Float64Array.from(A.values).sort();
    const mean = s.reduce((a, b) => a + b, 0) / (n * n);
    assert.ok(sorted[(n * n) >> 1] < 0.1 * mean);
  });
});
