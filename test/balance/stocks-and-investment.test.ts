import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { balancePlan } from '../../src/balance/index.js';
import { compileEconomy, planActivities } from '../../src/compile/index.js';
import { parseEconomy, parsePlan, serializePlan } from '../../src/model/index.js';

const model = `
name: a granary and a new mill
periods: [1, 2]
products:
  - { id: grain, unit: t }
  - { id: flour, unit: t }
resources:
  - { id: mill_capacity, unit: t, available: 100 }
techniques:
  - { id: farm, produces: { grain: 1 } }
  - { id: mill, produces: { flour: 1 }, consumes: { grain: 1.25 }, uses: { mill_capacity: 1 } }
targets:
  - { product: flour, amount: 150, period: 2 }
  - { product: flour, amount: 80, period: 1 }
`;

describe('balances with stocks and built capacity', () => {
  const e = parseEconomy(model, { file: 'granary.yaml' });
  const c = compileEconomy(e);
  const plan = (text: string) => planActivities(c, parsePlan(text, { file: 'plan.yaml' }, e));

  test('grain drawn from the granary is supply; grain put in is use', () => {
    const p1 = plan('period: 1\nactivity: { farm: 150, mill: 80 }\nto_stock: { grain: 50 }\n');
    const r1 = balancePlan(c, p1);
    const g = c.items.index.get('grain')!;
    assert.equal(r1.items.toStock[g], 50);
    assert.equal(r1.items.use[g], 100 + 50);
    assert.equal(r1.balances, true);
    const short = balancePlan(c, plan('period: 2\nactivity: { farm: 137.5, mill: 150 }\n'));
    assert.equal(short.balances, false, 'without the stock, grain is short');
    assert.equal(-short.items.gap[g], 50);
    const drawn = balancePlan(c, plan('period: 2\nactivity: { farm: 137.5, mill: 150 }\nfrom_stock: { grain: 50 }\n'));
    assert.equal(drawn.items.fromStock[g], 50);
    assert.equal(drawn.balances, true);
  });

  test('capacity built by earlier investment adds to availability', () => {
    const over = balancePlan(c, plan('period: 2\nactivity: { farm: 187.5, mill: 150 }\n'));
    const m = c.resources.index.get('mill_capacity')!;
    assert.equal(over.resources.status[m], 'over');
    const built = balancePlan(c, plan('period: 2\nactivity: { farm: 187.5, mill: 150 }\nbuilt: { mill_capacity: 60 }\n'));
    assert.equal(built.resources.available[m], 160);
    assert.equal(built.resources.status[m], 'within');
  });

  test('the new plan fields round-trip and are checked against the model', () => {
    const p = parsePlan('period: 2\nfrom_stock: { grain: 50 }\nto_stock: { flour: 1 }\nbuilt: { mill_capacity: 60 }\n', { file: 'plan.yaml' }, e);
    assert.deepEqual(parsePlan(serializePlan(p, 'yaml'), { file: 'again.yaml' }, e), p);
    assert.throws(
      () => parsePlan('built: { mill_capacty: 60 }\n', { file: 'plan.yaml' }, e),
      (err: Error) => /plan\.yaml:1:10 .*built\.mill_capacty.*did you mean "mill_capacity"/.test(err.message),
    );
  });
});
