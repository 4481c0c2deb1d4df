import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan, blockedByDeficits } from '../../src/balance/index.js';
import { itemComponents } from '../../src/balance/item-components.js';
import { transpose } from '../../src/sparse/index.js';
import { near } from './close.js';
import { activityOf, handEconomy } from './hand-economy.js';
import { K, S, nutsAndBolts } from './nuts-and-bolts.js';

describe('production loops', () => {
  test('components: steel and coal need each other; seed grain is a loop of its own', () => {
    const { c } = nutsAndBolts();
    const { component, onLoop } = itemComponents(c, transpose(c.outputs));
    const at = (id: string): number => c.items.index.get(id) as number;
    assert.equal(component[at('steel')], component[at('coal')]);
    assert.notEqual(component[at('steel')], component[at('bolt')]);
    assert.deepEqual(Array.from(onLoop), c.items.ids.map((id) => (id === 'steel' || id === 'coal' ? 1 : 0)));
    const farm = handEconomy({
      products: { grain: 't', bread: 't' },
      techniques: [
        { id: 'farm', produces: { grain: 1 }, consumes: { grain: 0.1 }, uses: {} },
        { id: 'bakery', produces: { bread: 1 }, consumes: { grain: 1 }, uses: {} },
      ],
    });
    assert.deepEqual(Array.from(itemComponents(farm, transpose(farm.outputs)).onLoop), [1, 0]);
  });

  // The plan cuts steel and coal to 90%: the loop still feeds itself, and the steel left over
  // (exactly 90% of what nuts, bolts and tractors claim) is shared among them.
  const { c, activity } = nutsAndBolts();
  const cut = activity.slice();
  const steelMill = c.techniques.index.get('steel_mill') as number;
  const coalMine = c.techniques.index.get('coal_mine') as number;
  cut[steelMill] = 0.9 * S;
  cut[coalMine] = 0.9 * K;
  const report = balancePlan(c, { activity: cut });
  const fractionOf = (b: ReturnType<typeof blockedByDeficits>, id: string): number => b.fraction[c.techniques.index.get(id) as number];

  test('loops first: the steel–coal loop runs as cut, the steel users share the rest', () => {
    assert.deepEqual(Array.from(report.deficits, (i) => c.items.ids[i]).sort(), ['bolt', 'steel']);
    const b = blockedByDeficits(report);
    assert.equal(b.status, 'converged');
    near(fractionOf(b, 'steel_mill'), 1, 1e-12, 'steel mill');
    near(fractionOf(b, 'coal_mine'), 1, 1e-12, 'coal mine');
    near(fractionOf(b, 'nut_factory'), 0.9, 1e-12, 'nut factory');
    near(fractionOf(b, 'bolt_factory'), 0.9, 1e-12, 'bolt factory');
    // 9.9 thousand bolts for 22 needed: the tractor plant is held by bolts at 45%.
    near(fractionOf(b, 'tractor_plant'), 0.45, 1e-12, 'tractor plant');
    assert.equal(c.items.ids[b.limitingItem[c.techniques.index.get('tractor_plant') as number]], 'bolt');
    near(b.targets.find((t) => t.itemId === 'bread')?.covered ?? NaN, 0.495 * 80000, 1e-12, 'bread covered');
    // The steel chain runs through the bolt factory to the bolts and on to the bread.
    const steelChain = b.chains.find((ch) => ch.id === 'steel');
    const ids = steelChain?.steps.map((s) => (s.kind === 'target' ? `target ${s.itemId}` : s.id)) ?? [];
    for (const id of ['steel', 'nut_factory', 'bolt_factory', 'bolt', 'tractor_plant', 'tractor', 'grain_farm', 'bakery', 'target bread']) {
      assert.ok(ids.includes(id), `${id} in the steel chain: ${ids.join(', ')}`);
    }
  });

  test('without loops first the shortage spirals the loop down', () => {
    const b = blockedByDeficits(report, { loopsFirst: false });
    assert.ok(fractionOf(b, 'steel_mill') < 0.01, `steel mill at ${fractionOf(b, 'steel_mill')}`);
    assert.ok(fractionOf(b, 'coal_mine') < 0.01, `coal mine at ${fractionOf(b, 'coal_mine')}`);
  });

  test('a farm short of seed keeps its seed before the bakery gets grain', () => {
    const farm = handEconomy({
      products: { grain: 't', bread: 't' },
      techniques: [
        { id: 'farm', produces: { grain: 1 }, consumes: { grain: 0.1 }, uses: {} },
        { id: 'bakery', produces: { bread: 1 }, consumes: { grain: 1 }, uses: {} },
      ],
      targets: [{ product: 'bread', amount: 1000, priority: 1 }],
    });
    // 1000 t of grain: 100 for seed, 1000 wanted by the bakery.
    const r = balancePlan(farm, { activity: activityOf(farm, { farm: 1000, bakery: 1000 }) });
    const b = blockedByDeficits(r);
    near(b.fraction[0], 1, 0, 'farm');
    near(b.fraction[1], 0.9, 1e-12, 'bakery');
    near(b.targets[0].covered, 900, 1e-12, 'bread');
  });
});
