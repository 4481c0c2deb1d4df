import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eliminateFixed, eliminatingSolver } from '../../src/execution/index.js';
import { checkSolution } from '../../src/lp/check-solution.js';
import { highsSolver } from '../../src/lp/index.js';
import { lpFromDense } from '../lp/backends.case.js';
import { assertClose } from './replan-case.js';

const INF = Infinity;

/**
 * max 3x + 2y + 5z with z fixed at 1 and w fixed at 2: x + y + z ≤ 5 (so x + y ≤ 4), x + 3y ≤ 6,
 * a free row, a row of fixed columns alone that holds (z + w ≥ 2), and w in no other row.
 */
const lp = lpFromDense({
  sense: 'max',
  c: [3, 2, 5, 1],
  A: [
    [1, 1, 1, 0],
    [1, 3, 0, 0],
    [1, -1, 1, 1],
    [0, 0, 1, 1],
  ],
  rowLower: [-INF, -INF, -INF, 2],
  rowUpper: [5, 6, INF, INF],
  colLower: [0, 0, 1, 2],
  colUpper: [INF, INF, 1, 2],
});

describe('eliminateFixed: an LP without its fixed columns and free rows', () => {
  test('the reduced LP keeps the free columns and the rows that constrain them, with shifted bounds', () => {
    const e = eliminateFixed(lp);
    assert.deepEqual(Array.from(e.keptColumns), [0, 1]);
    assert.deepEqual(Array.from(e.keptRows), [0, 1]);
    assert.deepEqual(Array.from(e.lp.rowUpper), [4, 6]);
    assert.equal(e.lp.offset, 5 + 2);
  });

  test('solved through it, the answer is the original LP’s: objective, x, duals (c = Aᵀy + z)', async () => {
    const direct = await highsSolver.solve(lp);
    const reduced = await eliminatingSolver(highsSolver).solve(lp);
    assert.equal(reduced.status, 'optimal');
    assertClose(reduced.objective, direct.objective, 1e-9, 'objective');
    assertClose(reduced.objective, 3 * 4 + 5 + 2, 1e-9, 'objective');
    for (let j = 0; j < 4; j++) assertClose(reduced.x[j], direct.x[j], 1e-9, `x${j}`);
    assert.equal(reduced.rowActivity.length, 4);
    // The fixed z is worth its cost less the price of the row it takes room in: 5 − 3 = 2.
    assertClose(reduced.colDual[2], 2, 1e-9, 'reduced cost of z');
    assertClose(reduced.colDual[2], direct.colDual[2], 1e-9, 'reduced cost of z as HiGHS gives it');
    const check = checkSolution(lp, reduced.x, reduced.rowDual, reduced.colDual);
    assert.ok(check.primalResidual < 1e-12 && check.dualResidual < 1e-12 && check.relativeGap < 1e-12, JSON.stringify(check));
  });

  test('a row of fixed columns alone that breaks its bounds is kept: the LP stays infeasible', async () => {
    const bad = { ...lp, rowLower: Float64Array.from([-INF, -INF, -INF, 4]) };
    assert.deepEqual(Array.from(eliminateFixed(bad).keptRows), [0, 1, 3]);
    const r = await eliminatingSolver(highsSolver).solve(bad);
    assert.equal(r.status, 'infeasible');
  });
});
