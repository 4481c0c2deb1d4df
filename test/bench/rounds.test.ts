import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coldTiming } from '../../bench/rounds.js';
import type { SparseCaseResult } from '../../bench/sparse-case.js';
import type { TimedSolve } from '../../bench/timed-solve.js';

/** A checked timing whose first run took `first` s (CPU `cpu`) and the timed ones `warm`. */
function timing(first: number, cpu: number, warm: number[], ok = true): TimedSolve {
  return {
    status: 'converged',
    method: 'bicgstab',
    iterations: 10,
    products: 21,
    relativeResidual: 1e-11,
    reportedResidual: 1e-11,
    seconds: warm[0],
    cpuSeconds: warm[0],
    runs: warm,
    cpuRuns: warm,
    firstRunSeconds: first,
    firstRunCpuSeconds: cpu,
    peakBytes: 0,
    sampledPeakBytes: 0,
    ok,
  };
}

function round(first: 'gross' | 'labour', gross: TimedSolve, labour: TimedSolve): SparseCaseResult {
  return { n: 100, nnz: 2000, seed: 1, tolerance: 1e-10, generateSeconds: 0, writeSeconds: 0, generatePeakBytes: 0, first, kernel: false, gross, labour, identityDifference: 0 };
}

describe('coldTiming', () => {
  const rounds = [
    round('gross', timing(3, 2, [1]), timing(9, 9, [1])),
    round('labour', timing(8, 8, [1]), timing(4, 3, [1])),
    round('gross', timing(5, 4, [1]), timing(7, 7, [1])),
  ];

  test('takes the first run of a solve only from the rounds in which it came first in its process', () => {
    const gross = coldTiming(rounds, 'gross');
    assert.deepEqual(gross?.runs, [3, 5]);
    assert.deepEqual(gross?.cpuRuns, [2, 4]);
    assert.equal(gross?.seconds, 3, 'the lower middle of two');
    assert.equal(gross?.ok, true);
    const labour = coldTiming(rounds, 'labour');
    assert.deepEqual(labour?.runs, [4]);
    assert.equal(labour?.cpuSeconds, 3);
  });

  test('is undefined for a solve that never came first, and not ok when a cold run failed its check', () => {
    assert.equal(coldTiming(rounds.slice(0, 1), 'labour'), undefined);
    const failed = coldTiming([round('gross', timing(3, 2, [1], false), timing(1, 1, [1]))], 'gross');
    assert.equal(failed?.ok, false);
  });
});
