import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan, closingRequirements } from '../../src/balance/index.js';
import { compileEconomy, planActivities } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { issuesOf } from '../helpers/input-error.js';

/** Compiles a model (YAML lines) and balances its own plan. */
function balanceOf(lines: readonly string[]) {
  const e = parseEconomy([...lines, ''].join('\n'), { file: 'm.yaml' });
  const c = compileEconomy(e);
  if (e.plan === undefined) throw new Error('the model has no plan');
  return { c, balance: () => balancePlan(c, planActivities(c, e.plan as NonNullable<typeof e.plan>)) };
}

describe('balance sums and the magnitude rule', () => {
  test('sums beyond 1e30 are an InputError naming the item and the quantity, never a balance', () => {
    const { balance } = balanceOf([
      'products: [{ id: a, unit: t }, { id: b, unit: t }]',
      'resources: [{ id: labour, unit: h, available: 1e21 }]',
      'techniques:',
      '  - { id: make_a, produces: { a: 1 }, consumes: { b: 1e20 }, uses: { labour: 1e20 } }', // line 4
      '  - { id: make_b, produces: { b: 1 }, uses: { labour: 1 } }',
      'targets:',
      '  - { product: a, amount: 1e30 }', // line 7
      '  - { product: a, amount: 1e30 }',
      'plan: { activity: { make_a: 1e20, make_b: 1e30 }, imports: { b: 1e30 } }',
    ]);
    const issues = issuesOf(balance);
    const byMessage = (re: RegExp) => {
      const found = issues.filter((i) => re.test(i.message));
      assert.equal(found.length, 1, `one issue ${re}: ${issues.map((i) => i.message).join('; ')}`);
      return found[0];
    };
    const intermediate = byMessage(/intermediate use of "b" is 1e\+40, beyond 1e30; its largest part is technique "make_a"/);
    assert.equal(intermediate.code, 'out-of-range');
    assert.deepEqual([intermediate.location.file, intermediate.location.line], ['m.yaml', 4]);
    const final = byMessage(/final use of "a" is 2e\+30/);
    assert.deepEqual([final.location.line, final.location.path], [7, ['targets', 0, 'amount']]);
    byMessage(/use of resource "labour" by production is 1e\+40/);
    assert.equal(issues.length, 3);
  });

  test('parts within the rule whose sum is not: the supply of an item', () => {
    const { balance } = balanceOf([
      'products: [{ id: a, unit: t }]',
      'techniques: [{ id: make_a, produces: { a: 1 } }]',
      'plan: { activity: { make_a: 8e29 }, imports: { a: 5e29 } }',
    ]);
    const issues = issuesOf(balance);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /the supply of "a" is 1\.3e\+30, beyond 1e30; its largest part is output \(8e\+29\)/);
  });

  test('a plan within the rule balances as before', () => {
    const { balance } = balanceOf([
      'products: [{ id: a, unit: t }]',
      'resources: [{ id: labour, unit: h, available: 1e30 }]',
      'techniques: [{ id: make_a, produces: { a: 1 }, uses: { labour: 1 } }]',
      'targets: [{ product: a, amount: 1e30 }]',
      'plan: { activity: { make_a: 1e30 } }',
    ]);
    const report = balance();
    assert.equal(report.balances, true);
    assert.equal(report.withinLimits, true);
  });
});

describe('closing requirements when the system is not productive', () => {
  // a consumes 2 b, b consumes 0.5 a: the spectral radius of A is exactly 1.
  const { c, balance } = balanceOf([
    'products: [{ id: a, unit: t }, { id: b, unit: t }]',
    'resources: [{ id: labour, unit: h }]',
    'techniques:',
    '  - { id: make_a, produces: { a: 1 }, consumes: { b: 2 }, uses: { labour: 1 } }',
    '  - { id: make_b, produces: { b: 1 }, consumes: { a: 0.5 }, uses: { labour: 1 } }',
    'targets: [{ product: a, amount: 10 }]',
    'plan: { activity: { make_a: 1, make_b: 1 } }',
  ]);
  test('each requirement has the status, the spectral-radius bounds and no numbers', () => {
    const report = balance();
    assert.equal(report.balances, false);
    const closing = closingRequirements(report);
    assert.equal(closing.status, 'ok');
    const all = [...closing.each, ...(closing.all ? [closing.all] : [])];
    assert.ok(all.length >= 2);
    for (const r of all) {
      assert.equal(r.status, 'not-productive', r.id);
      assert.equal(r.feasible, false);
      assert.ok(r.spectralRadius !== undefined && r.spectralRadius.lower <= 1 && r.spectralRadius.upper >= 1 - 1e-6);
      assert.ok(Array.from(r.grossOutput).every(Number.isNaN) && Array.from(r.resources).every(Number.isNaN));
      assert.equal(r.grossOutput.length, c.items.ids.length);
      assert.deepEqual([r.resourcesShort, r.capacitiesShort], [[], []]);
    }
  });
});
