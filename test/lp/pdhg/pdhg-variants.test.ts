import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planningLp } from '../../../bench/lp/planning-lp.js';
import { checkSolution } from '../../../src/lp/check-solution.js';
import type { LinearProgram, LpSolution } from '../../../src/lp/lp-types.js';
import { solvePdhg } from '../../../src/lp/pdhg/index.js';
import { spectralNorm } from '../../../src/lp/pdhg/spectral-norm.js';
import { csrFromTriplets as csr } from '../../../src/sparse/from-triplets.js';
import { transpose } from '../../../src/sparse/transpose.js';

function assertOptimal(lp: LinearProgram, r: LpSolution, tol: number): void {
  assert.equal(r.status, 'optimal', r.message);
  const check = checkSolution(lp, r.x, r.rowDual, r.colDual);
  assert.ok(Math.max(check.primalResidual, check.dualResidual, check.relativeGap) <= tol, `${check.primalResidual} ${check.dualResidual} ${check.relativeGap}`);
}

describe('spectralNorm', () => {
  test('the largest singular value of small matrices', () => {
    // [[1, 2], [3, 4]]: σ_max = √(15 + √221) = 5.4649857...
    const A = csr(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [1, 2, 3, 4]);
    assert.ok(Math.abs(spectralNorm(A, transpose(A)) - Math.sqrt(15 + Math.sqrt(221))) <= 1e-4);
    // A 3 × 2 matrix with orthogonal columns of norms 3 and 2: σ_max = 3.
    const B = csr(3, 2, [0, 2], [0, 1], [3, 2]);
    assert.ok(Math.abs(spectralNorm(B, transpose(B)) - 3) <= 1e-4);
    const empty = csr(2, 3, [], [], []);
    assert.equal(spectralNorm(empty, transpose(empty)), 0);
  });
});

describe('solvePdhg: the iterations and options measured on the planning benchmark', () => {
  const lp = planningLp({ products: 60, seed: 4 });
  const reference = solvePdhg(lp, { gap: 1e-8 });

  test('the default reaches the optimum to 1e-8', () => {
    assertOptimal(lp, reference, 1e-8);
  });

  test("iteration 'halpern' (restarted Halpern PDHG with reflection) reaches the same optimum, with and without reflection", () => {
    for (const reflection of [1, 0.5]) {
      const r = solvePdhg(lp, { gap: 1e-8, iteration: 'halpern', reflection });
      assertOptimal(lp, r, 1e-8);
      assert.ok(Math.abs(r.objective - reference.objective) <= 1e-7 * (1 + Math.abs(reference.objective)), `${r.objective} vs ${reference.objective}`);
    }
  });

  test('rowScaling and polish off reach the same optimum', () => {
    for (const options of [{ rowScaling: true }, { polish: false }]) {
      const r = solvePdhg(lp, { gap: 1e-8, ...options });
      assertOptimal(lp, r, 1e-8);
      assert.ok(Math.abs(r.objective - reference.objective) <= 1e-7 * (1 + Math.abs(reference.objective)));
    }
  });

  test("the WebAssembly products give the JS kernel's answer to the last bit", () => {
    const js = solvePdhg(lp, { gap: 1e-6, kernel: 'js' });
    const wasm = solvePdhg(lp, { gap: 1e-6, kernel: 'wasm' });
    assert.equal(wasm.iterations, js.iterations);
    assert.deepEqual(wasm.x, js.x);
    assert.deepEqual(wasm.rowDual, js.rowDual);
  });

  test('a warm start from the solution of a slightly changed LP: the same optimum in fewer iterations', () => {
    // Every fifth row's finite bounds 0.1% larger: the solution of the original is near the new one.
    const rowLower = lp.rowLower.map((v, i) => (Number.isFinite(v) && i % 5 === 0 ? v * 1.001 : v));
    const rowUpper = lp.rowUpper.map((v, i) => (Number.isFinite(v) && i % 5 === 0 ? v * 1.001 : v));
    const changed: LinearProgram = { ...lp, rowLower, rowUpper };
    const cold = solvePdhg(changed, { gap: 1e-8 });
    const warm = solvePdhg(changed, { gap: 1e-8, start: { x: reference.x, rowDual: reference.rowDual } });
    assertOptimal(changed, cold, 1e-8);
    assertOptimal(changed, warm, 1e-8);
    assert.ok(Math.abs(warm.objective - cold.objective) <= 1e-7 * (1 + Math.abs(cold.objective)));
    assert.ok(warm.iterations < cold.iterations, `warm ${warm.iterations}, cold ${cold.iterations}`);
    for (const iteration of ['adaptive', 'halpern'] as const) {
      const again = solvePdhg(lp, { gap: 1e-8, iteration, start: { x: reference.x, rowDual: reference.rowDual } });
      assertOptimal(lp, again, 1e-8);
      assert.ok(again.iterations <= 64, `${iteration}: ${again.iterations} iterations from the optimum itself`);
    }
    assert.throws(() => solvePdhg(lp, { start: { x: new Float64Array(1), rowDual: reference.rowDual } }), /start has 1 values of x/);
  });

  test("iteration 'halpern' finds an infeasible LP's dual ray", () => {
    // x ≥ 1 and x ≤ 0 as rows.
    const bad: LinearProgram = {
      sense: 'min',
      c: new Float64Array([1]),
      A: csr(2, 1, [0, 1], [0, 0], [1, 1]),
      rowLower: new Float64Array([1, -Infinity]),
      rowUpper: new Float64Array([Infinity, 0]),
      colLower: new Float64Array([-Infinity]),
      colUpper: new Float64Array([Infinity]),
    };
    const r = solvePdhg(bad, { iteration: 'halpern', presolve: false });
    assert.equal(r.status, 'infeasible', r.message);
  });
});
