import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nonProductiveLoops } from '../../src/leontief/index.js';
import { csrFromDense } from '../../src/sparse/index.js';

describe('nonProductiveLoops', () => {
  test('names the loops whose own spectral radius is at least 1 − 1e-6, smallest first', () => {
    // Items 0–1: a productive loop (0.5 · 0.5). Items 2–3: a uses 2 b, b uses 0.5 a (ρ = 1),
    // fed by item 0. Item 4: needs 1.2 of itself. Item 5: on no loop.
    const n = 6;
    const a = new Float64Array(n * n);
    const set = (i: number, j: number, v: number) => (a[i * n + j] = v);
    set(0, 1, 0.5);
    set(1, 0, 0.5);
    set(0, 2, 0.1);
    set(3, 2, 2);
    set(2, 3, 0.5);
    set(4, 4, 1.2);
    set(4, 5, 0.3);
    assert.deepEqual(
      nonProductiveLoops(csrFromDense(n, n, a)).map((loop) => [...loop].sort()),
      [[4], [2, 3]],
    );
  });

  test('a productive economy has none', () => {
    assert.deepEqual(nonProductiveLoops(csrFromDense(2, 2, [0.2, 0.3, 0.4, 0.1])), []);
  });
});
