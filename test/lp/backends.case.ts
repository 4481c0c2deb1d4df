/**
 * The shared test suite every LP solver backend runs (HiGHS's methods, PDHG): small LPs with known
 * optima in both senses, the dual sign convention of lp-types.ts checked by strong duality,
 * complementary slackness, signs and perturbation, Kantorovich's machine-tool problem, and random
 * feasible LPs from a seeded generator checked by checkSolution.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkSolution } from '../../src/lp/check-solution.js';
import type { LinearProgram, LpSolution, LpSolveOptions, LpSolver, LpStatus } from '../../src/lp/lp-types.js';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';
import { fixture } from '../helpers/paths.js';
import { seededRandom } from '../helpers/random.js';

export interface BackendSuiteOptions {
  /** Shown in the test names, e.g. "highs simplex". */
  readonly label: string;
  /** Passed to every solve (method, gap, time limit). */
  readonly solveOptions?: LpSolveOptions;
  /**
   * Relative tolerance for objectives, primal values, duals, residuals and the gap: about 1e-7 for
   * exact methods, about 10× the requested gap for first-order ones.
   */
  readonly tolerance: number;
  /**
   * Whether the backend must certify infeasibility and unboundedness. A first-order method may
   * instead stop without a certificate; it must then at least not claim an optimum.
   */
  readonly certifies?: boolean;
}

const INF = Infinity;

export interface DenseLp {
  readonly name?: string;
  readonly sense: 'min' | 'max';
  readonly c: readonly number[];
  readonly offset?: number;
  readonly A: readonly (readonly number[])[];
  readonly rowLower: readonly number[];
  readonly rowUpper: readonly number[];
  readonly colLower?: readonly number[];
  readonly colUpper?: readonly number[];
}

/** A LinearProgram from dense rows (columns default to x ≥ 0). */
export function lpFromDense(d: DenseLp): LinearProgram {
  const n = d.c.length;
  const m = d.A.length;
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  d.A.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== 0) {
        ri.push(i);
        ci.push(j);
        va.push(v);
      }
    }),
  );
  const lp: LinearProgram = {
    sense: d.sense,
    c: Float64Array.from(d.c),
    A: csrFromTriplets(m, n, ri, ci, va),
    rowLower: Float64Array.from(d.rowLower),
    rowUpper: Float64Array.from(d.rowUpper),
    colLower: Float64Array.from(d.colLower ?? new Array<number>(n).fill(0)),
    colUpper: Float64Array.from(d.colUpper ?? new Array<number>(n).fill(INF)),
  };
  return { ...lp, ...(d.offset !== undefined ? { offset: d.offset } : {}), ...(d.name !== undefined ? { name: d.name } : {}) };
}

/** The same LP with the objective's direction flipped and c negated: optimum negated, duals negated. */
export function flipSense(lp: LinearProgram): LinearProgram {
  return { ...lp, sense: lp.sense === 'max' ? 'min' : 'max', c: lp.c.map((v) => -v), offset: -(lp.offset ?? 0) };
}

interface KnownCase {
  readonly name: string;
  readonly lp: LinearProgram;
  readonly objective: number;
  readonly x: readonly number[];
  /** Unique optimal duals (the cases are non-degenerate). */
  readonly rowDual: readonly number[];
  readonly colDual: readonly number[];
}

/** Hand-made LPs with unique, non-degenerate optima; duals worked out by hand in Plenty's convention. */
function knownCases(): KnownCase[] {
  const resources = lpFromDense({ sense: 'max', c: [3, 2], A: [[1, 1], [1, 3]], rowLower: [-INF, -INF], rowUpper: [4, 6] });
  const demand = lpFromDense({ sense: 'min', c: [2, 3], A: [[1, 1], [1, 3]], rowLower: [4, 6], rowUpper: [INF, INF] });
  // x1 − x2 = 1, x1 + x2 ≥ 3, x2 free: x = (2, 1).
  const equalityFree = lpFromDense({ sense: 'min', c: [2, 1], A: [[1, -1], [1, 1]], rowLower: [1, 3], rowUpper: [1, INF], colLower: [0, -INF], colUpper: [INF, INF] });
  // 2 ≤ x + 2y ≤ 6, x ≤ 3: the max is at the upper side, the min at the lower.
  const rangedMax = lpFromDense({ sense: 'max', c: [1, 1], A: [[1, 2]], rowLower: [2], rowUpper: [6], colUpper: [3, INF] });
  const rangedMin = lpFromDense({ sense: 'min', c: [1, 1], A: [[1, 2]], rowLower: [2], rowUpper: [6], colUpper: [3, INF] });
  // x fixed at 2, an offset, a negative lower bound that does not bind.
  const fixed = lpFromDense({ sense: 'min', c: [3, 2, 1], offset: 10, A: [[1, 1, 0], [0, 1, 1]], rowLower: [5, 4], rowUpper: [INF, INF], colLower: [2, 0, -5], colUpper: [2, INF, INF] });
  const base: KnownCase[] = [
    { name: 'resource rows, max', lp: resources, objective: 12, x: [4, 0], rowDual: [3, 0], colDual: [0, -1] },
    { name: 'demand rows, min', lp: demand, objective: 9, x: [3, 1], rowDual: [1.5, 0.5], colDual: [0, 0] },
    { name: 'equality row and a free variable', lp: equalityFree, objective: 5, x: [2, 1], rowDual: [0.5, 1.5], colDual: [0, 0] },
    { name: 'ranged row at its upper side, max', lp: rangedMax, objective: 4.5, x: [3, 1.5], rowDual: [0.5], colDual: [0.5, 0] },
    { name: 'ranged row at its lower side, min', lp: rangedMin, objective: 1, x: [0, 1], rowDual: [0.5], colDual: [0.5, 0] },
    // y = 3 (x + y ≥ 5), then z = 1 (y + z ≥ 4; z is the cheaper): objective 10 + 6 + 6 + 1.
    { name: 'fixed variable and offset', lp: fixed, objective: 23, x: [2, 3, 1], rowDual: [1, 1], colDual: [2, 0, 0] },
  ];
  // Every case also in the other sense: objective, duals negated.
  return base.flatMap((k) => [
    k,
    { name: `${k.name} (sense flipped)`, lp: flipSense(k.lp), objective: -k.objective, x: k.x, rowDual: k.rowDual.map((v) => -v), colDual: k.colDual.map((v) => -v) },
  ]);
}

interface Kantorovich {
  readonly machines: readonly { type: string; count: number; part1_per_day: number; part2_per_day: number }[];
  readonly expected: { z_lp: number; machine_duals_per_machine_day: Record<string, number>; allocation_machine_days: Record<string, { part1: number; part2: number }> };
}

/**
 * Kantorovich's machine-tool problem: variables t[m][p] machine-days of machine m on part p, then z
 * (complete sets). Rows: machine m's days ≤ count; part p: Σ rate·t − z ≥ 0. Max z.
 */
export function kantorovichLp(k: Kantorovich): LinearProgram {
  const M = k.machines.length;
  const A: number[][] = [];
  for (let m = 0; m < M; m++) {
    const row = new Array<number>(2 * M + 1).fill(0);
    row[2 * m] = 1;
    row[2 * m + 1] = 1;
    A.push(row);
  }
  for (let p = 0; p < 2; p++) {
    const row = new Array<number>(2 * M + 1).fill(0);
    for (let m = 0; m < M; m++) row[2 * m + p] = p === 0 ? k.machines[m].part1_per_day : k.machines[m].part2_per_day;
    row[2 * M] = -1;
    A.push(row);
  }
  const c = new Array<number>(2 * M + 1).fill(0);
  c[2 * M] = 1;
  return lpFromDense({
    name: 'kantorovich',
    sense: 'max',
    c,
    A,
    rowLower: [...k.machines.map(() => -INF), 0, 0],
    rowUpper: [...k.machines.map((mc) => mc.count), INF, INF],
  });
}

export function loadKantorovich(): Kantorovich {
  const all = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, Kantorovich>;
  return all.kantorovich_1939_machine_tools;
}

/**
 * A random feasible, bounded LP: x0 in the box is feasible by construction (rows of every kind
 * around A·x0); every column is boxed, or has only a lower bound and a cost that keeps it bounded.
 */
export function randomFeasibleLp(seed: number, m: number, n: number, density: number): LinearProgram {
  const rand = seededRandom(seed);
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < m; i++) {
    ri.push(i);
    ci.push(Math.floor(rand() * n));
    va.push(0.5 + rand());
    for (let j = 0; j < n; j++) {
      if (rand() < density) {
        ri.push(i);
        ci.push(j);
        va.push((rand() - 0.3) * 4);
      }
    }
  }
  const A = csrFromTriplets(m, n, ri, ci, va);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  const c = new Float64Array(n);
  const x0 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    colLower[j] = rand() < 0.2 ? -1 - 2 * rand() : 0;
    const boxed = rand() < 0.7;
    colUpper[j] = boxed ? colLower[j] + 0.5 + 3 * rand() : INF;
    c[j] = boxed ? (rand() - 0.5) * 10 : 0.5 + 5 * rand();
    x0[j] = colLower[j] + rand() * (boxed ? colUpper[j] - colLower[j] : 2);
  }
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let ax = 0;
    for (let k = A.rowPtr[i]; k < A.rowPtr[i + 1]; k++) ax += A.values[k] * x0[A.colIdx[k]];
    const kind = rand();
    if (kind < 0.4) {
      rowLower[i] = -INF;
      rowUpper[i] = ax + rand();
    } else if (kind < 0.7) {
      rowLower[i] = ax - rand();
      rowUpper[i] = INF;
    } else if (kind < 0.85) {
      rowLower[i] = ax;
      rowUpper[i] = ax;
    } else {
      rowLower[i] = ax - rand();
      rowUpper[i] = ax + rand();
    }
  }
  return { name: `random-${seed}`, sense: 'min', c, A, rowLower, rowUpper, colLower, colUpper };
}

/** The same LP with its columns in another order (x'[k] = x[perm[k]]). */
export function permuteColumns(lp: LinearProgram, perm: Int32Array): LinearProgram {
  const n = lp.A.cols;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]] = k;
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < lp.A.rows; i++) {
    for (let k = lp.A.rowPtr[i]; k < lp.A.rowPtr[i + 1]; k++) {
      ri.push(i);
      ci.push(inv[lp.A.colIdx[k]]);
      va.push(lp.A.values[k]);
    }
  }
  const pick = (v: Float64Array): Float64Array => Float64Array.from(perm, (j) => v[j]);
  return { ...lp, c: pick(lp.c), colLower: pick(lp.colLower), colUpper: pick(lp.colUpper), A: csrFromTriplets(lp.A.rows, n, ri, ci, va) };
}

/** The same LP with every finite bound (and the offset) times `k`: x* and the optimum scale by k, the duals stay. */
export function scaleBounds(lp: LinearProgram, k: number): LinearProgram {
  const times = (v: Float64Array): Float64Array => v.map((b) => b * k);
  return { ...lp, offset: (lp.offset ?? 0) * k, rowLower: times(lp.rowLower), rowUpper: times(lp.rowUpper), colLower: times(lp.colLower), colUpper: times(lp.colUpper) };
}

/**
 * The same LP with `limit` as the upper bound of every column that has none, and a row
 * Σ x ≤ limit: limits so large that they cannot bind (every known case's optimum is far below).
 */
export function withLooseLimits(lp: LinearProgram, limit: number): LinearProgram {
  const { A } = lp;
  const n = A.cols;
  const m = A.rows;
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let k = A.rowPtr[i]; k < A.rowPtr[i + 1]; k++) {
      ri.push(i);
      ci.push(A.colIdx[k]);
      va.push(A.values[k]);
    }
  }
  for (let j = 0; j < n; j++) {
    ri.push(m);
    ci.push(j);
    va.push(1);
  }
  const grow = (v: Float64Array, last: number): Float64Array => Float64Array.from([...v, last]);
  return {
    ...lp,
    A: csrFromTriplets(m + 1, n, ri, ci, va),
    rowLower: grow(lp.rowLower, -limit),
    rowUpper: grow(lp.rowUpper, limit),
    colUpper: lp.colUpper.map((u) => (u === Infinity ? limit : u)),
  };
}

function close(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol * (1 + Math.abs(expected)), `${what}: ${actual}, expected ${expected} (tolerance ${tol})`);
}

/** A bound moved by `delta` in the direction that relaxes it upward (the derivative the duals give). */
function bumpRowBound(lp: LinearProgram, i: number, side: 'lower' | 'upper', delta: number): LinearProgram {
  const rowLower = Float64Array.from(lp.rowLower);
  const rowUpper = Float64Array.from(lp.rowUpper);
  if (side === 'lower' || rowLower[i] === rowUpper[i]) rowLower[i] += delta;
  if (side === 'upper' || lp.rowLower[i] === lp.rowUpper[i]) rowUpper[i] += delta;
  return { ...lp, rowLower, rowUpper };
}

function bumpColBound(lp: LinearProgram, j: number, side: 'lower' | 'upper', delta: number): LinearProgram {
  const colLower = Float64Array.from(lp.colLower);
  const colUpper = Float64Array.from(lp.colUpper);
  if (side === 'lower' || colLower[j] === colUpper[j]) colLower[j] += delta;
  if (side === 'upper' || lp.colLower[j] === lp.colUpper[j]) colUpper[j] += delta;
  return { ...lp, colLower, colUpper };
}

/** Which bound a non-zero dual belongs to, by the convention: min ≥ 0 at lower; max ≥ 0 at upper. */
function activeSide(sense: 'min' | 'max', dual: number): 'lower' | 'upper' {
  return (dual > 0) === (sense === 'min') ? 'lower' : 'upper';
}

/** Checks signs of the duals and complementary slackness against the primal solution. */
function assertConvention(lp: LinearProgram, s: LpSolution, tol: number): void {
  const scale = (v: number): number => tol * (1 + Math.abs(v));
  for (let i = 0; i < lp.A.rows; i++) {
    const y = s.rowDual[i];
    if (Math.abs(y) <= tol) continue;
    const side = activeSide(lp.sense, y);
    const bound = side === 'lower' ? lp.rowLower[i] : lp.rowUpper[i];
    assert.ok(Number.isFinite(bound), `row ${i}: dual ${y} has the wrong sign (its ${side} bound is infinite)`);
    assert.ok(Math.abs(s.rowActivity[i] - bound) <= scale(bound) * 10, `row ${i}: dual ${y} but activity ${s.rowActivity[i]} is off its ${side} bound ${bound}`);
  }
  for (let j = 0; j < lp.A.cols; j++) {
    const z = s.colDual[j];
    if (Math.abs(z) <= tol) continue;
    const side = activeSide(lp.sense, z);
    const bound = side === 'lower' ? lp.colLower[j] : lp.colUpper[j];
    assert.ok(Number.isFinite(bound), `column ${j}: reduced cost ${z} has the wrong sign (its ${side} bound is infinite)`);
    assert.ok(Math.abs(s.x[j] - bound) <= scale(bound) * 10, `column ${j}: reduced cost ${z} but x = ${s.x[j]} is off its ${side} bound ${bound}`);
  }
}

function assertReported(lp: LinearProgram, s: LpSolution, tol: number): void {
  const check = checkSolution(lp, s.x, s.rowDual, s.colDual);
  assert.ok(check.primalResidual <= tol, `primal residual ${check.primalResidual}`);
  assert.ok(check.dualResidual <= tol, `dual residual ${check.dualResidual}`);
  assert.ok(check.relativeGap <= tol, `relative gap ${check.relativeGap} (strong duality)`);
  // The backend reports the same residuals as the independent check.
  close(s.primalResidual, check.primalResidual, 1e-9, 'reported primal residual');
  close(s.dualResidual, check.dualResidual, 1e-9, 'reported dual residual');
  close(s.objective, check.primalObjective, tol, 'reported objective vs cᵀx + offset');
  for (let i = 0; i < lp.A.rows; i++) {
    let ax = 0;
    for (let k = lp.A.rowPtr[i]; k < lp.A.rowPtr[i + 1]; k++) ax += lp.A.values[k] * s.x[lp.A.colIdx[k]];
    close(s.rowActivity[i], ax, tol, `row activity ${i}`);
  }
}

export function runBackendSuite(solver: LpSolver, options: BackendSuiteOptions): void {
  const { label, tolerance: tol } = options;
  const solve = (lp: LinearProgram): Promise<LpSolution> => solver.solve(lp, options.solveOptions);
  const expectOptimal = (s: LpSolution, what: string): void => assert.equal(s.status, 'optimal', `${what}: status ${s.status} ${s.message ?? ''}`);

  describe(`LP backend ${label}: known optima, both senses`, () => {
    for (const k of knownCases()) {
      test(k.name, async () => {
        const s = await solve(k.lp);
        expectOptimal(s, k.name);
        close(s.objective, k.objective, tol, 'objective');
        k.x.forEach((v, j) => close(s.x[j], v, tol * 10, `x[${j}]`));
        k.rowDual.forEach((v, i) => close(s.rowDual[i], v, tol * 10, `row dual ${i}`));
        k.colDual.forEach((v, j) => close(s.colDual[j], v, tol * 10, `column dual ${j}`));
        assertReported(k.lp, s, tol);
        assertConvention(k.lp, s, tol * 10);
      });
    }

    test('perturbation: bumping a binding bound by ε moves the objective by ε × its dual', async () => {
      const eps = 1e-2;
      for (const k of knownCases()) {
        const s = await solve(k.lp);
        for (let i = 0; i < k.lp.A.rows; i++) {
          if (Math.abs(k.rowDual[i]) < 1e-9) continue;
          const side = activeSide(k.lp.sense, k.rowDual[i]);
          const t = await solve(bumpRowBound(k.lp, i, side, eps));
          expectOptimal(t, `${k.name}, row ${i} bumped`);
          close((t.objective - s.objective) / eps, s.rowDual[i], (tol * 100) / eps, `${k.name}: ∂objective/∂(row ${i} ${side} bound)`);
        }
        for (let j = 0; j < k.lp.A.cols; j++) {
          if (Math.abs(k.colDual[j]) < 1e-9) continue;
          const side = activeSide(k.lp.sense, k.colDual[j]);
          const t = await solve(bumpColBound(k.lp, j, side, eps));
          expectOptimal(t, `${k.name}, column ${j} bumped`);
          close((t.objective - s.objective) / eps, s.colDual[j], (tol * 100) / eps, `${k.name}: ∂objective/∂(column ${j} ${side} bound)`);
        }
      }
    });
  });

  describe(`LP backend ${label}: infeasible and unbounded`, () => {
    const infeasible = lpFromDense({ sense: 'min', c: [1, 1], A: [[1, 1], [1, 1]], rowLower: [-INF, 3], rowUpper: [1, INF] });
    const unbounded = lpFromDense({ sense: 'max', c: [1, 1], A: [[1, -1]], rowLower: [-INF], rowUpper: [1] });
    const allowed = (certain: LpStatus): LpStatus[] =>
      options.certifies === false ? [certain, 'infeasible-or-unbounded', 'unknown', 'iteration-limit', 'time-limit'] : [certain, 'infeasible-or-unbounded'];
    for (const [name, lp, status] of [
      ['infeasible', infeasible, 'infeasible'],
      ['infeasible (max)', flipSense(infeasible), 'infeasible'],
      ['unbounded', unbounded, 'unbounded'],
      ['unbounded (min)', flipSense(unbounded), 'unbounded'],
    ] as const) {
      test(name, async () => {
        const s = await solve(lp);
        assert.ok(allowed(status).includes(s.status), `status ${s.status}, expected ${status}`);
      });
    }
  });

  describe(`LP backend ${label}: large finite numbers stay finite (up to 1e30)`, () => {
    for (const k of knownCases().filter((_, i) => i % 2 === 0)) {
      test(`${k.name}: every bound times 1e29 gives x and the objective times 1e29, the same duals`, async () => {
        const big = scaleBounds(k.lp, 1e29);
        const s = await solve(big);
        expectOptimal(s, k.name);
        close(s.objective, k.objective * 1e29, tol, 'objective');
        k.x.forEach((v, j) => close(s.x[j], v * 1e29, tol * 10, `x[${j}]`));
        k.rowDual.forEach((v, i) => close(s.rowDual[i], v, tol * 10, `row dual ${i}`));
        k.colDual.forEach((v, j) => close(s.colDual[j], v, tol * 10, `column dual ${j}`));
      });
      test(`${k.name}: a limit of 1e30 that does not bind changes nothing`, async () => {
        const s = await solve(withLooseLimits(k.lp, 1e30));
        expectOptimal(s, k.name);
        close(s.objective, k.objective, tol, 'objective');
        k.x.forEach((v, j) => close(s.x[j], v, tol * 10, `x[${j}]`));
        k.rowDual.forEach((v, i) => close(s.rowDual[i], v, tol * 10, `row dual ${i}`));
      });
    }
  });

  describe(`LP backend ${label}: Kantorovich's machine tools (1939)`, () => {
    test('optimum 86⅔ sets, machine duals 6.667 / 13.333 / 26.667 per machine-day', async () => {
      const k = loadKantorovich();
      const lp = kantorovichLp(k);
      const s = await solve(lp);
      expectOptimal(s, 'kantorovich');
      close(s.objective, k.expected.z_lp, Math.max(tol, 1e-7), 'complete sets');
      k.machines.forEach((mc, m) => {
        close(s.rowDual[m], k.expected.machine_duals_per_machine_day[mc.type], Math.max(tol * 10, 1e-6), `dual of ${mc.type}`);
        // A max problem's binding resource row has a non-negative shadow price.
        assert.ok(s.rowDual[m] > 0, `dual of ${mc.type} is positive`);
        const alloc = k.expected.allocation_machine_days[mc.type];
        close(s.x[2 * m], alloc.part1, Math.max(tol * 100, 1e-6), `${mc.type} days on part 1`);
        close(s.x[2 * m + 1], alloc.part2, Math.max(tol * 100, 1e-6), `${mc.type} days on part 2`);
      });
      assertReported(lp, s, tol);
      assertConvention(lp, s, tol * 10);
    });
  });

  describe(`LP backend ${label}: random feasible LPs (seeded)`, () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      test(`seed ${seed}: optimal, residuals and gap within ${tol}; same optimum with columns permuted and sense flipped`, async () => {
        const lp = randomFeasibleLp(seed, 25, 35, 0.15);
        const s = await solve(lp);
        expectOptimal(s, `random ${seed}`);
        assertReported(lp, s, tol);
        assertConvention(lp, s, tol * 100);
        const rand = seededRandom(seed + 1000);
        const perm = Int32Array.from({ length: lp.A.cols }, (_, k) => k);
        for (let k = perm.length - 1; k > 0; k--) {
          const r = Math.floor(rand() * (k + 1));
          [perm[k], perm[r]] = [perm[r], perm[k]];
        }
        const p = await solve(permuteColumns(lp, perm));
        expectOptimal(p, `random ${seed} permuted`);
        close(p.objective, s.objective, tol * 10, 'objective with columns permuted');
        const f = await solve(flipSense(lp));
        expectOptimal(f, `random ${seed} flipped`);
        close(f.objective, -s.objective, tol * 10, 'objective with the sense flipped');
      });
    }
  });
}
