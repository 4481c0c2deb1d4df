import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { coefficientMultipliers, effects, grossOutput, labourValues, outputMultipliers, totalRequirements } from '../../src/leontief/index.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { randomProductiveCsr } from '../helpers/random.js';
import { issuesOf } from '../helpers/input-error.js';

const ids = (...names: string[]) => ({ ids: names, index: new Map(names.map((n, i) => [n, i])) });

describe('no number from a solve that did not succeed', () => {
  // a uses 2 b, b uses 0.5 a: ρ(A) = 1 exactly.
  const loop = { A: csrFromDense(2, 2, [0, 2, 0.5, 0]), primary: csrFromDense(1, 2, [1, 1]), resources: ids('labour'), items: ids('a', 'b') };

  test('a spectral radius of exactly 1: not productive, NaN, with the bounds (not max-iterations with labour values of −1.97e19)', () => {
    const g = grossOutput(loop, [10, 0]);
    assert.equal(g.status, 'not-productive');
    assert.ok(Array.from(g.x).every(Number.isNaN));
    assert.ok(g.spectralRadius !== undefined && g.spectralRadius.lower <= 1 && g.spectralRadius.upper >= 1);
    const v = labourValues(loop, 'labour', { finalDemand: [10, 0] });
    assert.equal(v.status, 'not-productive');
    assert.ok(Array.from(v.values).every(Number.isNaN));
    assert.ok(Number.isNaN(v.identity?.valueOfFinalDemand));
    assert.equal(outputMultipliers(loop).status, 'not-productive');
    assert.equal(totalRequirements(loop).status, 'not-productive');
  });

  test('did not converge: status max-iterations, NaN in place of the last iterate, and the bounds', () => {
    const A = randomProductiveCsr(60, 5, 11, 0.9);
    const y = new Float64Array(60).fill(1);
    const r = grossOutput(A, y, { maxIterations: 2 });
    assert.equal(r.status, 'max-iterations');
    assert.ok(Array.from(r.x).every(Number.isNaN));
    assert.ok(r.spectralRadius !== undefined && r.spectralRadius.upper < 1);
    const m = coefficientMultipliers(A, csrFromDense(2, 60, new Float64Array(120).fill(0.5)), { maxIterations: 2 });
    assert.equal(m.status, 'max-iterations');
    assert.ok(m.multipliers.every((row) => Array.from(row).every(Number.isNaN)));
    // The same system, given enough iterations, converges to finite numbers.
    assert.equal(grossOutput(A, y).status, 'converged');
  });
});

describe('results beyond the magnitude rule are InputErrors naming the item', () => {
  // b needs 1e20 a per unit, and a uses 1e11 hours of labour per unit: within the rule, but the
  // final demand 1e11 of b needs 1e31 of a, and b embodies 1e31 hours.
  const where = (i: number) => ({ file: 'm.yaml', line: 2 + i });
  const pair = { A: csrFromDense(2, 2, [0, 1e20, 0, 0]), primary: csrFromDense(1, 2, [1e11, 0]), resources: ids('labour'), items: ids('a', 'b'), itemLocation: where };

  test('gross output, located at the item', () => {
    const issues = issuesOf(() => grossOutput(pair, [0, 1e11]));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'out-of-range');
    assert.equal(issues[0].value, 1e31);
    assert.deepEqual(issues[0].location, { file: 'm.yaml', line: 2 });
    assert.match(issues[0].message, /the gross output of "a" is 1e\+31, beyond 1e30/);
    // A bare matrix: the item by index, the result's path.
    assert.deepEqual(issuesOf(() => grossOutput(pair.A, [0, 1e11]))[0].location, { path: ['x', 0] });
  });

  test('labour values (a transposed solve) and multipliers', () => {
    assert.match(issuesOf(() => labourValues(pair, 'labour'))[0].message, /the labour value of "b" is 1e\+31/);
    assert.match(issuesOf(() => coefficientMultipliers(pair, ['labour']))[0].message, /the multiplier of "b" is 1e\+31/);
  });

  test('the dense inverse', () => {
    // A chain of four items, each needing 1e11 of the one before: L_03 = 1e33.
    const A = csrFromDense(4, 4, [0, 1e11, 0, 0, 0, 0, 1e11, 0, 0, 0, 0, 1e11, 0, 0, 0, 0]);
    assert.match(issuesOf(() => totalRequirements(A))[0].message, /entry \(0, 3\) = 1e\+33, beyond 1e30/);
  });

  test('inputs beyond the rule are refused, named by entry', () => {
    const issues = issuesOf(() => grossOutput(pair.A, [0, 1e31]));
    assert.equal(issues[0].code, 'out-of-range');
    assert.deepEqual(issues[0].location.path, ['y', 1]);
    assert.match(issues[0].message, /y\[1\] must be at most 1e30/);
  });

  test('sums: the labour identity and effects', () => {
    const sys = { A: csrFromDense(1, 1, [0]), primary: csrFromDense(1, 1, [1e20]), resources: ids('labour'), items: ids('a') };
    assert.match(issuesOf(() => labourValues(sys, 'labour', { finalDemand: [1e20] }))[0].message, /v·y, the labour embodied in the final demand must be at most 1e30/);
    assert.match(issuesOf(() => effects([1e20, 1e20], [1e20, 1e20]))[0].message, /total m · y must be at most 1e30/);
  });
});

describe('a final demand beyond the rule is named by its item', () => {
  test('located where the item is defined', () => {
    const sys = { A: csrFromDense(1, 1, [0]), items: ids('a'), itemLocation: () => ({ file: 'm.yaml', line: 3 }) };
    const issues = issuesOf(() => grossOutput(sys, [2e30]));
    assert.deepEqual([issues[0].code, issues[0].location], ['out-of-range', { file: 'm.yaml', line: 3 }]);
    assert.match(issues[0].message, /the final demand for "a" must be at most 1e30/);
  });
});
