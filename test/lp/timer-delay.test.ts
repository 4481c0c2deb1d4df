import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_TIMER_MS, timerDelay } from '../../src/lp/timer-delay.js';

describe('timerDelay', () => {
  test('delays a timer holds pass unchanged; longer ones are clamped to 2^31 − 1 ms, never to "at once"', () => {
    assert.equal(MAX_TIMER_MS, 2147483647);
    assert.equal(timerDelay(1500), 1500);
    assert.equal(timerDelay(2e6 * 1500 + 10_000), MAX_TIMER_MS);
    assert.equal(timerDelay(1e33), MAX_TIMER_MS);
    assert.equal(timerDelay(Infinity), MAX_TIMER_MS);
    assert.equal(timerDelay(-5), 0);
    assert.equal(timerDelay(Number.NaN), 0);
  });
});
