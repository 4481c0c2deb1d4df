import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { colDots, columnDot } from '../../src/sparse/block-ops.js';
import { seededRandom } from '../helpers/random.js';

describe('block vector kernels', () => {
  test('colDots: each column summed in the order of the rows, bit for bit, for k = 1 … 13', () => {
    const rand = seededRandom(5);
    const n = 37;
    for (let k = 1; k <= 13; k++) {
      const a = Float64Array.from({ length: n * k }, () => rand() * 2 - 1);
      const b = Float64Array.from({ length: n * k }, () => rand() * 1e3);
      const out = new Float64Array(k).fill(Number.NaN);
      colDots(a, b, n, k, out);
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += a[i * k + j] * b[i * k + j];
        if (k > 1) assert.equal(out[j], s, `k = ${k}, column ${j}`);
        else assert.ok(Math.abs(out[j] - s) <= 1e-12 * Math.abs(s), `k = 1`);
        assert.equal(columnDot(a, b, n, k, j), s, `columnDot k = ${k}, column ${j}`);
      }
    }
  });
});
