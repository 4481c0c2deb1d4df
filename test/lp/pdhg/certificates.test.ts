import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHighsSolver } from '../../../src/lp/highs/index.js';
import type { LinearProgram, LpSolution, LpStatus } from '../../../src/lp/lp-types.js';
import { solvePdhg } from '../../../src/lp/pdhg/index.js';
import { csrFromTriplets } from '../../../src/sparse/from-triplets.js';
import { seededRandom } from '../../helpers/random.js';
import { denseLp } from './dense-lp.js';

const inf = Infinity;

/** Every number of a solution is finite (a status that is not optimal still carries no NaN or ±Infinity). */
function assertFinite(s: LpSolution): void {
  for (const [name, v] of [['x', s.x], ['rowDual', s.rowDual], ['colDual', s.colDual], ['rowActivity', s.rowActivity]] as const) {
    v.forEach((x, k) => assert.ok(Number.isFinite(x), `${name}[${k}] = ${x}`));
  }
  assert.ok(Number.isFinite(s.objective), `objective ${s.objective}`);
}

describe('solvePdhg: certificates are checked before they are reported', () => {
  // x + y ≥ 5 and x + y ≤ 3 with x free: infeasible whatever the objective. With min x (or max y)
  // a primal ray exists too (x → −∞, y → +∞), and PDHG used to call it unbounded.
  const objectives: [string, 'min' | 'max', number[]][] = [
    ['min x', 'min', [1, 0]],
    ['max y', 'max', [0, 1]],
    ['min x + y', 'min', [1, 1]],
    ['max x − y', 'max', [1, -1]],
    ['no objective', 'min', [0, 0]],
  ];
  for (const [name, sense, c] of objectives) {
    test(`x + y ≥ 5, x + y ≤ 3, x free, ${name}: infeasible, never unbounded`, () => {
      const lp = denseLp({ sense, c, A: [[1, 1], [1, 1]], rowLower: [5, -inf], rowUpper: [inf, 3], colLower: [-inf, 0] });
      const s = solvePdhg(lp);
      assert.equal(s.status, 'infeasible', s.message);
      assert.match(s.message ?? '', /dual ray proves the constraints infeasible/);
    });
  }

  test('unbounded needs a feasible point as well as a primal ray: max x + y, x − y ≤ 1', () => {
    const s = solvePdhg(denseLp({ sense: 'max', c: [1, 1], A: [[1, -1]], rowUpper: [1] }));
    assert.equal(s.status, 'unbounded');
    assert.match(s.message ?? '', /feasible point and a primal ray/);
  });

  test('on small random LPs (seeded), every certificate PDHG reports agrees with HiGHS', async () => {
    const highs = createHighsSolver({ method: 'simplex' });
    const rand = seededRandom(9);
    const counts = new Map<string, number>();
    for (let k = 0; k < 150; k++) {
      const lp = randomSmallLp(rand);
      const s = solvePdhg(lp, { maxIterations: 20_000 });
      const truth = await classify(highs, lp);
      counts.set(`${truth}→${s.status}`, (counts.get(`${truth}→${s.status}`) ?? 0) + 1);
      if (s.status === 'optimal' || s.status === 'infeasible' || s.status === 'unbounded') assert.equal(s.status, truth, `case ${k}: PDHG says ${s.status} (${s.message ?? ''}), HiGHS ${truth}`);
      else assert.ok(['iteration-limit', 'unknown', 'infeasible-or-unbounded'].includes(s.status) && truth !== 'optimal', `case ${k}: ${truth} → ${s.status}`);
      assertFinite(s);
    }
    // Most cases are decided, in every class.
    for (const status of ['optimal', 'infeasible', 'unbounded'] as const) assert.ok((counts.get(`${status}→${status}`) ?? 0) >= 20, [...counts].join(', '));
  });
});

describe('solvePdhg: divergence stops with a status, never with garbage', () => {
  // A seeded random LP on which PDHG's iterates grow without bound (to 1e68 in 10^6 iterations,
  // the run reached reduced costs of −1.8e282) while no ray passes the tests: min 2 x − 2 z,
  // −5 ≤ −3 y + 2 z ≤ 0, 3 x + y ≥ 2, all free (unbounded along (0, 2, 3)).
  const lp = denseLp({
    sense: 'min',
    c: [2, 0, -2],
    A: [[-3, 2, 2], [0, 2, 3], [0, -3, 2], [3, 1, 0]],
    rowLower: [-inf, -inf, -5, 2],
    rowUpper: [inf, inf, 0, inf],
    colLower: [-inf, -inf, -inf],
  });

  test('stops long before the iteration limit, says why, and returns finite numbers', () => {
    const s = solvePdhg(lp);
    assert.ok(s.iterations < 100_000, `${s.iterations} iterations`);
    assert.ok(['unbounded', 'unknown', 'infeasible-or-unbounded'].includes(s.status), `status ${s.status}`);
    assert.match(s.message ?? '', /diverged|primal ray/);
    assertFinite(s);
  });
});

describe('solvePdhg: a limit of 1e25 that does not bind', () => {
  // The maxmin plan of one milling machine (3 days, 10 parts a day) with an energy limit of 1e25:
  // max λ with 10 a − d ≥ 0, a ≤ 3, a ≤ 1e25, d − λ ≥ 0. It used to stop at once with "optimal" λ = 0.
  test('λ = 30, the machine-day valued at 10, the energy at 0', () => {
    const lp = denseLp({ sense: 'max', c: [0, 0, 1], A: [[10, -1, 0], [1, 0, 0], [1, 0, 0], [0, 1, -1]], rowLower: [0, -inf, -inf, 0], rowUpper: [inf, 3, 1e25, inf] });
    const s = solvePdhg(lp, { gap: 1e-8 });
    assert.equal(s.status, 'optimal', s.message);
    assert.ok(Math.abs(s.objective - 30) < 1e-6, `λ = ${s.objective}`);
    assert.ok(Math.abs(s.rowDual[1] - 10) < 1e-5, `machine-day ${s.rowDual[1]}`);
    assert.ok(Math.abs(s.rowDual[2]) < 1e-12, `energy ${s.rowDual[2]}`);
  });
});

/** The truth by HiGHS: its status if certain; for infeasible-or-unbounded, a solve without objective decides. */
async function classify(highs: ReturnType<typeof createHighsSolver>, lp: LinearProgram): Promise<LpStatus> {
  const s = await highs.solve(lp);
  if (s.status === 'optimal' || s.status === 'infeasible' || s.status === 'unbounded') return s.status;
  const f = await highs.solve({ ...lp, c: new Float64Array(lp.A.cols) });
  return f.status === 'infeasible' ? 'infeasible' : f.status === 'optimal' ? 'unbounded' : s.status;
}

/** Up to 3 × 3, small integer entries, rows and columns of every kind (free, one-sided, ranged). */
function randomSmallLp(rand: () => number): LinearProgram {
  const m = 1 + Math.floor(rand() * 3);
  const n = 1 + Math.floor(rand() * 3);
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (rand() < 0.7) {
        ri.push(i);
        ci.push(j);
        va.push(Math.round((rand() - 0.5) * 6));
      }
    }
  }
  const side = (): number => {
    const k = rand();
    return k < 0.3 ? -inf : k < 0.6 ? inf : Math.round((rand() - 0.5) * 10);
  };
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let a = side();
    let b = side();
    if (a === inf) a = -inf;
    if (b === -inf) b = inf;
    if (a > b) [a, b] = [b, a];
    rowLower[i] = a;
    rowUpper[i] = b;
  }
  const colLower = Float64Array.from({ length: n }, () => (rand() < 0.4 ? -inf : 0));
  const colUpper = Float64Array.from({ length: n }, () => (rand() < 0.7 ? inf : 5));
  const c = Float64Array.from({ length: n }, () => Math.round((rand() - 0.5) * 6));
  return { sense: rand() < 0.5 ? 'min' : 'max', c, A: csrFromTriplets(m, n, ri, ci, va), rowLower, rowUpper, colLower, colUpper };
}
