import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planningLp } from '../../../bench/lp/planning-lp.js';
import { checkSolution } from '../../../src/lp/check-solution.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { solvePdhg } from '../../../src/lp/pdhg/index.js';
import { csrFromTriplets as csr } from '../../../src/sparse/from-triplets.js';
import { scaleRows } from '../../../src/sparse/scale-rows.js';

describe('solvePdhg: seeded random planning LPs (maxmin)', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: 60 products solved to 1e-8; Σ duals × availability = λ`, () => {
      const lp = planningLp({ products: 60, seed });
      const r = solvePdhg(lp, { gap: 1e-8 });
      assert.equal(r.status, 'optimal', r.message);
      const check = checkSolution(lp, r.x, r.rowDual, r.colDual);
      assert.ok(Math.max(check.primalResidual, check.dualResidual, check.relativeGap) <= 1e-8);
      // The balance rows have right-hand side 0, so the objective is carried by the resources.
      let value = 0;
      for (let i = 60; i < lp.A.rows; i++) value += r.rowDual[i] * lp.rowUpper[i];
      assert.ok(Math.abs(value - r.objective) <= 1e-6 * (1 + r.objective), `${value} vs ${r.objective}`);
      assert.ok(r.objective > 0);
    });
  }

  test('metamorphic: a resource in thousandths (row × 1000) keeps λ and divides its dual by 1000', () => {
    const lp = planningLp({ products: 40, seed: 7 });
    const f = new Float64Array(lp.A.rows).fill(1);
    f[40] = 1000;
    const rowUpper = lp.rowUpper.slice();
    rowUpper[40] *= 1000;
    const scaled: LinearProgram = { ...lp, A: scaleRows(f, lp.A), rowUpper };
    const a = solvePdhg(lp, { gap: 1e-9 });
    const b = solvePdhg(scaled, { gap: 1e-9 });
    assert.equal(b.status, 'optimal');
    assert.ok(Math.abs(a.objective - b.objective) <= 1e-7 * (1 + a.objective));
    assert.ok(Math.abs(a.rowDual[40] - 1000 * b.rowDual[40]) <= 1e-6 * (1 + Math.abs(a.rowDual[40])));
  });

  test('metamorphic: reversing the order of variables and rows leaves λ unchanged', () => {
    const lp = planningLp({ products: 40, seed: 8 });
    const m = lp.A.rows;
    const n = lp.A.cols;
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < m; i++) {
      for (let p = lp.A.rowPtr[i]; p < lp.A.rowPtr[i + 1]; p++) {
        rows.push(m - 1 - i);
        cols.push(n - 1 - lp.A.colIdx[p]);
        vals.push(lp.A.values[p]);
      }
    }
    const rev = (v: Float64Array): Float64Array => v.slice().reverse();
    const permuted: LinearProgram = {
      sense: 'max',
      c: rev(lp.c),
      A: csr(m, n, rows, cols, vals),
      rowLower: rev(lp.rowLower),
      rowUpper: rev(lp.rowUpper),
      colLower: rev(lp.colLower),
      colUpper: rev(lp.colUpper),
    };
    const a = solvePdhg(lp, { gap: 1e-9 });
    const b = solvePdhg(permuted, { gap: 1e-9 });
    assert.equal(b.status, 'optimal');
    assert.ok(Math.abs(a.objective - b.objective) <= 1e-7 * (1 + a.objective));
  });
});
