import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generatePlanModel } from '../../bench/plan-gen/generate-plan-model.js';
import { compileEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { solvePlan } from '../../src/plan/index.js';

interface Tech {
  id: string;
  region: string;
  produces: Record<string, number>;
  consumes: Record<string, number>;
  uses: Record<string, number>;
  capacity?: number;
  build?: Record<string, number>;
  lag?: number;
}

describe('generatePlanModel: the 1930 example’s structure, scaled up (seed 3, 10³ items × periods)', () => {
  const g = generatePlanModel({ size: 1000, seed: 3 });
  const m = g.model as { periods: string[]; regions: { id: string }[]; products: { id: string; storable?: boolean; initial_stock?: number }[]; resources: { id: string }[]; techniques: Tech[]; targets: { priority: number; period?: string }[]; trade: { export_price?: number; import_price?: number }[]; currency: string };
  // Read as a model file is: the JSON text through the model reader and compiler.
  const economy = compileEconomy(parseEconomy(JSON.stringify(g.model), { file: 'generated.json' }));

  test('has the size and every structural feature asked for', () => {
    assert.equal(m.periods.length, 4);
    assert.equal(m.regions.length, 8);
    assert.ok(Math.abs(g.items * g.periods - 1000) <= 8 * 4, `${g.items} items × ${g.periods} periods`);
    // 2–3 competing techniques per product and producing region.
    const perMaker = new Map<string, number>();
    for (const t of m.techniques) if (/^p\d+_r\d+_[abc]$/.test(t.id)) perMaker.set(t.id.slice(0, t.id.lastIndexOf('_')), (perMaker.get(t.id.slice(0, t.id.lastIndexOf('_'))) ?? 0) + 1);
    assert.ok([...perMaker.values()].every((k) => k === 2 || k === 3));
    assert.ok([...perMaker.values()].some((k) => k === 3));
    // Capacities on about a third of the production techniques: a fixed capacity or a plant.
    const production = m.techniques.filter((t) => /^p\d+_r\d+_[abc]$/.test(t.id));
    const capped = production.filter((t) => t.capacity !== undefined || Object.keys(t.uses).some((r) => r.startsWith('plant_')));
    assert.ok(capped.length > 0.2 * production.length && capped.length < 0.45 * production.length, `${capped.length} of ${production.length}`);
    // Investment that adds to a plant after a lag of 1 or 2.
    const builders = m.techniques.filter((t) => t.build !== undefined);
    assert.ok(builders.length > 0 && builders.every((t) => (t.lag === 1 || t.lag === 2) && Object.keys(t.build ?? {}).every((r) => r.startsWith('plant_'))));
    // Rail lines with capacities, used by rail techniques that also take freight.
    const rail = m.techniques.filter((t) => t.id.startsWith('rail_'));
    assert.ok(rail.length > 0 && rail.every((t) => 'freight' in t.consumes && Object.keys(t.uses).some((r) => r.startsWith('line_'))));
    assert.ok(m.resources.filter((r) => r.id.startsWith('line_')).length >= 8);
    // Stocks, trade under a currency, three tiers.
    assert.ok(m.products.some((p) => p.storable === false) && m.products.some((p) => (p.initial_stock ?? 0) > 0));
    assert.equal(m.currency, 'hard_currency');
    assert.ok(m.trade.some((t) => t.export_price !== undefined) && m.trade.some((t) => t.import_price !== undefined));
    assert.deepEqual([...new Set(m.targets.map((t) => t.priority))].sort(), [1, 2, 3]);
    assert.ok(m.targets.some((t) => t.period !== undefined));
  });

  test('is the same for the same seed and different for another', () => {
    assert.equal(JSON.stringify(generatePlanModel({ size: 1000, seed: 3 }).model), JSON.stringify(g.model));
    assert.notEqual(JSON.stringify(generatePlanModel({ size: 1000, seed: 4 }).model), JSON.stringify(g.model));
  });

  test('is feasible and bounded: HiGHS finds the optimal maxmin and weighted plans, PDHG agrees on the weighted one', async () => {
    const maxmin = await solvePlan(economy, { objective: { kind: 'maxmin', periods: 'common' }, solver: 'highs' });
    assert.equal(maxmin.status, 'optimal', maxmin.message);
    assert.equal(maxmin.lambda.length, 3);
    // Every tier gets something, and tier 1 (capped at 1) more than nothing.
    assert.ok(maxmin.lambda.every((l) => Number.isFinite(l) && l > 0), `λ ${[...maxmin.lambda].join(', ')}`);
    const weighted = await solvePlan(economy, { objective: { kind: 'weighted' }, solver: 'highs' });
    assert.equal(weighted.status, 'optimal', weighted.message);
    assert.ok(Number.isFinite(weighted.objectiveValue) && weighted.objectiveValue > 0);
    const pdhg = await solvePlan(economy, { objective: { kind: 'weighted' }, solver: 'pdhg', gap: 1e-4 });
    assert.equal(pdhg.status, 'optimal', pdhg.message);
    const v = weighted.objectiveValue;
    assert.ok(Math.abs(pdhg.objectiveValue - v) <= 2e-4 * (1 + 2 * v), `PDHG ${pdhg.objectiveValue}, HiGHS ${v}`);
  });
});
