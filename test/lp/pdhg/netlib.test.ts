import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NETLIB_OPTIMA, netlibFile } from '../../../bench/lp/netlib-set.js';
import { readLpFile } from '../../../src/lp/lp-format/index.js';
import type { LinearProgram, LpSolution } from '../../../src/lp/lp-types.js';
import { solvePdhg } from '../../../src/lp/pdhg/index.js';

/** The relative KKT tolerance the Netlib set is solved to (see bench/README.md, "PDHG on Netlib"). */
const GAP = 1e-8;
/** Iteration budget per LP: bore3d, the slowest, takes about 360,000. */
const MAX_ITERATIONS = 1_000_000;

/**
 * Residuals of (x, y, z) for a minimisation, computed here from the LP alone: the largest bound
 * violation of x and Ax relative to 1 + the largest finite bound below 1e20 (the ∞-norm form of
 * PDLP's ‖r_p‖ / (1 + ‖b‖)); the largest stationarity error
 * |c − Aᵀy − z| relative to 1 + ‖c‖∞; duals on the side of an infinite bound; and the dual
 * objective Σ y·(bound its sign selects) + Σ z·(bound its sign selects) + offset.
 */
function residuals(lp: LinearProgram, r: LpSolution): { primal: number; dual: number; sign: number; dualObjective: number } {
  const { A, c, rowLower, rowUpper, colLower, colUpper } = lp;
  let bNorm = 0;
  for (const v of [rowLower, rowUpper, colLower, colUpper]) {
    for (let k = 0; k < v.length; k++) if (Math.abs(v[k]) < 1e20) bNorm = Math.max(bNorm, Math.abs(v[k]));
  }
  let primal = 0;
  let sign = 0;
  let dualObjective = lp.offset ?? 0;
  const aty = new Float64Array(A.cols);
  for (let i = 0; i < A.rows; i++) {
    let ax = 0;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      ax += A.values[p] * r.x[A.colIdx[p]];
      aty[A.colIdx[p]] += A.values[p] * r.rowDual[i];
    }
    if (ax < rowLower[i]) primal = Math.max(primal, (rowLower[i] - ax) / (1 + bNorm));
    if (ax > rowUpper[i]) primal = Math.max(primal, (ax - rowUpper[i]) / (1 + bNorm));
    const y = r.rowDual[i];
    if (y > 0) {
      if (rowLower[i] === -Infinity) sign = Math.max(sign, y);
      else dualObjective += y * rowLower[i];
    } else if (y < 0) {
      if (rowUpper[i] === Infinity) sign = Math.max(sign, -y);
      else dualObjective += y * rowUpper[i];
    }
  }
  let cNorm = 0;
  for (let j = 0; j < A.cols; j++) cNorm = Math.max(cNorm, Math.abs(c[j]));
  let dual = 0;
  for (let j = 0; j < A.cols; j++) {
    const x = r.x[j];
    if (x < colLower[j]) primal = Math.max(primal, (colLower[j] - x) / (1 + bNorm));
    if (x > colUpper[j]) primal = Math.max(primal, (x - colUpper[j]) / (1 + bNorm));
    const z = r.colDual[j];
    dual = Math.max(dual, Math.abs(c[j] - aty[j] - z) / (1 + cNorm));
    if (z > 0) {
      if (colLower[j] === -Infinity) sign = Math.max(sign, z);
      else dualObjective += z * colLower[j];
    } else if (z < 0) {
      if (colUpper[j] === Infinity) sign = Math.max(sign, -z);
      else dualObjective += z * colUpper[j];
    }
  }
  return { primal, dual, sign, dualObjective };
}

describe('solvePdhg on the Netlib LPs: objective within 1e-6 of the published optimum', () => {
  for (const [name, optimum] of Object.entries(NETLIB_OPTIMA)) {
    test(name, async () => {
      const lp = await readLpFile(netlibFile(name));
      assert.equal(lp.sense, 'min');
      const r = solvePdhg(lp, { gap: GAP, maxIterations: MAX_ITERATIONS });
      assert.equal(r.status, 'optimal', r.message);
      // Netlib's values leave out a constant on the objective row's right-hand side (E226's),
      // which the reader keeps as the offset: compare cᵀx.
      const offset = lp.offset ?? 0;
      const scale = Math.max(1, Math.abs(optimum));
      let cx = 0;
      for (let j = 0; j < lp.A.cols; j++) cx += lp.c[j] * r.x[j];
      assert.ok(Math.abs(cx - optimum) <= 1e-6 * scale, `primal objective ${cx} vs ${optimum}`);
      assert.ok(Math.abs(r.objective - offset - cx) <= 1e-9 * scale, `reported objective ${r.objective} vs ${cx + offset}`);
      const q = residuals(lp, r);
      assert.ok(q.primal <= 1e-6, `primal residual ${q.primal}`);
      assert.ok(q.dual <= 1e-6, `dual residual ${q.dual}`);
      assert.equal(q.sign, 0, 'a dual on the side of an infinite bound');
      assert.ok(Math.abs(q.dualObjective - offset - optimum) <= 1e-6 * scale, `dual objective ${q.dualObjective - offset} vs ${optimum}`);
    });
  }
});
