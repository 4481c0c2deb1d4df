import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generatePlanModel } from '../../bench/plan-gen/generate-plan-model.js';
import { planLpOf, writePlanModel } from '../../bench/plan-gen/plan-lp.js';
import { planCommand } from '../../src/cli/commands/plan.js';
import type { LinearProgram } from '../../src/lp/lp-types.js';

/** The LP's arrays, for comparing two LPs number for number. */
function arrays(lp: LinearProgram): Record<string, ArrayLike<number>> {
  return { rowPtr: lp.A.rowPtr, colIdx: lp.A.colIdx, values: lp.A.values, c: lp.c, rowLower: lp.rowLower, rowUpper: lp.rowUpper, colLower: lp.colLower, colUpper: lp.colUpper };
}

describe('a generated plan written as a binary model folder and read as plenty plan reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-model-folder-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const g = generatePlanModel({ size: 2000, seed: 5 });

  test('gives the same LP as the JSON model file, number for number', async () => {
    const json = writePlanModel(g, join(dir, 'model'), false);
    const folder = writePlanModel(g, join(dir, 'model'), true);
    assert.ok(json.path.endsWith('.json') && json.bytes > 0);
    assert.ok(!folder.path.endsWith('.json') && folder.bytes > 0);
    const a = await planLpOf(json.path);
    const b = await planLpOf(folder.path);
    assert.deepEqual([b.lp.A.rows, b.lp.A.cols], [a.lp.A.rows, a.lp.A.cols]);
    // The generated model has capacities, plants built after a lag, stocks, trade and three tiers: all of it reaches the LP.
    assert.ok(a.lp.A.rows > 1000 && a.lp.colUpper.some((u) => Number.isFinite(u) && u > 0));
    const x = arrays(a.lp);
    const y = arrays(b.lp);
    for (const k of Object.keys(x)) assert.deepEqual(Array.from(y[k]), Array.from(x[k]), k);
    assert.equal(b.lp.offset ?? 0, a.lp.offset ?? 0);
  });

  test('plenty plan gives the same plan from the folder (read as columns) as from the JSON file', async () => {
    const a = await planCommand(join(dir, 'model.json'), { objective: 'weighted', solver: 'highs' });
    const b = await planCommand(join(dir, 'model'), { objective: 'weighted', solver: 'highs' });
    assert.equal(a.failure, undefined);
    assert.equal(b.failure, undefined);
    const value = (o: typeof a): number => (o.json as { objectiveValue: number }).objectiveValue;
    assert.ok(value(a) > 0);
    assert.equal(value(b), value(a));
    assert.deepEqual(b.tables, a.tables);
  });

  test('times each step of building the LP', async () => {
    const { phases } = await planLpOf(join(dir, 'model'));
    assert.deepEqual(phases.map((p) => p.name), ['load', 'compile', 'formulate']);
    for (const p of phases) assert.ok(p.seconds >= 0 && p.cpuSeconds >= 0 && (Number.isNaN(p.peakBytes) || p.peakBytes > 0), JSON.stringify(p));
  });
});
