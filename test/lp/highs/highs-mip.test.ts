import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { highsSolver } from '../../../src/lp/highs/index.js';
import { pdhgSolver } from '../../../src/lp/pdhg/index.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { seededRandom } from '../../helpers/random.js';
import { lpFromDense } from '../backends.case.js';
import { InputError } from '../../../src/model/errors.js';

/** Every whole-number point of a box, as arrays. */
function* boxPoints(upper: readonly number[]): Generator<number[]> {
  const x = upper.map(() => 0);
  for (;;) {
    yield [...x];
    let k = 0;
    while (k < x.length && x[k] === upper[k]) x[k++] = 0;
    if (k === x.length) return;
    x[k] += 1;
  }
}

/** The best objective over every whole-number point of the box that satisfies the rows (enumeration). */
function enumerate(lp: LinearProgram, upper: readonly number[]): { best: number; at: number[] } {
  const max = lp.sense === 'max';
  let best = max ? -Infinity : Infinity;
  let at: number[] = [];
  for (const x of boxPoints(upper)) {
    let ok = true;
    for (let i = 0; i < lp.A.rows && ok; i++) {
      let a = 0;
      for (let k = lp.A.rowPtr[i]; k < lp.A.rowPtr[i + 1]; k++) a += lp.A.values[k] * x[lp.A.colIdx[k]];
      ok = a >= lp.rowLower[i] - 1e-9 && a <= lp.rowUpper[i] + 1e-9;
    }
    if (!ok) continue;
    const v = x.reduce((s, xj, j) => s + lp.c[j] * xj, 0);
    if (max ? v > best : v < best) {
      best = v;
      at = x;
    }
  }
  return { best, at };
}

const allInteger = (n: number): Uint8Array => new Uint8Array(n).fill(1);

describe('mixed-integer programs on HiGHS', () => {
  test('the whole-number optimum is not the rounded LP optimum, and equals the one found by enumeration', async () => {
    // max 5x + 4y, 6x + 4y ≤ 24, x + 2y ≤ 6: the LP optimum is (3, 1.5) = 21; rounded down (3, 1) = 19; the integer optimum (4, 0) = 20.
    const base = lpFromDense({ sense: 'max', c: [5, 4], A: [[6, 4], [1, 2]], rowLower: [-Infinity, -Infinity], rowUpper: [24, 6] });
    const relaxed = await highsSolver.solve(base);
    assert.equal(relaxed.status, 'optimal');
    assert.ok(Math.abs(relaxed.objective - 21) < 1e-7);
    const rounded = Array.from(relaxed.x, (v) => Math.floor(v + 1e-9));
    const roundedValue = 5 * rounded[0] + 4 * rounded[1];
    const mip = await highsSolver.solve({ ...base, integrality: allInteger(2) });
    const truth = enumerate(base, [4, 3]);
    assert.equal(mip.status, 'optimal');
    assert.equal(mip.solver, 'highs-mip');
    assert.ok(Math.abs(mip.objective - truth.best) < 1e-7, `${mip.objective} against enumeration ${truth.best}`);
    assert.deepEqual(Array.from(mip.x, Math.round), truth.at);
    assert.ok(roundedValue < truth.best, 'rounding the relaxation loses value');
    assert.ok(mip.mip !== undefined && mip.mip.gap <= mip.mip.requestedGap && mip.mip.duals === 'integers-fixed');
  });

  test('seeded random knapsack-like MIPs: HiGHS equals enumeration (seeds 1–6)', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rand = seededRandom(seed);
      const n = 4;
      const m = 3;
      const A = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.round(1 + 9 * rand())));
      const rowUpper = A.map((row) => Math.round(row.reduce((s, v) => s + v, 0) * (0.8 + rand())));
      const c = Array.from({ length: n }, () => Math.round(1 + 19 * rand()));
      const lp = lpFromDense({ sense: 'max', c, A, rowLower: A.map(() => -Infinity), rowUpper, colUpper: new Array<number>(n).fill(5) });
      const mip = await highsSolver.solve({ ...lp, integrality: allInteger(n) });
      const truth = enumerate(lp, new Array<number>(n).fill(5));
      assert.equal(mip.status, 'optimal', `seed ${seed}`);
      assert.ok(Math.abs(mip.objective - truth.best) < 1e-6, `seed ${seed}: ${mip.objective} against ${truth.best}`);
    }
  });

  test('the duals are those of the LP with the integer variables fixed: a continuous variable prices its row', async () => {
    // max 5x + 4y + z; 6x + 4y ≤ 24, x + 2y ≤ 6, x + y + z ≤ 5, z ≤ 3 (x, y whole). Optimum x = 4, y = 0, z = 1: 21.
    const lp = lpFromDense({ sense: 'max', c: [5, 4, 1], A: [[6, 4, 0], [1, 2, 0], [1, 1, 1]], rowLower: [-Infinity, -Infinity, -Infinity], rowUpper: [24, 6, 5], colUpper: [Infinity, Infinity, 3] });
    const s = await highsSolver.solve({ ...lp, integrality: Uint8Array.from([1, 1, 0]) });
    assert.equal(s.status, 'optimal');
    assert.ok(Math.abs(s.objective - 21) < 1e-7);
    assert.ok(Math.abs(s.x[2] - 1) < 1e-7);
    // With x and y fixed, one more unit of row 3 buys one more z: its valuation is 1; rows 1 and 2 do not bind on z, 0.
    assert.ok(Math.abs(s.rowDual[2] - 1) < 1e-7, `row 3 dual ${s.rowDual[2]}`);
    assert.ok(Math.abs(s.rowDual[0]) < 1e-7 && Math.abs(s.rowDual[1]) < 1e-7);
  });

  test('an infeasible integer program is infeasible, without numbers', async () => {
    // 2x = 3 has no whole solution, though its relaxation has x = 1.5.
    const lp = lpFromDense({ sense: 'min', c: [1], A: [[2]], rowLower: [3], rowUpper: [3] });
    const s = await highsSolver.solve({ ...lp, integrality: allInteger(1) });
    assert.equal(s.status, 'infeasible');
    assert.ok(Number.isNaN(s.objective));
    assert.match(s.message ?? '', /whole units/);
  });

  test('a hard instance stopped by the time limit returns its best solution and gap, never "optimal"', async () => {
    // A market split instance (Cornuéjols and Dawande): 4 rows of 30 binaries, each row to hit half its sum, the misses minimised. Hopeless for branch and bound in a second.
    const rand = seededRandom(14);
    const m = 4;
    const n = 30;
    const A: number[][] = [];
    const rhs: number[] = [];
    for (let i = 0; i < m; i++) {
      const row = Array.from({ length: n }, () => Math.floor(100 * rand()));
      rhs.push(Math.floor(row.reduce((s, v) => s + v, 0) / 2));
      const slacks = new Array<number>(2 * m).fill(0);
      slacks[2 * i] = 1;
      slacks[2 * i + 1] = -1;
      A.push([...row, ...slacks]);
    }
    const c = [...new Array<number>(n).fill(0), ...new Array<number>(2 * m).fill(1)];
    const lp = lpFromDense({ sense: 'min', c, A, rowLower: rhs, rowUpper: rhs, colUpper: [...new Array<number>(n).fill(1), ...new Array<number>(2 * m).fill(Infinity)] });
    const integrality = Uint8Array.from(c, (_, j) => (j < n ? 1 : 0));
    const s = await highsSolver.solve({ ...lp, integrality }, { timeLimit: 1, mipGap: 0 });
    assert.equal(s.status, 'time-limit');
    assert.ok(Number.isFinite(s.objective), 'the incumbent is returned');
    assert.ok(s.mip !== undefined && s.mip.gap > 0, 'with its gap');
    assert.ok(s.mip.bound <= s.objective + 1e-9, 'the bound is below the incumbent of a minimisation');
    // The incumbent is a whole solution satisfying the rows.
    for (let j = 0; j < n; j++) assert.ok(Math.abs(s.x[j] - Math.round(s.x[j])) < 1e-6);
    assert.ok(s.primalResidual < 1e-6);
  });

  test('PDHG refuses an integer program with a clear message', async () => {
    const lp = lpFromDense({ sense: 'max', c: [1], A: [[1]], rowLower: [-Infinity], rowUpper: [2.5] });
    await assert.rejects(pdhgSolver.solve({ ...lp, integrality: allInteger(1) }), (e: unknown) => e instanceof InputError && /whole values/.test(e.message));
  });
});
