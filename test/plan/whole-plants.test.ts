import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/index.js';
import { InputError, parseEconomy } from '../../src/model/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { hardPlan } from '../helpers/whole-plant-models.js';

const plan = (text: string, options: Parameters<typeof solvePlan>[1] = {}) => solvePlan(compileEconomy(parseEconomy(text, { file: 'm.yaml' })), options);

/** Widgets made by hand (2 h each) or by a plant that runs at 0 or at least `lot` (1 h each, up to 100). */
const LOT = (target: number) => `
products: [{ id: widget, unit: unit }]
resources: [{ id: labour, unit: h }]
techniques:
  - { id: by_hand, produces: { widget: 1 }, uses: { labour: 2 } }
  - { id: plant, produces: { widget: 1 }, uses: { labour: 1 }, capacity: 100, min_lot: 5 }
targets: [{ product: widget, amount: ${target} }]
`;

/** Widgets by hand (2 h each) or in a factory (1 h each, up to 100) that costs 8 h to open in a period in which it runs. */
const FIXED = (target: number) => `
products: [{ id: widget, unit: unit }]
resources: [{ id: labour, unit: h }]
techniques:
  - { id: by_hand, produces: { widget: 1 }, uses: { labour: 2 } }
  - { id: factory, produces: { widget: 1 }, uses: { labour: 1 }, capacity: 100, fixed_cost: { labour: 8 } }
targets: [{ product: widget, amount: ${target} }]
`;

describe('whole plants in a plan', () => {
  test('a minimum lot: the plant runs at 0 or at least its lot, and only where that is cheaper', async () => {
    // 2 widgets: the plant at its lot of 5 would cost 5 h, by hand 4 h; 4 widgets: the plant at 5 (5 h) beats 8 h by hand.
    const small = await plan(LOT(2), { objective: 'mincost' });
    assert.equal(small.status, 'optimal');
    assert.ok(Math.abs(small.objectiveValue - 4) < 1e-6, `${small.objectiveValue}`);
    assert.ok(Math.abs(small.activity[1]) < 1e-9, 'the plant is not opened for 2 widgets');
    const relaxed = await plan(LOT(2), { objective: 'mincost', relaxIntegers: true });
    assert.ok(Math.abs(relaxed.objectiveValue - 2) < 1e-6, 'the relaxation runs the plant at 2, below its lot');
    assert.equal(relaxed.mip?.method, 'relaxation');
    const large = await plan(LOT(4), { objective: 'mincost' });
    assert.ok(Math.abs(large.objectiveValue - 5) < 1e-6, `${large.objectiveValue}`);
    assert.ok(Math.abs(large.activity[1] - 5) < 1e-6, 'run at its lot, one widget disposed');
    assert.deepEqual(large.plants.map((p) => [p.technique, p.period, p.kind]), [['plant', '1', 'minimum lot 5']]);
    assert.equal(large.mip?.method, 'branch-and-bound');
    assert.ok((large.mip?.gap ?? 1) <= 1e-4);
  });

  test('a fixed cost of opening is paid in the resource, in a period in which the plant runs', async () => {
    const ten = await plan(FIXED(10), { objective: 'mincost' });
    assert.ok(Math.abs(ten.objectiveValue - 18) < 1e-6, `10 widgets: 10 h + 8 h to open (${ten.objectiveValue})`);
    assert.ok(Math.abs(ten.resourceUse[0] - 18) < 1e-6, 'the opening cost is in the labour used');
    const five = await plan(FIXED(5), { objective: 'mincost' });
    assert.ok(Math.abs(five.objectiveValue - 10) < 1e-6, `5 widgets: by hand, 10 h (${five.objectiveValue})`);
    assert.equal(five.plants.length, 0);
    // The valuations are those of the LP with the opening fixed: a widget is worth its marginal 1 h in the factory.
    assert.ok(Math.abs(ten.valuation[0] - 1) < 1e-6, `valuation ${ten.valuation[0]}`);
    assert.equal(ten.mip?.valuations, 'integers-fixed');
  });

  test('whole units of an investment: a works built in whole units comes on line after its lag', async () => {
    const text = `
periods: [1930, 1931]
products: [{ id: tractor, unit: unit, storable: false }, { id: steel, unit: t, storable: false }]
resources:
  - { id: works, unit: tractor, available: 0 }
  - { id: steel_cap, unit: t, available: { 1930: 25, 1931: 0 } }
techniques:
  - { id: make_steel, produces: { steel: 1 }, uses: { steel_cap: 1 } }
  - { id: build_works, produces: { tractor: 0.0001 }, consumes: { steel: 10 }, build: { works: 7 }, whole: true, lag: 1, capacity: 5 }
  - { id: make_tractor, produces: { tractor: 1 }, uses: { works: 1 } }
targets: [{ product: tractor, amount: 20, period: 1931 }]
`;
    const r = await plan(text);
    assert.equal(r.status, 'optimal');
    // 25 t of steel build 2 whole works of 7 tractors (not 2.5): 14 tractors in 1931.
    assert.deepEqual(r.plants.map((p) => ({ technique: p.technique, period: p.period, units: p.units, onLine: p.onLine, builds: p.builds })), [
      { technique: 'build_works', period: '1930', units: 2, onLine: '1931', builds: { works: 14 } },
    ]);
    assert.ok(Math.abs(r.objectiveValue - 14 / 20) < 1e-6, `λ ${r.objectiveValue}`);
    const relaxed = await plan(text, { relaxIntegers: true });
    assert.ok(relaxed.objectiveValue > r.objectiveValue + 0.1, 'the relaxation builds 2.5 works');
  });

  test('leximin over periods that can each rise alone but not together (whole plants are not convex): the lowest is held, the other raised', async () => {
    // One tool can be made (in p1, stored for p2); one whole run of the works uses it and makes 10
    // widgets in p1 or in p2, not both; by hand 5 a period. Levels (1.5, 0.5) or (0.5, 1.5): at
    // λ* = 0.5 each period rises alone with the other at 0.5, which in a linear program would mean
    // λ* was not the optimum (the average of the two plans); here it does not.
    const text = `
periods: [p1, p2]
products: [{ id: widget, unit: unit, storable: false }, { id: tool, unit: unit }]
resources:
  - { id: toolmaker, unit: h, available: { p1: 1, p2: 0 } }
  - { id: hands, unit: h, available: 5 }
techniques:
  - { id: make_tool, produces: { tool: 1 }, uses: { toolmaker: 1 }, whole: true }
  - { id: works, produces: { widget: 10 }, consumes: { tool: 1 }, whole: true }
  - { id: by_hand, produces: { widget: 1 }, uses: { hands: 1 } }
targets: [{ product: widget, amount: 10 }]
`;
    const r = await plan(text);
    assert.equal(r.status, 'optimal', r.message);
    assert.ok(Math.abs(r.lambda[0] - 0.5) < 1e-6, `λ ${r.lambda[0]}`);
    const levels = [r.levels[0], r.levels[1]].sort((a, b) => a - b);
    assert.ok(Math.abs(levels[0] - 0.5) < 1e-6 && Math.abs(levels[1] - 1.5) < 1e-6, `levels ${levels.join(', ')}`);
    assert.deepEqual(r.plants.filter((p) => p.technique === 'works').map((p) => p.units), [1], 'the works runs once');
  });

  test('PDHG refuses a model with whole-plant decisions, naming the way out', async () => {
    await assert.rejects(plan(LOT(4), { objective: 'mincost', solver: 'pdhg' }), (e: unknown) => e instanceof InputError && e.issues[0].code === 'integer-model' && /--relax-integers/.test(e.message));
    const relaxed = await plan(LOT(4), { objective: 'mincost', solver: 'pdhg', relaxIntegers: true });
    assert.equal(relaxed.status, 'optimal');
    assert.equal(relaxed.mip?.method, 'relaxation');
  });

  test('bad whole-plant fields are located errors', () => {
    const noCapacity = LOT(4).replace('capacity: 100, ', '');
    assert.throws(
      () => parseEconomy(noCapacity, { file: 'm.yaml' }),
      (e: unknown) => e instanceof InputError && e.issues[0].code === 'needs-capacity' && e.message.includes('m.yaml:6') && e.message.includes('min_lot'),
    );
    assert.throws(
      () => parseEconomy(LOT(4).replace('min_lot: 5', 'min_lot: 500'), { file: 'm.yaml' }),
      (e: unknown) => e instanceof InputError && e.issues[0].code === 'lot-above-capacity' && e.message.includes('m.yaml:6'),
    );
    assert.throws(() => parseEconomy(LOT(4).replace('min_lot: 5', 'min_lot: 0'), { file: 'm.yaml' }), (e: unknown) => e instanceof InputError && e.message.includes('min_lot'));
    assert.throws(() => parseEconomy(FIXED(4).replace('labour: 8', 'labor: 8'), { file: 'm.yaml' }), (e: unknown) => e instanceof InputError && e.issues[0].code === 'unknown-id' && e.message.includes('fixed_cost'));
    assert.throws(() => parseEconomy(LOT(4).replace('min_lot: 5', 'whole: yes-please'), { file: 'm.yaml' }), (e: unknown) => e instanceof InputError && e.message.includes('whole'));
  });

  test('an integer model that cannot meet its targets is infeasible, with the target and the limit named', async () => {
    // 12 widgets needed, only whole plants of 5 (capacity 5 each, at most 2 units): 10 at most.
    const text = `
products: [{ id: widget, unit: unit }]
resources: [{ id: labour, unit: h }]
techniques:
  - { id: plant, produces: { widget: 5 }, uses: { labour: 1 }, capacity: 2.5, whole: true }
targets: [{ product: widget, amount: 12 }]
`;
    const r = await plan(text, { objective: 'mincost' });
    assert.equal(r.status, 'infeasible');
    assert.equal(r.diagnosis?.kind, 'infeasible');
    if (r.diagnosis?.kind !== 'infeasible') return;
    assert.deepEqual(r.diagnosis.shortfalls.map((s) => [s.product, s.shortfall]), [['widget', 2]]);
    assert.ok(r.diagnosis.binding.some((b) => b.kind === 'capacity' && b.id === 'plant'), r.diagnosis.message);
    assert.equal(r.plants.length, 0, 'no numbers of a failed solve');
  });

  test('a hard plan stopped at its time limit keeps its best plants and gap, and is not optimal', async () => {
    const r = await solvePlan(compileEconomy(parseEconomy(hardPlan(3), { file: 'hard.yaml' })), { timeLimit: 1, mipGap: 0 });
    assert.equal(r.status, 'time-limit');
    assert.ok(r.mip !== undefined && r.mip.gap > 0, 'with its gap');
    assert.ok(r.plants.length > 0, 'and the plants of the best plan found');
    for (const p of r.plants) assert.equal(p.units, 1);
  });
});
