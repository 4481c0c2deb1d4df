import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/index.js';
import type { CompiledEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/highs/index.js';
import { solvePlan } from '../../src/plan/index.js';
import type { PlanResult } from '../../src/plan/index.js';
import { fixture, repoRoot } from '../helpers/paths.js';

interface Expected {
  kantorovich_1939_machine_tools: {
    expected: {
      z_lp: number;
      allocation_machine_days: Record<string, Record<string, number>>;
      multipliers_normalised_sum_1: Record<string, number>;
      machine_duals_per_machine_day: Record<string, number>;
    };
  };
  kantorovich_excavator: {
    expected: {
      z: number;
      time_fractions: Record<string, Record<string, number>>;
      multipliers_normalised_sum_1: Record<string, number>;
      machine_duals: Record<string, number>;
    };
  };
}

const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Expected;

function load(name: string): CompiledEconomy {
  const file = join(repoRoot, 'examples', 'kantorovich', name);
  return compileEconomy(parseEconomy(readFileSync(file, 'utf8'), { file }));
}

const activityOf = (r: PlanResult, id: string): number => r.activity[r.economy.techniques.index.get(id) ?? -1];
const valuationOf = (r: PlanResult, id: string): number => r.valuation[r.economy.items.index.get(id) ?? -1];
const priceOf = (r: PlanResult, id: string): number => r.resourcePrice[r.economy.resources.index.get(id) ?? -1];

/** Strong duality: Σ row duals × active row bounds + Σ column duals × active column bounds = objective. */
function dualObjective(r: PlanResult): number {
  const { lp } = r.formulated;
  const s = r.solution;
  let sum = lp.offset ?? 0;
  const max = lp.sense === 'max';
  for (let i = 0; i < lp.A.rows; i++) {
    const y = s.rowDual[i];
    if (y === 0) continue;
    // For a maximisation a positive dual belongs to the upper bound, a negative one to the lower.
    sum += y * ((y > 0) === max ? lp.rowUpper[i] : lp.rowLower[i]);
  }
  for (let j = 0; j < lp.c.length; j++) {
    const z = s.colDual[j];
    if (z === 0) continue;
    sum += z * ((z > 0) === max ? lp.colUpper[j] : lp.colLower[j]);
  }
  return sum;
}

describe('solvePlan on Kantorovich (1939), machine tools', () => {
  const e = expected.kantorovich_1939_machine_tools.expected;
  test('maxmin: 86⅔ complete sets, allocation, multipliers 2:1 and machine duals per machine-day', async () => {
    const r = await solvePlan(load('machine-tools.yaml'), { objective: 'maxmin', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    assert.ok(Math.abs(r.lambda[0] - e.z_lp) < 1e-6, `λ = ${r.lambda[0]}`);
    assert.ok(Math.abs(r.objectiveValue - e.z_lp) < 1e-6);
    const alloc = e.allocation_machine_days;
    const tech: Record<string, string> = { milling: 'milling', turret_lathe: 'turret_lathe', automatic_turret_lathe: 'automatic' };
    for (const [machine, parts] of Object.entries(alloc)) {
      for (const [part, days] of Object.entries(parts)) {
        const a = activityOf(r, `${tech[machine]}_${part}`);
        assert.ok(Math.abs(a - days) < 1e-6, `${machine} on ${part}: ${a} machine-days, expected ${days}`);
      }
    }
    assert.ok(r.normalisation !== null);
    for (const [part, m] of Object.entries(e.multipliers_normalised_sum_1)) {
      const v = valuationOf(r, part) * r.normalisation;
      assert.ok(Math.abs(v - m) < 1e-6, `multiplier of ${part}: ${v}, expected ${m}`);
    }
    for (const [machine, d] of Object.entries(e.machine_duals_per_machine_day)) {
      const p = priceOf(r, machine) * r.normalisation;
      assert.ok(Math.abs(p - d) < 1e-6, `dual of ${machine}: ${p}, expected ${d}`);
    }
  });

  test('strong duality, complementary slackness, reduced costs as net values at the valuations', async () => {
    const c = load('machine-tools.yaml');
    const r = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    assert.ok(Math.abs(dualObjective(r) - r.objectiveValue) <= 1e-7 * Math.abs(r.objectiveValue));
    // Every machine is used in full and has a positive price; a technique in use has reduced cost 0.
    for (let m = 0; m < c.resources.ids.length; m++) {
      assert.ok(r.resourcePrice[m] > 0);
      assert.ok(Math.abs(r.resourceUse[m] - r.available[m]) < 1e-7);
    }
    for (let j = 0; j < c.techniques.ids.length; j++) {
      // Net value at the valuations: Σ valuation × output − Σ price × use.
      let net = 0;
      for (let k = c.outputs.rowPtr[0]; k < c.outputs.rowPtr[c.outputs.rows]; k++) if (c.outputs.colIdx[k] === j) net += valuationOf(r, c.items.ids[rowOf(c.outputs.rowPtr, k)]) * c.outputs.values[k];
      for (let k = 0; k < c.resourceUse.rowPtr[c.resourceUse.rows]; k++) if (c.resourceUse.colIdx[k] === j) net -= r.resourcePrice[rowOf(c.resourceUse.rowPtr, k)] * c.resourceUse.values[k];
      assert.ok(Math.abs(net - r.reducedCost[j]) < 1e-9, `${c.techniques.ids[j]}: net ${net}, reduced cost ${r.reducedCost[j]}`);
      assert.ok(r.reducedCost[j] <= 1e-9, 'no technique is worth more than its inputs at an optimum');
      if (r.activity[j] > 1e-9) assert.ok(Math.abs(r.reducedCost[j]) < 1e-9, `${c.techniques.ids[j]} is used, so its reduced cost is 0`);
    }
    // Bottlenecks: all three machines, ranked by rent (price × availability), rents summing to λ.
    assert.deepEqual(r.bottlenecks.map((b) => b.id), ['turret_lathe', 'automatic_turret_lathe', 'milling']);
    const rents = r.bottlenecks.reduce((s, b) => s + b.rent, 0);
    assert.ok(Math.abs(rents - r.objectiveValue) < 1e-7 * r.objectiveValue);
  });
});

function rowOf(rowPtr: Int32Array, k: number): number {
  let i = 0;
  while (rowPtr[i + 1] <= k) i++;
  return i;
}

describe('solvePlan on Kantorovich, excavator parts', () => {
  const e = expected.kantorovich_excavator.expected;
  test('maxmin: 70.493274 sets, time fractions, multipliers and machine duals', async () => {
    const r = await solvePlan(load('excavator.yaml'), { objective: 'maxmin', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    assert.ok(Math.abs(r.lambda[0] - e.z) < 1e-6, `λ = ${r.lambda[0]}`);
    for (const [machine, parts] of Object.entries(e.time_fractions)) {
      for (const [part, f] of Object.entries(parts)) assert.ok(Math.abs(activityOf(r, `${machine}_${part}`) - f) < 1e-6, `${machine} on ${part}`);
    }
    assert.ok(r.normalisation !== null);
    for (const [part, m] of Object.entries(e.multipliers_normalised_sum_1)) assert.ok(Math.abs(valuationOf(r, part) * r.normalisation - m) < 1e-6, `multiplier of ${part}`);
    for (const [machine, d] of Object.entries(e.machine_duals)) assert.ok(Math.abs(priceOf(r, machine) * r.normalisation - d) < 1e-4, `dual of ${machine}`);
    assert.ok(Math.abs(dualObjective(r) - r.objectiveValue) <= 1e-7 * r.objectiveValue);
  });
});
