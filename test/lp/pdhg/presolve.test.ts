import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSolution } from '../../../src/lp/check-solution.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { solvePdhg } from '../../../src/lp/pdhg/index.js';
import { presolve } from '../../../src/lp/pdhg/presolve.js';
import { csrFromTriplets as csr } from '../../../src/sparse/from-triplets.js';

const inf = Infinity;

/**
 * min −x − 2y + 3w + v  with  x + y ≤ 4; 2y ≤ 6 (a singleton row: y ≤ 3); −x ≤ −1 (x ≥ 1);
 * z = 2 in a row [2, 2] with z fixed at 2 (empty once z is fixed); w ≥ 1 in no row; x + v ≤ 8 with
 * v fixed at 5 (a singleton row: x ≤ 3). Optimum x = 1, y = 3, z = 2, w = 1, v = 5: objective 1.
 */
function small(): LinearProgram {
  // columns: x, y, z, w, v
  return {
    sense: 'min',
    c: Float64Array.from([-1, -2, 0, 3, 1]),
    A: csr(5, 5, [0, 0, 1, 2, 3, 4, 4], [0, 1, 1, 0, 2, 0, 4], [1, 1, 2, -1, 1, 1, 1]),
    rowLower: Float64Array.from([-inf, -inf, -inf, 2, -inf]),
    rowUpper: Float64Array.from([4, 6, -1, 2, 8]),
    colLower: Float64Array.from([0, 0, 2, 1, 5]),
    colUpper: Float64Array.from([inf, inf, 2, inf, 5]),
  };
}

describe('presolve', () => {
  test('removes the fixed, singleton and empty parts and keeps one row with x and y', () => {
    const p = presolve(small());
    assert.ok(p !== undefined);
    // Rows 1, 2 and 4 are singletons (4 once v is fixed), row 3 empty once z is fixed; z and v
    // fixed, w without entries.
    assert.equal(p.removedRows, 4);
    assert.equal(p.removedCols, 3);
    assert.deepEqual(Array.from(p.reduced.colLower), [1, 0]);
    assert.deepEqual(Array.from(p.reduced.colUpper), [3, 3]);
    assert.deepEqual(Array.from(p.reduced.rowUpper), [4]);
    assert.equal(p.reduced.offset, 0 * 2 + 1 * 5 + 3 * 1);
  });

  test('PDHG with and without presolve: the same optimum, and the postsolved duals pass the independent check', () => {
    const lp = small();
    for (const on of [true, false]) {
      const r = solvePdhg(lp, { gap: 1e-9, presolve: on });
      assert.equal(r.status, 'optimal', r.message);
      assert.ok(Math.abs(r.objective - 1) <= 1e-7, `${on}: ${r.objective}`);
      const check = checkSolution(lp, r.x, r.rowDual, r.colDual);
      assert.ok(Math.max(check.primalResidual, check.dualResidual, check.relativeGap) <= 1e-8, JSON.stringify(check));
      assert.ok(Math.abs(r.x[0] - 1) <= 1e-6 && Math.abs(r.x[1] - 3) <= 1e-6);
    }
  });

  test('nothing to remove, or a row that cannot hold: undefined (PDHG decides)', () => {
    const plain: LinearProgram = {
      sense: 'max',
      c: Float64Array.from([1, 1]),
      A: csr(1, 2, [0, 0], [0, 1], [1, 2]),
      rowLower: Float64Array.from([-inf]),
      rowUpper: Float64Array.from([4]),
      colLower: Float64Array.from([0, 0]),
      colUpper: Float64Array.from([inf, inf]),
    };
    assert.equal(presolve(plain), undefined);
    const crossing: LinearProgram = { ...plain, A: csr(1, 2, [0], [0], [1]), rowLower: Float64Array.from([5]), rowUpper: Float64Array.from([inf]), colUpper: Float64Array.from([3, inf]) };
    assert.equal(presolve(crossing), undefined);
    const r = solvePdhg(crossing);
    assert.equal(r.status, 'infeasible');
  });

  test('a matrix whose rows list columns out of order or twice reduces to the same matrix as a sorted one', () => {
    const lp = small();
    const sorted = presolve(lp);
    // The same entries with row 0's y split into two halves, one before x and one after.
    const A = { rows: 5, cols: 5, rowPtr: Int32Array.from([0, 3, 4, 5, 6, 8]), colIdx: Int32Array.from([1, 0, 1, 1, 0, 2, 0, 4]), values: Float64Array.from([0.5, 1, 0.5, 2, -1, 1, 1, 1]) };
    const shuffled = presolve({ ...lp, A });
    assert.ok(sorted !== undefined && shuffled !== undefined);
    for (const key of ['rowPtr', 'colIdx', 'values'] as const) assert.deepEqual(Array.from(shuffled.reduced.A[key]), Array.from(sorted.reduced.A[key]), key);
    assert.deepEqual(Array.from(shuffled.reduced.colUpper), Array.from(sorted.reduced.colUpper));
  });
});
