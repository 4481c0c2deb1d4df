import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { solveOptionsSchema } from '../../src/service/solve-options.js';

describe('solveOptionsSchema', () => {
  test('a time limit of any size up to 1e30 s is accepted (a timer is clamped where it is set)', () => {
    for (const timeLimit of [0.5, 2e6, 1e30]) assert.equal(solveOptionsSchema.safeParse({ timeLimit }).success, true, String(timeLimit));
  });

  test('a time limit or gap that is not a positive number within 1e30 is refused at its path', () => {
    for (const [field, value] of [['timeLimit', -1], ['timeLimit', 0], ['timeLimit', Infinity], ['timeLimit', Number.NaN], ['timeLimit', 1e31], ['gap', 1e31], ['timeLimit', '10']] as const) {
      const parsed = solveOptionsSchema.safeParse({ [field]: value });
      assert.equal(parsed.success, false, `${field} ${String(value)}`);
      assert.deepEqual(parsed.error?.issues[0].path, [field]);
    }
  });

  test('objective weights beyond 1e30 are refused at their path', () => {
    const parsed = solveOptionsSchema.safeParse({ objective: { kind: 'weighted', weights: { 1: 1e31 } } });
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues[0].path, ['objective', 'weights', '1']);
  });
});
