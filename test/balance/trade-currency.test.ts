import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { balancePlan } from '../../src/balance/index.js';
import { compileEconomy, planActivities } from '../../src/compile/index.js';
import { InputError, parseEconomy } from '../../src/model/index.js';

const model = (currency: string, exportsGrain: number, importsTools: number) => `
name: grain for machine tools
currency: ${currency}
regions: [south, north]
products:
  - { id: grain, unit: t }
  - { id: machine_tool, unit: unit }
resources:
  - { id: labour, unit: person-year, available: 1000 }
  - { id: valuta, unit: rouble, available: 500 }
techniques:
  - { id: farm, produces: { grain: 1 }, uses: { labour: 0.01 }, region: south }
  - { id: tool_works, produces: { machine_tool: 1 }, consumes: { grain@south: 2 }, uses: { labour: 1, valuta: 10 }, region: north }
trade:
  - { product: grain, export_price: 25 }
  - { product: grain@south, export_price: 30 }
  - { product: machine_tool, import_price: 2000 }
plan:
  activity: { farm: 10000, tool_works: 5 }
  exports: { grain@south: ${exportsGrain} }
  imports: { machine_tool@north: ${importsTools} }
`;

describe('trade and the currency resource', () => {
  test('exports earn and imports spend the model’s currency, at the item’s own terms', () => {
    const e = parseEconomy(model('valuta', 1000, 10), { file: 'trade.yaml' });
    const c = compileEconomy(e);
    const r = balancePlan(c, planActivities(c, e.plan!));
    const v = c.resources.index.get('valuta')!;
    // 10 imported tools at 2,000 cost 20,000; 1,000 t of southern grain earn 30 each (its own terms win over 25).
    assert.equal(r.resources.trade[v], 10 * 2000 - 1000 * 30);
    assert.equal(r.resources.production[v], 5 * 10);
    assert.equal(r.resources.use[v], 50 + 20000 - 30000);
    assert.equal(r.resources.status[v], 'within');
    assert.equal(r.resources.trade[c.resources.index.get('labour')!], 0);
  });
  test('imports beyond what exports earn overdraw the currency', () => {
    const e = parseEconomy(model('valuta', 100, 10), { file: 'trade.yaml' });
    const c = compileEconomy(e);
    const r = balancePlan(c, planActivities(c, e.plan!));
    const v = c.resources.index.get('valuta')!;
    assert.equal(r.resources.use[v], 50 + 20000 - 3000);
    assert.equal(r.resources.status[v], 'over');
    assert.deepEqual(Array.from(r.resourcesOver), [v]);
  });
  test('a currency that names no resource is a located error', () => {
    assert.throws(
      () => parseEconomy(model('roubles', 0, 0), { file: 'trade.yaml' }),
      (err: unknown) => {
        assert.ok(err instanceof InputError);
        const issue = err.issues.find((i) => i.location.path?.[0] === 'currency');
        assert.ok(issue, err.message);
        assert.equal(issue.location.line, 3);
        assert.equal(issue.value, 'roubles');
        return true;
      },
    );
  });
});
