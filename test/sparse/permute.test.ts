import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { csrToDense } from '../../src/sparse/csr-to-dense.js';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';
import { invertPermutation } from '../../src/sparse/invert-permutation.js';
import { localityOrdering } from '../../src/sparse/locality-ordering.js';
import { permuteVector } from '../../src/sparse/permute-vector.js';
import { permute } from '../../src/sparse/permute.js';
import { unpermuteVector } from '../../src/sparse/unpermute-vector.js';
import { seededRandom } from '../helpers/random.js';
import { randomSparse } from './dense-helpers.js';

function shuffled(n: number, seed: number): Int32Array {
  const rand = seededRandom(seed);
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

function bandwidth(m: CsrMatrix): number {
  let b = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) b = Math.max(b, Math.abs(m.colIdx[q] - i));
  }
  return b;
}

describe('permutations', () => {
  test('permute gives entry (p[i], p[j]) of A at (i, j), with sorted rows', () => {
    const n = 25;
    const { dense, csr } = randomSparse(n, n, 0.3, 3);
    const p = shuffled(n, 4);
    const B = permute(csr, p);
    const d = csrToDense(B);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assert.equal(d[i * n + j], dense[p[i] * n + p[j]]);
    for (let i = 0; i < n; i++) for (let q = B.rowPtr[i] + 1; q < B.rowPtr[i + 1]; q++) assert.ok(B.colIdx[q - 1] < B.colIdx[q]);
  });

  test('permuteVector and unpermuteVector are inverse to each other', () => {
    const p = shuffled(50, 5);
    const x = Float64Array.from({ length: 50 }, (_, i) => i * 1.5);
    assert.deepEqual(unpermuteVector(permuteVector(x, p), p), x);
    assert.throws(() => invertPermutation([0, 2, 2]), /entry 2 \(2\) is out of range or repeated/);
  });

  test('localityOrdering recovers a narrow band from a scrambled banded matrix', () => {
    const n = 2000;
    const ri: number[] = [];
    const ci: number[] = [];
    const va: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let d = -3; d <= 3; d++) {
        if (i + d >= 0 && i + d < n) {
          ri.push(i);
          ci.push(i + d);
          va.push(1);
        }
      }
    }
    const band = csrFromTriplets(n, n, ri, ci, va);
    const scrambled = permute(band, shuffled(n, 6));
    assert.ok(bandwidth(scrambled) > n / 2);
    const order = localityOrdering(scrambled);
    assert.deepEqual(
      Array.from(invertPermutation(order)).sort((a, b) => a - b),
      Array.from({ length: n }, (_, i) => i),
    );
    assert.ok(bandwidth(permute(scrambled, order)) <= 6, `bandwidth ${bandwidth(permute(scrambled, order))}`);
  });
});
