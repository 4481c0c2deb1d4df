import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAnswer } from '../../bench/plan-gen/check-answer.js';
import type { LinearProgram } from '../../src/lp/lp-types.js';

/** max x0 + x1 s.t. x0 + x1 ≤ 30 (a small row), 1e7·x0 − 1e7·x1 ≥ 0 (a large one), x ≥ 0, x0 ≤ 2e7. */
const lp: LinearProgram = {
  sense: 'max',
  c: Float64Array.of(1, 1),
  A: { rows: 2, cols: 2, rowPtr: Int32Array.of(0, 2, 4), colIdx: Int32Array.of(0, 1, 0, 1), values: Float64Array.of(1, 1, 1e7, -1e7) },
  rowLower: Float64Array.of(-Infinity, 0),
  rowUpper: Float64Array.of(30, Infinity),
  colLower: Float64Array.of(0, 0),
  colUpper: Float64Array.of(2e7, Infinity),
};

test('checkAnswer: objective, per-row and global primal residuals, stationarity, from the LP alone', () => {
  // Optimal: x = (15, 15), y = (1, 0), z = 0.
  const ok = checkAnswer(lp, Float64Array.of(15, 15), Float64Array.of(1, 0), Float64Array.of(0, 0));
  assert.equal(ok.objective, 30);
  assert.equal(ok.primal, 0);
  assert.equal(ok.primalGlobal, 0);
  assert.equal(ok.stationarity, 0);
  // Short by 14 on the small row: per row 14 / (1 + max(30, 44)) = 0.311; globally 14 / (1 + 2e7).
  const bad = checkAnswer(lp, Float64Array.of(22, 22), Float64Array.of(0.5, 0), Float64Array.of(0, 0));
  assert.ok(Math.abs(bad.primal - 14 / 45) < 1e-12, String(bad.primal));
  assert.ok(Math.abs(bad.primalGlobal - 14 / (1 + 2e7)) < 1e-15);
  // c − Aᵀy = (0.5, 0.5): relative to 1 + ‖c‖∞ = 2.
  assert.equal(bad.stationarity, 0.25);
});
