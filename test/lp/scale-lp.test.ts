import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { checkSolution } from '../../src/lp/check-solution.js';
import { createHighsSolver, highsSolver } from '../../src/lp/highs/index.js';
import { solvePlan } from '../../src/plan/index.js';
import type { LinearProgram, LpSolution } from '../../src/lp/lp-types.js';
import { scaleLp } from '../../src/lp/scale-lp.js';
import { repoRoot } from '../helpers/paths.js';
import { seededRandom } from '../helpers/random.js';
import { kantorovichLp, loadKantorovich, randomFeasibleLp } from './backends.case.js';

/**
 * Strong duality as rents: offset + Σ dual × (the bound it binds at) over every row and every
 * variable bound with a non-zero dual, against the objective. The bound a dual binds at follows
 * from its sign (lp-types.ts: for a max, a positive dual prices the upper bound, a negative one the
 * lower; the other way round for a min); a dual that selects an infinite bound is dual-infeasible
 * and may only be rounding noise.
 */
function rentIdentity(lp: LinearProgram, s: LpSolution): { sum: number; objective: number; worstNoise: number } {
  const max = lp.sense === 'max';
  let sum = lp.offset ?? 0;
  let worstNoise = 0;
  const add = (dual: number, lower: number, upper: number): void => {
    if (dual === 0) return;
    const bound = dual > 0 === max ? upper : lower;
    if (Number.isFinite(bound)) sum += dual * bound;
    else worstNoise = Math.max(worstNoise, Math.abs(dual));
  };
  for (let i = 0; i < lp.A.rows; i++) add(s.rowDual[i], lp.rowLower[i], lp.rowUpper[i]);
  for (let j = 0; j < lp.A.cols; j++) add(s.colDual[j], lp.colLower[j], lp.colUpper[j]);
  return { sum, objective: s.objective, worstNoise };
}

function assertRentsAddUp(lp: LinearProgram, s: LpSolution, label: string): void {
  const { sum, objective, worstNoise } = rentIdentity(lp, s);
  assert.ok(Math.abs(sum - objective) <= 1e-6 * Math.max(1, Math.abs(objective)), `${label}: Σ rents ${sum} against objective ${objective}`);
  assert.ok(worstNoise <= 1e-12, `${label}: a dual of ${worstNoise} prices an infinite bound`);
}

/**
 * The same LP measured in other units: row i multiplied by rowFactor[i] (its bounds too), column j
 * measured in units of colFactor[j] (x' = x / colFactor, so A' = A·colFactor, c' = c·colFactor,
 * bounds divided by it). Same optimum; duals y' = y / rowFactor, z' = z · colFactor.
 */
function rescale(lp: LinearProgram, rowFactor: Float64Array, colFactor: Float64Array): LinearProgram {
  const { A } = lp;
  const values = new Float64Array(A.values.length);
  for (let i = 0; i < A.rows; i++) for (let k = A.rowPtr[i]; k < A.rowPtr[i + 1]; k++) values[k] = A.values[k] * rowFactor[i] * colFactor[A.colIdx[k]];
  return {
    ...lp,
    name: `${lp.name ?? 'lp'} badly scaled`,
    A: { ...A, values },
    c: lp.c.map((v, j) => v * colFactor[j]),
    rowLower: lp.rowLower.map((v, i) => v * rowFactor[i]),
    rowUpper: lp.rowUpper.map((v, i) => v * rowFactor[i]),
    colLower: lp.colLower.map((v, j) => v / colFactor[j]),
    colUpper: lp.colUpper.map((v, j) => v / colFactor[j]),
  };
}

/** Half the rows (seeded) multiplied by 1e6, half the columns measured in units of 1e-4. */
function badlyScaled(lp: LinearProgram, seed: number): { bad: LinearProgram; rowFactor: Float64Array; colFactor: Float64Array } {
  const rand = seededRandom(seed);
  const rowFactor = Float64Array.from({ length: lp.A.rows }, () => (rand() < 0.5 ? 1e6 : 1));
  const colFactor = Float64Array.from({ length: lp.A.cols }, () => (rand() < 0.5 ? 1e-4 : 1));
  return { bad: rescale(lp, rowFactor, colFactor), rowFactor, colFactor };
}

/** max / min over the finite non-zero magnitudes of the matrix and the bounds. */
function spread(lp: LinearProgram): number {
  let mn = Infinity;
  let mx = 0;
  for (const a of [lp.A.values, lp.rowLower, lp.rowUpper, lp.colLower, lp.colUpper]) {
    for (const v of a) {
      const x = Math.abs(v);
      if (x > 0 && x < Infinity) {
        if (x < mn) mn = x;
        if (x > mx) mx = x;
      }
    }
  }
  return mx / mn;
}

const isPowerOfTwo = (s: number): boolean => s > 0 && Number.isInteger(Math.log2(s));

describe('scaleLp', () => {
  test('scales are powers of two; Ã = R A D, bounds and costs exactly as documented; the input is untouched', () => {
    const lp = badlyScaled(randomFeasibleLp(7, 30, 40, 0.15), 7).bad;
    const before = Float64Array.from(lp.A.values);
    const { scaled, rowScale, colScale, objectiveScale } = scaleLp(lp);
    assert.ok(Array.from(rowScale).every(isPowerOfTwo));
    assert.ok(Array.from(colScale).every(isPowerOfTwo));
    assert.ok(isPowerOfTwo(objectiveScale));
    assert.deepEqual(lp.A.values, before);
    const { A } = lp;
    for (let i = 0; i < A.rows; i++) {
      for (let k = A.rowPtr[i]; k < A.rowPtr[i + 1]; k++) assert.equal(scaled.A.values[k], A.values[k] * rowScale[i] * colScale[A.colIdx[k]]);
      assert.equal(scaled.rowLower[i], lp.rowLower[i] * rowScale[i]);
      assert.equal(scaled.rowUpper[i], lp.rowUpper[i] * rowScale[i]);
    }
    for (let j = 0; j < A.cols; j++) {
      assert.equal(scaled.c[j], lp.c[j] * colScale[j] * objectiveScale);
      assert.equal(scaled.colLower[j], lp.colLower[j] / colScale[j]);
      assert.equal(scaled.colUpper[j], lp.colUpper[j] / colScale[j]);
    }
  });

  test('brings a badly scaled LP (rows × 1e6, columns in units of 1e-4) back to order 1', () => {
    const good = randomFeasibleLp(3, 40, 60, 0.1);
    const { bad } = badlyScaled(good, 3);
    const s = spread(scaleLp(bad).scaled);
    assert.ok(spread(bad) > 1e9, `spread before ${spread(bad)}`);
    assert.ok(s < 1e4, `spread after ${s}`);
  });

  test('keepColumns leaves those columns unscaled (a MIP’s whole-valued columns stay whole) and scales the rest', () => {
    const { bad } = badlyScaled(randomFeasibleLp(4, 40, 60, 0.1), 4);
    const keep = new Uint8Array(60);
    for (let j = 0; j < 60; j += 3) keep[j] = 1;
    const s = scaleLp(bad, { keepColumns: keep });
    for (let j = 0; j < 60; j++) if (keep[j] === 1) assert.equal(s.colScale[j], 1, `column ${j}`);
    assert.ok(Array.from(s.colScale).some((d, j) => keep[j] === 0 && d !== 1), 'the others are scaled');
    assert.ok(spread(s.scaled) < spread(bad) / 1e2, `spread ${spread(bad)} → ${spread(s.scaled)}`);
  });

  test('the scaled image of a point maps back to the point exactly', () => {
    const lp = badlyScaled(randomFeasibleLp(5, 20, 30, 0.2), 5).bad;
    const sc = scaleLp(lp);
    const rand = seededRandom(55);
    const m = lp.A.rows;
    const n = lp.A.cols;
    const x = Float64Array.from({ length: n }, () => rand() * 10 - 5);
    const rowActivity = Float64Array.from({ length: m }, () => rand() * 10 - 5);
    const rowDual = Float64Array.from({ length: m }, () => rand() - 0.5);
    const colDual = Float64Array.from({ length: n }, () => rand() - 0.5);
    const image = {
      x: x.map((v, j) => v / sc.colScale[j]),
      rowActivity: rowActivity.map((v, i) => v * sc.rowScale[i]),
      rowDual: rowDual.map((v, i) => (v / sc.rowScale[i]) * sc.objectiveScale),
      colDual: colDual.map((v, j) => v * sc.colScale[j] * sc.objectiveScale),
    };
    const back = sc.unscalePoint(image);
    assert.deepEqual(back, { x, rowActivity, rowDual, colDual });
  });

  test('unscale maps a solution of the scaled LP to one of the original, with the residuals of the original', async () => {
    const lp = badlyScaled(randomFeasibleLp(9, 30, 40, 0.15), 9).bad;
    const sc = scaleLp(lp);
    const raw = await createHighsSolver({ scale: false }).solve(sc.scaled, { method: 'simplex' });
    assert.equal(raw.status, 'optimal');
    const s = sc.unscale(raw);
    const check = checkSolution(lp, s.x, s.rowDual, s.colDual);
    assert.equal(s.primalResidual, check.primalResidual);
    assert.equal(s.dualResidual, check.dualResidual);
    assert.equal(s.relativeGap, check.relativeGap);
    assert.ok(Math.abs(s.objective - check.primalObjective) <= 1e-9 * (1 + Math.abs(s.objective)));
    assertRentsAddUp(lp, s, 'unscaled');
  });
});

describe('HiGHS on badly scaled LPs', () => {
  for (const seed of [1, 2, 3, 4]) {
    for (const method of ['simplex', 'ipm'] as const) {
      test(`seed ${seed}, ${method}: gap below 1e-7, rents add up to the objective, the optimum and duals of the well-scaled LP`, async () => {
        const good = randomFeasibleLp(seed, 40, 60, 0.1);
        const { bad, rowFactor, colFactor } = badlyScaled(good, seed);
        const ref = await highsSolver.solve(good, { method });
        const s = await highsSolver.solve(bad, { method });
        assert.equal(ref.status, 'optimal');
        assert.equal(s.status, 'optimal');
        assert.ok(s.relativeGap < 1e-7, `gap ${s.relativeGap}`);
        assert.ok(s.primalResidual < 1e-9, `primal residual ${s.primalResidual}`);
        assert.ok(s.dualResidual < 1e-9, `dual residual ${s.dualResidual}`);
        assert.ok(Math.abs(s.objective - ref.objective) <= 1e-7 * (1 + Math.abs(ref.objective)), `objective ${s.objective} against ${ref.objective}`);
        assertRentsAddUp(bad, s, `seed ${seed}`);
        // The duals are those of the well-scaled LP in the new units (the optimum is unique for
        // these seeds up to the tolerance); in particular the signs are unchanged.
        const yNorm = Math.max(1, ...Array.from(ref.rowDual, Math.abs));
        for (let i = 0; i < good.A.rows; i++) assert.ok(Math.abs(s.rowDual[i] * rowFactor[i] - ref.rowDual[i]) <= 1e-6 * yNorm, `row ${i}: ${s.rowDual[i] * rowFactor[i]} against ${ref.rowDual[i]}`);
        const zNorm = Math.max(1, ...Array.from(ref.colDual, Math.abs));
        for (let j = 0; j < good.A.cols; j++) assert.ok(Math.abs(s.colDual[j] / colFactor[j] - ref.colDual[j]) <= 1e-6 * zNorm, `column ${j}: ${s.colDual[j] / colFactor[j]} against ${ref.colDual[j]}`);
      });
    }
  }

  test("Kantorovich's machine tools: the published optimum and machine prices, scaled or not", async () => {
    const k = loadKantorovich();
    const lp = kantorovichLp(k);
    for (const scale of [true, false]) {
      const s = await createHighsSolver({ scale }).solve(lp);
      assert.equal(s.status, 'optimal');
      assert.ok(Math.abs(s.objective - k.expected.z_lp) < 1e-9 * k.expected.z_lp, `z ${s.objective}`);
      k.machines.forEach((mc, m) => {
        const p = k.expected.machine_duals_per_machine_day[mc.type];
        assert.ok(Math.abs(s.rowDual[m] - p) < 1e-6 * (1 + p), `${mc.type}: ${s.rowDual[m]} against ${p}`);
      });
      assertRentsAddUp(lp, s, `scale ${scale}`);
    }
  });
});

describe('the optimal plan of the 1930 example', () => {
  const file = join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml');
  const compiled = compileEconomy(parseEconomy(readFileSync(file, 'utf8'), { file }));

  test('gap below 1e-7; the rents of all binding rows and bounds add up to the objective; simplex and interior point agree', async () => {
    const simplex = await solvePlan(compiled, { solver: createHighsSolver({ method: 'simplex' }), relaxIntegers: true });
    const ipm = await solvePlan(compiled, { solver: createHighsSolver({ method: 'ipm' }), relaxIntegers: true });
    for (const [label, r] of [['simplex', simplex], ['ipm', ipm]] as const) {
      assert.equal(r.status, 'optimal', label);
      assert.ok(r.relativeGap < 1e-7, `${label}: gap ${r.relativeGap}`);
      assert.ok(r.primalResidual < 1e-9, `${label}: primal residual ${r.primalResidual}`);
      assert.ok(r.dualResidual < 1e-9, `${label}: dual residual ${r.dualResidual}`);
      assertRentsAddUp(r.formulated.lp, r.solution, label);
    }
    assert.ok(Math.abs(simplex.objectiveValue - ipm.objectiveValue) <= 1e-7 * simplex.objectiveValue, `simplex ${simplex.objectiveValue}, ipm ${ipm.objectiveValue}`);
  });
});
