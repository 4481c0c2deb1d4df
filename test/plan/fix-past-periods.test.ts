import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compileEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/highs/index.js';
import { fixPastPeriods, solveFormulatedPlan, solvePlan } from '../../src/plan/index.js';
import type { FixedPast, PlanResult } from '../../src/plan/index.js';
import { repoRoot } from '../helpers/paths.js';

/** fixPastPeriods: a plan's LP with its first periods fixed at what happened (docs/optimize.md, re-planning). */

const ussr = () => compileEconomy(parseEconomy(readFileSync(join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml'), 'utf8'), { file: 'economy.yaml' }));

/** The first `periods` periods of a solved plan as its past. */
function pastOf(r: PlanResult, periods: number): FixedPast {
  const ix = r.formulated.index;
  const deliveries = Array.from(ix.deliveryTarget, (target, g) => ({ target, period: ix.deliveryPeriod[g], delivered: r.delivered[g] })).filter((d) => d.period < periods);
  return { periods, activity: r.activity, exports: r.exports, imports: r.imports, stock: r.stock, deliveries };
}

describe('fixPastPeriods', () => {
  test('with no past period the plan\'s own LP is returned', async () => {
    const c = ussr();
    const r = await solvePlan(c, { objective: 'weighted', solver: highsSolver });
    assert.equal(fixPastPeriods(r.formulated, r.objective, pastOf(r, 0)), r.formulated);
  });

  test('the past\'s columns are fixed at cost 0 and its rows are free; the future\'s are untouched', async () => {
    const c = ussr();
    const r = await solvePlan(c, { objective: 'weighted', solver: highsSolver });
    const ix = r.formulated.index;
    const f = fixPastPeriods(r.formulated, r.objective, pastOf(r, 2));
    const { lp } = f;
    const nT = ix.techniques;
    for (let k = 0; k < 2 * nT; k++) {
      assert.equal(lp.colLower[ix.activityStart + k], r.activity[k]);
      assert.equal(lp.colUpper[ix.activityStart + k], r.activity[k]);
      assert.equal(lp.c[ix.activityStart + k], 0);
    }
    for (let k = 2 * nT; k < ix.periods * nT; k++) {
      const col = ix.activityStart + k;
      assert.equal(lp.colLower[col], r.formulated.lp.colLower[col]);
      assert.equal(lp.colUpper[col], r.formulated.lp.colUpper[col]);
      assert.equal(lp.c[col], r.formulated.lp.c[col]);
    }
    for (let i = 0; i < 2 * ix.items; i++) {
      assert.equal(lp.rowLower[ix.balanceStart + i], -Infinity);
      assert.equal(lp.rowUpper[ix.balanceStart + i], Infinity);
    }
    for (let i = 2 * ix.items; i < ix.periods * ix.items; i++) assert.equal(lp.rowLower[ix.balanceStart + i], r.formulated.lp.rowLower[ix.balanceStart + i]);
    for (let g = 0; g < ix.deliveryTarget.length; g++) {
      if (ix.deliveryPeriod[g] >= 2) continue;
      assert.equal(lp.colLower[ix.deliveryStart + g], r.delivered[g]);
      assert.equal(lp.colUpper[ix.deliveryStart + g], r.delivered[g]);
    }
    // The plan's LP itself is not changed.
    assert.notEqual(lp.colLower, r.formulated.lp.colLower);
  });

  test('fixed at an optimal plan\'s own past, the future optimum is that plan\'s: objective = plan objective − the past\'s part (weighted)', async () => {
    const c = ussr();
    const r = await solvePlan(c, { objective: 'weighted', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    const ix = r.formulated.index;
    const f = fixPastPeriods(r.formulated, r.objective, pastOf(r, 1));
    let pastPart = 0;
    for (let col = 0; col < ix.columns; col++) if (f.lp.c[col] === 0) pastPart += r.formulated.lp.c[col] * r.solution.x[col];
    const again = await solveFormulatedPlan(c, f, r.objective, { solver: highsSolver });
    assert.equal(again.status, 'optimal');
    const tolerance = 1e-7 * Math.max(1, Math.abs(r.objectiveValue));
    assert.ok(Math.abs(again.objectiveValue + pastPart - r.objectiveValue) <= tolerance, `${again.objectiveValue} + ${pastPart} vs ${r.objectiveValue}`);
    for (let j = 0; j < ix.techniques; j++) assert.equal(again.activity[j], r.activity[j], c.techniques.ids[j]);
  });
});
