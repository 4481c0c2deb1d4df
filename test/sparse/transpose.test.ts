import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrToDense } from '../../src/sparse/csr-to-dense.js';
import { transpose, transposeTiled } from '../../src/sparse/transpose.js';
import { randomSparse } from './dense-helpers.js';

function denseTranspose(a: Float64Array, r: number, c: number): Float64Array {
  const t = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = a[i * c + j];
  return t;
}

describe('transpose by column tiles', () => {
  const rows = 53;
  const cols = 41;
  const { dense, csr } = randomSparse(rows, cols, 0.3, 7);
  const plain = transpose(csr);

  test('every tile width gives the same arrays as one pass, and the dense transpose', () => {
    assert.deepEqual(csrToDense(plain), denseTranspose(dense, rows, cols));
    for (const tile of [1, 2, 3, 5, 8, 16, 40, 41, 1000]) {
      const t = transposeTiled(csr, tile);
      assert.equal(t.rows, cols);
      assert.equal(t.cols, rows);
      assert.deepEqual(t.rowPtr, plain.rowPtr, `tile ${tile}: row pointers`);
      assert.deepEqual(t.colIdx, plain.colIdx, `tile ${tile}: column indices`);
      assert.deepEqual(t.values, plain.values, `tile ${tile}: values`);
    }
  });

  test('empty rows and columns, and a tile below 1 refused', () => {
    const { csr: sparse } = randomSparse(30, 70, 0.02, 3);
    assert.deepEqual(transposeTiled(sparse, 4), transposeTiled(sparse, 70));
    assert.throws(() => transposeTiled(sparse, 0), RangeError);
  });

  test('a matrix without columns or rows transposes (an LP with no variables, an empty block)', () => {
    const noCols = { rows: 3, cols: 0, rowPtr: new Int32Array(4), colIdx: new Int32Array(0), values: new Float64Array(0) };
    const t = transpose(noCols);
    assert.equal(t.rows, 0);
    assert.equal(t.cols, 3);
    assert.deepEqual(Array.from(t.rowPtr), [0]);
    const none = transpose({ rows: 0, cols: 0, rowPtr: new Int32Array(1), colIdx: new Int32Array(0), values: new Float64Array(0) });
    assert.equal(none.rows, 0);
    assert.equal(none.cols, 0);
  });
});
