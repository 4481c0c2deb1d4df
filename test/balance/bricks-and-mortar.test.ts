import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan, blockedByDeficits, closingRequirements, feasibleFraction } from '../../src/balance/index.js';
import { near } from './close.js';
import { activityOf, handEconomy } from './hand-economy.js';

/** Building needs bricks and mortar in fixed proportions; the plan makes bricks and too little mortar. */
function bricksAndMortar(bricks: number, mortar: number) {
  const c = handEconomy({
    products: { brick: 'thousand', mortar: 't', building: 'm2' },
    resources: [{ id: 'labour', unit: 'person-year' }],
    techniques: [
      { id: 'brickworks', produces: { brick: 1 }, consumes: {}, uses: { labour: 1 } },
      { id: 'cement_works', produces: { mortar: 1 }, consumes: {}, uses: { labour: 2 } },
      { id: 'construction', produces: { building: 1 }, consumes: { brick: 1, mortar: 0.2 }, uses: { labour: 3 } },
    ],
    targets: [{ product: 'building', amount: 1000, priority: 1 }],
  });
  const activity = activityOf(c, { brickworks: bricks, cement_works: mortar, construction: 1000 });
  return balancePlan(c, { activity });
}

describe('bricks and mortar', () => {
  test('mortar short, bricks in surplus; building runs at the mortar share', () => {
    const r = bricksAndMortar(2000, 100);
    assert.deepEqual(r.items.status, ['surplus', 'deficit', 'balanced']);
    near(r.items.gap[1], -100, 1e-12, 'mortar gap');
    near(r.items.gap[0], 1000, 1e-12, 'brick gap');
    const b = blockedByDeficits(r);
    assert.deepEqual(b.techniques.map((t) => [t.id, t.reasonId]), [['construction', 'mortar']]);
    near(b.techniques[0].fraction, 0.5, 1e-12, 'construction fraction');
    near(b.targets[0].covered, 500, 1e-12, 'building covered');
    near(b.idle[0], 500, 1e-12, 'bricks idle at the building sites');
    const f = feasibleFraction(r);
    assert.equal(f.targets, 0);
    assert.equal(f.targetsLimit?.id, 'mortar');
    const closing = closingRequirements(r).each[0];
    near(closing.grossOutput[1], 100, 1e-12, 'mortar to make');
    near(closing.grossOutput[0], 0, 0, 'no more bricks', 1e-12);
    near(closing.resources[0], 200, 1e-12, 'labour for the mortar');
    assert.equal(closing.feasible, true); // labour is unlimited here
  });

  test('more bricks add nothing: building and its target stay where mortar holds them', () => {
    const base = blockedByDeficits(bricksAndMortar(2000, 100));
    for (const bricks of [1000, 5000, 1e6]) {
      const r = bricksAndMortar(bricks, 100);
      const b = blockedByDeficits(r);
      near(b.fraction[2], base.fraction[2], 1e-15, `construction fraction with ${bricks} bricks`);
      near(b.targets[0].covered, base.targets[0].covered, 1e-12, `building covered with ${bricks} bricks`);
      near(r.items.gap[0], bricks - 1000, 1e-12, `brick surplus with ${bricks} bricks`, 1e-12);
    }
    // Enough mortar balances it.
    const r = bricksAndMortar(1000, 200);
    assert.equal(r.balances, true);
    assert.equal(blockedByDeficits(r).techniques.length, 0);
  });
});
