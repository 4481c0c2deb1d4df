import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/model/errors.js';
import { checkSolution } from '../../../src/lp/check-solution.js';
import { createHighsSolver, highsSolver, statusFromHighs } from '../../../src/lp/highs/index.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { lpFromDense, randomFeasibleLp } from '../backends.case.js';

describe('statusFromHighs', () => {
  test('every HiGHS model status maps to a Plenty status', () => {
    const expected = ['error', 'error', 'error', 'error', 'error', 'error', 'optimal', 'optimal', 'infeasible', 'infeasible-or-unbounded', 'unbounded', 'unknown', 'unknown', 'time-limit', 'iteration-limit', 'unknown', 'unknown', 'unknown'];
    expected.forEach((s, code) => assert.equal(statusFromHighs(code), s, `code ${code}`));
  });
});

describe('highsSolver', () => {
  const medium = randomFeasibleLp(11, 150, 200, 0.05);

  test('auto method: simplex for small LPs, interior point above the threshold; same optimum', async () => {
    const small = await highsSolver.solve(medium);
    assert.equal(small.solver, 'highs-simplex');
    const ipm = await createHighsSolver({ simplexUpToNonZeros: 10 }).solve(medium);
    assert.equal(ipm.solver, 'highs-ipm');
    assert.equal(small.status, 'optimal');
    assert.equal(ipm.status, 'optimal');
    assert.ok(Math.abs(small.objective - ipm.objective) <= 1e-7 * (1 + Math.abs(small.objective)));
  });

  test('progress: iteration counts from HiGHS, never decreasing, up to the final count', async () => {
    const seen: number[] = [];
    const s = await createHighsSolver({ progressIntervalMs: 0 }).solve(medium, { method: 'simplex', onProgress: (p) => seen.push(p.iteration) });
    assert.equal(s.status, 'optimal');
    assert.ok(seen.length > 0, 'some progress was reported');
    for (let k = 1; k < seen.length; k++) assert.ok(seen[k] >= seen[k - 1]);
    assert.ok(seen[seen.length - 1] <= s.iterations);
  });

  test('solves at the same time in separate workers give the answers of solves one by one', async () => {
    const lps = [1, 2, 3, 4].map((seed) => randomFeasibleLp(seed, 40, 60, 0.1));
    const one: { objective: number }[] = [];
    for (const lp of lps) one.push(await highsSolver.solve(lp));
    const all = await Promise.all(lps.map((lp) => highsSolver.solve(lp)));
    all.forEach((s, k) => {
      assert.equal(s.status, 'optimal');
      assert.ok(Math.abs(s.objective - one[k].objective) <= 1e-9 * (1 + Math.abs(one[k].objective)));
    });
  });

  test('an abort signal ends the solve with status error "cancelled"; the next solve works', async () => {
    const controller = new AbortController();
    const pending = highsSolver.solve(medium, { signal: controller.signal } as Parameters<typeof highsSolver.solve>[1]);
    controller.abort();
    const s = await pending;
    assert.equal(s.status, 'error');
    assert.equal(s.message, 'cancelled');
    const next = await highsSolver.solve(medium);
    assert.equal(next.status, 'optimal');
  });

  test('a NaN, an infinite or a too large number in the LP is the caller’s mistake (InputError naming it); the next solve works', async () => {
    const cases: [string, LinearProgram, RegExp][] = [
      ['NaN cost', { ...medium, c: Float64Array.from(medium.c, (v, j) => (j === 3 ? Number.NaN : v)) }, /c\[3\] must be a number \(not NaN\)/],
      ['entry of 1e308', { ...medium, A: { ...medium.A, values: Float64Array.from(medium.A.values, (v, k) => (k === 0 ? 1e308 : v)) } }, /A\.values\[0\] \(row 0, column \d+\) must be at most 1e30 in magnitude/],
      ['upper bound of −Infinity', { ...medium, colUpper: Float64Array.from(medium.colUpper, (v, j) => (j === 1 ? -Infinity : v)) }, /colUpper\[1\] of -Infinity leaves no feasible value/],
    ];
    for (const [name, lp, message] of cases) {
      await assert.rejects(highsSolver.solve(lp), (e: unknown) => e instanceof InputError && message.test(e.message), name);
    }
    assert.equal((await highsSolver.solve(medium)).status, 'optimal');
  });

  test('a time limit beyond what a timer holds (2e6 s) is honoured: optimal, no timer warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const s = await highsSolver.solve(medium, { timeLimit: 2e6 });
      assert.equal(s.status, 'optimal', s.message);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  test('a time limit HiGHS cannot meet gives status time-limit, for every method', async () => {
    for (const method of ['simplex', 'ipm', 'pdlp']) {
      const s = await highsSolver.solve(medium, { method, timeLimit: 1e-6 });
      assert.equal(s.status, 'time-limit', method);
    }
  });

  test('an LP without constraints is optimal at its bounds', async () => {
    const lp = lpFromDense({ sense: 'max', c: [1, -2], A: [], rowLower: [], rowUpper: [], colLower: [0, -1], colUpper: [3, 4] });
    const s = await highsSolver.solve({ ...lp, A: { ...lp.A, cols: 2 } });
    assert.equal(s.status, 'optimal');
    assert.ok(Math.abs(s.objective - 5) < 1e-12);
    const check = checkSolution(lp, s.x, s.rowDual, s.colDual);
    assert.ok(check.relativeGap < 1e-12 && check.dualResidual < 1e-12);
  });

  test('an unknown method or a bad gap is the caller’s mistake (InputError)', async () => {
    await assert.rejects(highsSolver.solve(medium, { method: 'barrier' }), InputError);
    await assert.rejects(highsSolver.solve(medium, { gap: -1 }), InputError);
    assert.throws(() => createHighsSolver({ method: 'dual' as 'simplex' }), InputError);
  });
});
