import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { colSums } from '../../src/sparse/col-sums.js';
import { csrFromDense } from '../../src/sparse/csr-from-dense.js';
import { csrToDense } from '../../src/sparse/csr-to-dense.js';
import { deinterleave } from '../../src/sparse/deinterleave.js';
import { interleave } from '../../src/sparse/interleave.js';
import { matvecMulti } from '../../src/sparse/matvec-multi.js';
import { matvecTransposedMulti } from '../../src/sparse/matvec-transposed-multi.js';
import { matvecTransposed } from '../../src/sparse/matvec-transposed.js';
import { matvec } from '../../src/sparse/matvec.js';
import { rowSums } from '../../src/sparse/row-sums.js';
import { scaleColumns } from '../../src/sparse/scale-columns.js';
import { scaleRows } from '../../src/sparse/scale-rows.js';
import { transpose } from '../../src/sparse/transpose.js';
import { denseMatvec, randomSparse, randomVector, relativeDifference } from './dense-helpers.js';

const rows = 37;
const cols = 23;
const { dense, csr } = randomSparse(rows, cols, 0.2, 11);

function denseTranspose(a: Float64Array, r: number, c: number): Float64Array {
  const t = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = a[i * c + j];
  return t;
}

describe('sparse kernels against dense arithmetic', () => {
  test('csrFromDense and csrToDense round-trip exactly', () => {
    assert.deepEqual(csrToDense(csr), dense);
  });

  test('matvec equals the dense product', () => {
    const x = randomVector(cols, 12, -1, 1);
    const out = matvec(csr, x, new Float64Array(rows));
    assert.ok(relativeDifference(out, denseMatvec(rows, cols, dense, x)) < 1e-14);
  });

  test('matvecTransposed equals the dense product with the transpose', () => {
    const x = randomVector(rows, 13, -1, 1);
    const out = matvecTransposed(csr, x, new Float64Array(cols).fill(99));
    assert.ok(relativeDifference(out, denseMatvec(cols, rows, denseTranspose(dense, rows, cols), x)) < 1e-14);
  });

  test('transpose matches the dense transpose, with sorted rows', () => {
    const t = transpose(csr);
    assert.equal(t.rows, cols);
    assert.equal(t.cols, rows);
    assert.deepEqual(csrToDense(t), denseTranspose(dense, rows, cols));
    for (let i = 0; i < t.rows; i++) {
      for (let p = t.rowPtr[i] + 1; p < t.rowPtr[i + 1]; p++) assert.ok(t.colIdx[p - 1] < t.colIdx[p]);
    }
  });

  test('block products for k vectors equal k single products', () => {
    for (const k of [1, 2, 3, 4, 7, 8, 11, 16]) {
      const xs = Array.from({ length: k }, (_, s) => randomVector(cols, 20 + s, -1, 1));
      const out = deinterleave(matvecMulti(csr, interleave(xs), k, new Float64Array(rows * k)), k);
      for (let j = 0; j < k; j++) assert.ok(relativeDifference(out[j], matvec(csr, xs[j], new Float64Array(rows))) < 1e-14);
      const zs = Array.from({ length: k }, (_, s) => randomVector(rows, 30 + s, -1, 1));
      zs[0][3] = 0;
      const outT = deinterleave(matvecTransposedMulti(csr, interleave(zs), k, new Float64Array(cols * k).fill(7)), k);
      for (let j = 0; j < k; j++) {
        assert.ok(relativeDifference(outT[j], matvecTransposed(csr, zs[j], new Float64Array(cols))) < 1e-14, `k = ${k}`);
      }
    }
  });

  test('row and column sums equal products with a vector of ones', () => {
    assert.ok(relativeDifference(rowSums(csr), matvec(csr, new Float64Array(cols).fill(1), new Float64Array(rows))) < 1e-14);
    assert.ok(
      relativeDifference(colSums(csr), matvecTransposed(csr, new Float64Array(rows).fill(1), new Float64Array(cols))) < 1e-14,
    );
  });

  test('scaling columns and rows equals multiplying by diagonal matrices', () => {
    const d = randomVector(cols, 40, 0.5, 2);
    const e = randomVector(rows, 41, 0.5, 2);
    const x = randomVector(cols, 42, -1, 1);
    const dx = x.map((v, j) => v * d[j]);
    // (A·diag(d)) x = A (d ∘ x);  (diag(e)·A) x = e ∘ (A x)
    assert.ok(relativeDifference(matvec(scaleColumns(csr, d), x, new Float64Array(rows)), matvec(csr, dx, new Float64Array(rows))) < 1e-14);
    const ax = matvec(csr, x, new Float64Array(rows));
    assert.ok(relativeDifference(matvec(scaleRows(e, csr), x, new Float64Array(rows)), ax.map((v, i) => v * e[i])) < 1e-14);
    assert.throws(() => scaleColumns(csr, new Float64Array(3)), /has 23 columns/);
  });

  test('csrFromDense rejects a wrong data length', () => {
    assert.throws(() => csrFromDense(2, 2, [1, 2, 3]), /expected 2 × 2/);
  });
});
