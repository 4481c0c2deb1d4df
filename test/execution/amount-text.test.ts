import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { amountText, deviationText } from '../../src/execution/index.js';

describe('numbers in alert messages', () => {
  test('amounts: six significant digits, thousands grouped, words from a billion, powers of ten only at the extremes', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [13179, '13,179'],
      [13179.25758, '13,179.3'],
      [13764912.4, '13,764,900'],
      [1957717.28, '1,957,720'],
      [0.5, '0.5'],
      [0.00012345, '0.00012345'],
      [-42.5, '−42.5'],
      [2.5e9, '2.5 billion'],
      [3.25e12, '3.25 trillion'],
      [6e29, '6e29'],
      [1.2e30, '1.2e30'],
      [3e-7, '3e−7'],
    ];
    for (const [x, want] of cases) assert.equal(amountText(x), want, String(x));
    for (let k = -6; k <= 30; k++) assert.doesNotMatch(amountText(1.37649 * 10 ** k), /e\+/);
  });

  test('deviations: signed, never 0.0% for a deviation that is not zero', () => {
    const cases: [number, string][] = [
      [0, '0%'],
      [-0.16, '−16.0%'],
      [0.0504, '+5.0%'],
      [-0.0000196, '−0.0020%'],
      [0.004, '+0.40%'],
      [-1e-9, '−1e−7%'],
      [655.28, '+65,528%'],
    ];
    for (const [d, want] of cases) assert.equal(deviationText(d), want, String(d));
  });
});
