import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixture } from '../../helpers/paths.js';
import { errorLines, runCli } from '../../helpers/run-cli.js';

describe('plenty lp solve', () => {
  test('a right-hand side of 1e25 is finite: objective −1e25, exit 0 (it printed −inf, status unbounded)', () => {
    const r = runCli('lp', 'solve', fixture('lp', 'big-rhs.mps'), '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { status: string; objective: number; variableValues: Record<string, { value: number }> };
    assert.equal(out.status, 'optimal');
    assert.equal(out.objective, -1e25);
    assert.equal(out.variableValues.x.value, 1e25);
  });

  test('an infeasible LP prints its status and no solution numbers, says what to do, exits 1', () => {
    for (const solver of ['highs', 'pdhg']) {
      const r = runCli('lp', 'solve', fixture('lp', 'infeasible-free.lp'), '--solver', solver);
      assert.equal(r.status, 1, solver);
      assert.match(r.stdout, /status +infeasible/, solver);
      assert.doesNotMatch(r.stdout, /objective|residual|unbounded/, solver);
      assert.equal(errorLines(r.stderr), 'error: the linear program is infeasible: no point satisfies every constraint and bound; check the constraints and bounds\n');
      const json = JSON.parse(runCli('lp', 'solve', fixture('lp', 'infeasible-free.lp'), '--solver', solver, '--json').stdout) as Record<string, unknown>;
      assert.equal(json.status, 'infeasible');
      for (const key of ['objective', 'variableValues', 'constraintValues', 'primalResidual']) assert.ok(!(key in json), `${solver}: no ${key} in the JSON`);
    }
  });

  test('an objective coefficient given twice in MPS is a located error naming both lines', () => {
    const r = runCli('lp', 'solve', fixture('lp', 'duplicate-objective.mps'));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /duplicate-objective\.mps:8:8: objective coefficient of "x" is given twice \(first on line 7, again on line 8\); give it once \(value: 2\)/);
  });

  test('--time-limit 2000000 is clamped to what a timer holds: optimal, no warning (it stopped at once with time-limit)', () => {
    const r = runCli('lp', 'solve', fixture('lp', 'afiro.mps'), '--time-limit', '2000000');
    assert.equal(r.status, 0);
    assert.equal(errorLines(r.stderr), '');
    assert.match(r.stdout, /status +optimal/);
  });

  test('a time limit or gap that is not a positive number within 1e30 is a usage error naming the flag', () => {
    for (const [flag, value] of [['--time-limit', '-1'], ['--time-limit', 'inf'], ['--time-limit', 'NaN'], ['--time-limit', '1e31'], ['--time-limit', ''], ['--gap', '0']]) {
      const r = runCli('lp', 'solve', fixture('lp', 'afiro.mps'), flag, value);
      assert.equal(r.status, 1, `${flag} ${value}`);
      assert.equal(errorLines(r.stderr), `error: ${flag} must be a positive number, at most 1e30 (got "${value}")\n`);
    }
  });
});
