import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan, feasibleFraction } from '../../src/balance/index.js';
import { compileEconomy, planActivities } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { near } from './close.js';

const model = (period: string, labour1931 = 200) => `
name: Grain and bread over two years
periods: ["1930", "1931"]
products:
  - { id: grain, unit: t }
  - { id: bread, unit: t }
resources:
  - { id: labour, unit: person-year, available: { "1930": 100, "1931": ${labour1931} } }
techniques:
  - { id: farm, produces: { grain: 1 }, uses: { labour: 1 } }
  - { id: bakery, produces: { bread: 1 }, consumes: { grain: 1 }, uses: { labour: 1 } }
targets:
  - { product: grain, amount: 50, period: "1930" }
  - { product: grain, amount: 80, period: "1931" }
  - { product: bread, amount: 10 }
direct_use:
  - { resource: labour, amount: 10 }
plan:
  period: "${period}"
  activity: { farm: 80, bakery: 10 }
  imports: { grain: 15 }
  exports: { grain: 5 }
`;

function run(period: string, labour1931?: number) {
  const e = parseEconomy(model(period, labour1931), { file: 'two-years.yaml' });
  const c = compileEconomy(e);
  if (e.plan === undefined) throw new Error('the test model has a plan');
  return balancePlan(c, planActivities(c, e.plan));
}

describe('periods, trade and direct use', () => {
  test('1931: imports and exports enter the grain balance; the period’s targets and availability apply', () => {
    const r = run('1931');
    assert.equal(r.period, 1);
    // grain: 80 made + 15 imported = 10 baked + 80 target + 5 exported.
    near(r.items.supply[0], 95, 1e-15, 'grain supply');
    near(r.items.use[0], 95, 1e-15, 'grain use');
    near(r.items.final[0], 80, 0, 'grain final');
    near(r.items.final[1], 10, 0, 'bread final (target without a period)');
    assert.equal(r.balances, true);
    // labour: 80 + 10 by production, 10 directly, of 200.
    near(r.resources.production[0], 90, 1e-15, 'labour by production');
    near(r.resources.direct[0], 10, 0, 'direct labour');
    near(r.resources.available[0], 200, 0, 'labour available in 1931');
    near(r.resources.slack[0], 100, 1e-15, 'labour slack');
  });

  test('the same plan in 1930 meets a smaller grain target: surplus of 30', () => {
    const r = run('1930');
    assert.equal(r.period, 0);
    assert.deepEqual(r.items.status, ['surplus', 'balanced']);
    near(r.items.gap[0], 30, 1e-15, 'grain surplus');
    near(r.resources.available[0], 100, 0, 'labour available in 1930');
  });

  test('direct use counts against the limit and scales with the plan in θ_resources', () => {
    const r = run('1931', 80);
    assert.deepEqual(r.resources.status, ['over']);
    const f = feasibleFraction(r);
    near(f.resources, 80 / 100, 1e-12, 'θ resources');
    assert.equal(f.targets, 1);
    near(f.combined, 0.8, 1e-12, 'combined');
    near(f.uniform, 0.8, 1e-12, 'uniform');
  });
});
