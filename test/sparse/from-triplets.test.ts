import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';
import { csrToDense } from '../../src/sparse/csr-to-dense.js';
import { nnz } from '../../src/sparse/csr.js';
import { seededRandom } from '../helpers/random.js';

describe('csrFromTriplets', () => {
  test('built in arrays the caller places: the same matrix, merged entries as views of them', () => {
    const rand = seededRandom(11);
    const n = 300;
    const count = 3000;
    const ri = Int32Array.from({ length: count }, () => Math.floor(rand() * n));
    const ci = Int32Array.from({ length: count }, () => Math.floor(rand() * n));
    const va = Float64Array.from({ length: count }, () => rand());
    const buffer = new SharedArrayBuffer(4 * (n + 1) + 8 + 12 * count);
    const place = (rows: number, entries: number): { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array } => ({
      rowPtr: new Int32Array(buffer, 0, rows + 1),
      values: new Float64Array(buffer, 4 * (rows + 1) + 4, entries),
      colIdx: new Int32Array(buffer, 4 * (rows + 1) + 4 + 8 * entries, entries),
    });
    const plain = csrFromTriplets(n, n, ri, ci, va);
    const placed = csrFromTriplets(n, n, ri, ci, va, false, place);
    assert.ok(nnz(plain) < count, 'some entries merged');
    assert.deepEqual(Array.from(placed.rowPtr), Array.from(plain.rowPtr));
    assert.deepEqual(Array.from(placed.colIdx), Array.from(plain.colIdx));
    assert.deepEqual(Array.from(placed.values), Array.from(plain.values));
    for (const a of [placed.rowPtr, placed.colIdx, placed.values]) assert.equal(a.buffer, buffer);
    // A placement declined: ordinary arrays.
    assert.ok(!(csrFromTriplets(n, n, ri, ci, va, false, () => undefined).values.buffer instanceof SharedArrayBuffer));
  });

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
