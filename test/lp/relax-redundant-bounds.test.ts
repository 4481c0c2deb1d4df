import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHighsSolver } from '../../src/lp/highs/index.js';
import { hasLargeBound, relaxRedundantBounds } from '../../src/lp/relax-redundant-bounds.js';
import { lpFromDense } from './backends.case.js';

const inf = Infinity;

describe('relaxRedundantBounds', () => {
  test('an LP without bounds of 1e20 or more comes back as it is', () => {
    const lp = lpFromDense({ sense: 'max', c: [3, 2], A: [[1, 1]], rowLower: [-inf], rowUpper: [4], colUpper: [1e19, inf] });
    assert.equal(relaxRedundantBounds(lp), lp);
  });

  test('large bounds that small ones imply go; small bounds and large ones that could bind stay', () => {
    // x + y ≤ 4 (x, y ≥ 0) implies x ≤ 4 and y ≤ 4: x ≤ 1e30 goes, and so does the row
    // x + y ≤ 1e25. z ≥ 0 keeps the row z ≥ −1e22 clear, so that goes too; nothing small bounds z
    // from above, so z ≤ 1e21 stays.
    const lp = lpFromDense({
      sense: 'max',
      c: [3, 2, 1],
      A: [
        [1, 1, 0],
        [1, 1, 0],
        [0, 0, 1],
      ],
      rowLower: [-inf, -inf, -1e22],
      rowUpper: [4, 1e25, inf],
      colUpper: [1e30, inf, 1e21],
    });
    const r = relaxRedundantBounds(lp);
    assert.deepEqual(Array.from(r.colUpper), [inf, inf, 1e21]);
    assert.deepEqual(Array.from(r.rowUpper), [4, inf, inf]);
    assert.deepEqual(Array.from(r.rowLower), [-inf, -inf, -inf]);
    assert.equal(hasLargeBound(r), true, 'z ≤ 1e21 is real data');
    assert.deepEqual(Array.from(lp.colUpper), [1e30, inf, 1e21], 'the input is not changed');
  });

  test('two large bounds that imply each other both stay (no removal rests on another removed bound)', () => {
    const lp = lpFromDense({ sense: 'max', c: [1], A: [[1]], rowLower: [-inf], rowUpper: [1e25], colUpper: [1e25] });
    const r = relaxRedundantBounds(lp);
    assert.equal(r.rowUpper[0], 1e25);
    assert.equal(r.colUpper[0], 1e25);
  });

  test('the optimum and the duals are the same with and without the redundant bounds', async () => {
    const highs = createHighsSolver({ method: 'simplex', scale: false });
    const lp = lpFromDense({ sense: 'max', c: [3, 2], A: [[1, 1], [1, 3], [1, 1]], rowLower: [-inf, -inf, -1e30], rowUpper: [4, 6, 1e30], colUpper: [1e30, 1e30] });
    const r = relaxRedundantBounds(lp);
    assert.equal(hasLargeBound(r), false);
    const s = await highs.solve(r);
    assert.equal(s.status, 'optimal');
    assert.equal(s.objective, 12);
    assert.deepEqual(Array.from(s.rowDual), [3, 0, 0]);
  });
});
