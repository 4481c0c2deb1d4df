import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { InputError } from '../../../src/model/errors.js';
import { checkSolution } from '../../../src/lp/check-solution.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { pdhgSolver, solvePdhg } from '../../../src/lp/pdhg/index.js';
import { fixture } from '../../helpers/paths.js';
import { denseLp } from './dense-lp.js';

const inf = Infinity;

function assertClose(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol * (1 + Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

/** The residuals the solver reports are the independent check's, and all within `tol`. */
function assertOptimal(lp: LinearProgram, r: ReturnType<typeof solvePdhg>, tol: number): void {
  assert.equal(r.status, 'optimal', r.message);
  const check = checkSolution(lp, r.x, r.rowDual, r.colDual);
  assert.ok(check.primalResidual <= tol, `primal residual ${check.primalResidual}`);
  assert.ok(check.dualResidual <= tol, `dual residual ${check.dualResidual}`);
  assert.ok(check.relativeGap <= tol, `gap ${check.relativeGap}`);
  assert.equal(r.primalResidual, check.primalResidual);
  assert.equal(r.relativeGap, check.relativeGap);
}

interface Kantorovich {
  machines: { type: string; count: number; part1_per_day: number; part2_per_day: number }[];
  expected: {
    z_lp: number;
    allocation_machine_days: Record<string, { part1: number; part2: number }>;
    machine_duals_per_machine_day: Record<string, number>;
  };
}

/** Kantorovich's machine tools: machine-days t[m][part] and z; max z with both parts ≥ z. */
function kantorovichLp(k: Kantorovich): LinearProgram {
  const M = k.machines.length;
  const n = 2 * M + 1;
  const rows: number[][] = [];
  for (let m = 0; m < M; m++) {
    const r = new Array<number>(n).fill(0);
    r[2 * m] = 1;
    r[2 * m + 1] = 1;
    rows.push(r);
  }
  for (const part of [0, 1]) {
    const r = new Array<number>(n).fill(0);
    for (let m = 0; m < M; m++) r[2 * m + part] = part === 0 ? k.machines[m].part1_per_day : k.machines[m].part2_per_day;
    r[n - 1] = -1;
    rows.push(r);
  }
  const c = new Array<number>(n).fill(0);
  c[n - 1] = 1;
  return denseLp({
    sense: 'max',
    c,
    A: rows,
    rowLower: [...k.machines.map(() => -inf), 0, 0],
    rowUpper: [...k.machines.map((mc) => mc.count), inf, inf],
  });
}

describe('solvePdhg: Kantorovich 1939, machine tools', () => {
  const k = (JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, Kantorovich>).kantorovich_1939_machine_tools;
  const lp = kantorovichLp(k);
  const r = solvePdhg(lp, { gap: 1e-8 });

  test('86⅔ complete sets, to gap 1e-8', () => {
    assertOptimal(lp, r, 1e-8);
    assertClose(r.objective, k.expected.z_lp, 1e-7, 'z');
  });

  test('the published allocation of machine-days', () => {
    k.machines.forEach((mc, m) => {
      const a = k.expected.allocation_machine_days[mc.type];
      assertClose(r.x[2 * m], a.part1, 1e-6, `${mc.type} part 1`);
      assertClose(r.x[2 * m + 1], a.part2, 1e-6, `${mc.type} part 2`);
    });
  });

  test('machine valuations 6.667 / 13.333 / 26.667 in the max convention, and Σ duals × counts = z', () => {
    let total = 0;
    k.machines.forEach((mc, m) => {
      assertClose(r.rowDual[m], k.expected.machine_duals_per_machine_day[mc.type], 1e-6, mc.type);
      total += r.rowDual[m] * mc.count;
    });
    assertClose(total, k.expected.z_lp, 1e-7, 'Σ duals × counts');
    // Requiring one more set of a part costs the objective: negative duals, normalised 2/3 and 1/3.
    assert.ok(r.rowDual[3] < 0 && r.rowDual[4] < 0);
    assertClose(r.rowDual[3] / (r.rowDual[3] + r.rowDual[4]), 2 / 3, 1e-6, 'part 1 multiplier');
  });

  test('the same LP as a minimisation of −z has the negated objective and negated duals', () => {
    const min: LinearProgram = { ...lp, sense: 'min', c: lp.c.map((v) => -v) };
    const s = solvePdhg(min, { gap: 1e-8 });
    assertOptimal(min, s, 1e-8);
    assertClose(s.objective, -r.objective, 1e-7, 'objective');
    for (let i = 0; i < 3; i++) assertClose(s.rowDual[i], -r.rowDual[i], 1e-6, `dual ${i}`);
  });
});

describe('solvePdhg: small LPs with known optima', () => {
  test('min with an equality row and a ranged row: x = (5, 1, 0), objective 7, duals (1, 1)', () => {
    const lp = denseLp({
      sense: 'min',
      c: [1, 2, 3],
      A: [
        [1, 1, 1],
        [0, 1, -1],
      ],
      rowLower: [6, 1],
      rowUpper: [6, 2],
    });
    const r = solvePdhg(lp, { gap: 1e-8 });
    assertOptimal(lp, r, 1e-8);
    assertClose(r.objective, 7, 1e-7, 'objective');
    [5, 1, 0].forEach((v, j) => assertClose(r.x[j], v, 1e-6, `x${j}`));
    assertClose(r.rowDual[0], 1, 1e-6, 'equality dual');
    assertClose(r.rowDual[1], 1, 1e-6, 'ranged dual (lower side binds)');
  });

  test('a free variable: x = (2, 1), objective 4, duals 1.5 (≥ row) and −0.5 (≤ row)', () => {
    const lp = denseLp({
      sense: 'min',
      c: [1, 2],
      A: [
        [1, 1],
        [1, -1],
      ],
      rowLower: [3, -inf],
      rowUpper: [inf, 1],
      colLower: [-inf, 0],
    });
    const r = solvePdhg(lp, { gap: 1e-8 });
    assertOptimal(lp, r, 1e-8);
    assertClose(r.objective, 4, 1e-7, 'objective');
    assertClose(r.x[0], 2, 1e-6, 'x0');
    assertClose(r.x[1], 1, 1e-6, 'x1');
    assertClose(r.rowDual[0], 1.5, 1e-6, 'y0');
    assertClose(r.rowDual[1], -0.5, 1e-6, 'y1');
  });

  test('max with a binding column bound: objective 11, reduced cost 1 on x ≤ 3', () => {
    const lp = denseLp({
      sense: 'max',
      c: [3, 2],
      A: [
        [1, 1],
        [1, 3],
      ],
      rowUpper: [4, 7],
      colUpper: [3, inf],
    });
    const r = solvePdhg(lp, { gap: 1e-8 });
    assertOptimal(lp, r, 1e-8);
    assertClose(r.objective, 11, 1e-7, 'objective');
    assertClose(r.rowDual[0], 2, 1e-6, 'y0');
    assertClose(r.rowDual[1], 0, 1e-6, 'y1 (slack row)');
    assertClose(r.colDual[0], 1, 1e-6, 'reduced cost of x0 at its upper bound');
    assertClose(r.colDual[1], 0, 1e-6, 'reduced cost of basic x1');
  });

  test('offset is added to the objective', () => {
    const lp: LinearProgram = { ...denseLp({ sense: 'min', c: [1], A: [[1]], rowLower: [2] }), offset: 10 };
    const r = solvePdhg(lp, { gap: 1e-8 });
    assertOptimal(lp, r, 1e-8);
    assertClose(r.objective, 12, 1e-7, 'objective');
  });
});

describe('solvePdhg: infeasible and unbounded', () => {
  test('x + y ≤ 1 and x + y ≥ 2 is infeasible', () => {
    const lp = denseLp({ sense: 'min', c: [1, 1], A: [[1, 1], [1, 1]], rowLower: [-inf, 2], rowUpper: [1, inf] });
    assert.equal(solvePdhg(lp).status, 'infeasible');
  });

  test('an equality system with no non-negative solution is infeasible', () => {
    const lp = denseLp({ sense: 'max', c: [1, 0, 0], A: [[1, 1, 0], [0, 1, 1], [1, 0, 1]], rowLower: [1, 1, -1], rowUpper: [1, 1, -1] });
    assert.equal(solvePdhg(lp).status, 'infeasible');
  });

  test('max x + y with x − y ≤ 1 is unbounded', () => {
    const lp = denseLp({ sense: 'max', c: [1, 1], A: [[1, -1]], rowUpper: [1] });
    assert.equal(solvePdhg(lp).status, 'unbounded');
  });

  test('min of a free variable with a lower-bounded row is unbounded', () => {
    const lp = denseLp({ sense: 'min', c: [1, 0], A: [[1, 1]], rowUpper: [5], colLower: [-inf, 0] });
    assert.equal(solvePdhg(lp).status, 'unbounded');
  });

  test('crossed bounds are infeasible at once', () => {
    const lp = denseLp({ sense: 'min', c: [1], A: [[1]], colLower: [2], colUpper: [1] });
    assert.equal(solvePdhg(lp).status, 'infeasible');
  });
});

describe('solvePdhg: limits, progress and bad input', () => {
  const k = (JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, Kantorovich>).kantorovich_1939_machine_tools;
  const lp = kantorovichLp(k);

  test('an iteration limit returns the best iterate with its honest residuals', () => {
    const r = solvePdhg(lp, { gap: 1e-12, maxIterations: 10, evaluationFrequency: 5 });
    assert.equal(r.status, 'iteration-limit');
    const check = checkSolution(lp, r.x, r.rowDual, r.colDual);
    assert.equal(r.dualResidual, check.dualResidual);
    assert.ok(Math.max(check.primalResidual, check.dualResidual, check.relativeGap) > 1e-12);
  });

  test('a time limit of zero stops at the first evaluation with status time-limit', () => {
    const r = solvePdhg(lp, { gap: 1e-12, timeLimit: 0 });
    assert.equal(r.status, 'time-limit');
    assert.ok(Number.isFinite(r.primalResidual) && Number.isFinite(r.dualResidual));
  });

  test('progress is reported at each evaluation with falling residuals overall', () => {
    const seen: number[] = [];
    const r = solvePdhg(lp, { gap: 1e-8, evaluationFrequency: 50, onProgress: (p) => seen.push(Math.max(p.relativeGap ?? 0, p.primalResidual ?? 0, p.dualResidual ?? 0)) });
    assert.equal(r.status, 'optimal');
    assert.equal(seen.length, Math.ceil(r.iterations / 50));
    assert.ok(seen[seen.length - 1] <= 1e-8 && seen[0] > seen[seen.length - 1]);
  });

  test('the LpSolver backend: quick method stops at 1e-4', async () => {
    const r = await pdhgSolver.solve(lp, { method: 'quick' });
    assert.equal(r.solver, 'pdhg');
    assert.ok(r.relativeGap <= 1e-4 && r.primalResidual <= 1e-4 && r.dualResidual <= 1e-4);
  });

  test('a NaN objective coefficient is an InputError naming c[1]', () => {
    const bad: LinearProgram = { ...lp, c: Float64Array.from([0, NaN, 0, 0, 0, 0, 1]) };
    assert.throws(() => solvePdhg(bad), (e: unknown) => e instanceof InputError && /c\[1\]/.test(e.message));
  });
});
