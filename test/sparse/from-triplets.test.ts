import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';
import { csrToDense } from '../../src/sparse/csr-to-dense.js';
import { nnz } from '../../src/sparse/csr.js';
import { seededRandom } from '../helpers/random.js';

describe('csrFromTriplets', () => {
  test('sums duplicates and drops entries that cancel', () => {
    const m = csrFromTriplets(2, 3, [0, 1, 0, 0, 1, 1], [2, 0, 2, 0, 1, 1], [1, 5, 2, 4, 3, -3]);
    assert.deepEqual(Array.from(csrToDense(m)), [4, 0, 3, 5, 0, 0]);
    assert.equal(nnz(m), 3);
    const kept = csrFromTriplets(2, 3, [0, 1, 0, 0, 1, 1], [2, 0, 2, 0, 1, 1], [1, 5, 2, 4, 3, -3], true);
    assert.equal(nnz(kept), 4);
  });

  test('sorts long unsorted rows and matches a dense accumulation', () => {
    const rand = seededRandom(7);
    const cols = 5000;
    const count = 20000; // one row of 10,000 entries, another with 10,000 more
    const ri = new Int32Array(count);
    const ci = new Int32Array(count);
    const va = new Float64Array(count);
    const dense = new Float64Array(2 * cols);
    for (let k = 0; k < count; k++) {
      ri[k] = k < count / 2 ? 0 : 1;
      ci[k] = Math.floor(rand() * cols);
      va[k] = rand() + 0.5;
      dense[ri[k] * cols + ci[k]] += va[k];
    }
    const m = csrFromTriplets(2, cols, ri, ci, va);
    for (let i = 0; i < 2; i++) {
      for (let p = m.rowPtr[i] + 1; p < m.rowPtr[i + 1]; p++) assert.ok(m.colIdx[p - 1] < m.colIdx[p], 'sorted and unique');
    }
    const back = csrToDense(m);
    for (let k = 0; k < back.length; k++) assert.ok(Math.abs(back[k] - dense[k]) <= 1e-12 * Math.max(1, dense[k]));
  });

  test('rejects an index out of range, naming the entry', () => {
    assert.throws(() => csrFromTriplets(2, 2, [0, 2], [0, 0], [1, 1]), /row index 2 of entry 1/);
    assert.throws(() => csrFromTriplets(2, 2, [0, 1], [0, -1], [1, 1]), /column index -1 of entry 1/);
  });
});
