import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { planActivities } from '../../src/compile/plan-activities.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { parsePlan } from '../../src/model/parse-plan.js';
import { issuesOf } from '../helpers/input-error.js';

const economy = parseEconomy(
  `periods: [1930, 1931]
regions: [north, south]
products:
  - { id: grain, unit: t }
  - { id: straw, unit: t }
  - { id: bread, unit: t }
  - { id: tea, unit: t }
techniques:
  - { id: farm_n, region: north, produces: { grain: 2, straw: 4 } }
  - { id: farm_s, region: south, produces: { grain: 1 } }
  - { id: tractor_farm_s, region: south, produces: { grain: 1.5 } }
  - { id: bakery, region: north, produces: { bread: 0.5 }, consumes: { grain: 1, tea@south: 0.1 } }
`,
  { file: 'm.yaml' },
);
const c = compileEconomy(economy);
const plan = (text: string) => parsePlan(text, { file: 'plan.yaml' }, economy);


describe('planActivities', () => {
  test('activity per technique, trade per item, period', () => {
    const p = planActivities(c, plan('period: 1931\nactivity: { farm_s: 3, bakery: 2 }\nimports: { tea@south: 1 }\nexports: { grain@north: 4 }\n'));
    assert.deepEqual([...p.activity], [0, 3, 0, 2]);
    assert.equal(p.period, 1);
    assert.equal(p.imports[c.items.index.get('tea@south') ?? -1], 1);
    assert.equal(p.exports[c.items.index.get('grain@north') ?? -1], 4);
    assert.equal(p.imports.reduce((s, v) => s + v, 0), 1);
  });

  test('output per item sets the activity of its technique to output ÷ output per unit', () => {
    const p = planActivities(c, plan('output: { bread: 3, grain@north: 10, straw: 20 }\n'));
    // bread is only made in the north, so "bread" names bread@north; joint outputs 10 and 20 agree (activity 5).
    assert.deepEqual([...p.activity], [5, 0, 0, 6]);
    assert.equal(p.period, 0);
  });

  test('ambiguous and impossible outputs are located in the plan file', () => {
    const text = [
      'output:', //                   1
      '  grain@south: 3', //          2 two techniques: col 3
      '  grain: 1', //                3 made in two regions: col 3
      '  tea@south: 1', //            4 nobody makes tea: col 3
      '  grain@north: 2', //          5
      '  straw@north: 1', //          6 joint output disagrees (activity 1 vs 0.25): col 3
      '',
    ].join('\n');
    const issues = issuesOf(() => planActivities(c, plan(text)));
    assert.deepEqual(
      issues.map((i) => [i.code, i.location.line, i.location.column, i.location.file]),
      [
        ['ambiguous-output', 2, 3, 'plan.yaml'],
        ['ambiguous-item', 3, 3, 'plan.yaml'],
        ['not-produced', 4, 3, 'plan.yaml'],
        ['inconsistent-output', 6, 3, 'plan.yaml'],
      ],
    );
    assert.match(issues[0].message, /"farm_s", "tractor_farm_s"/);
    assert.match(issues[1].message, /grain@north, grain@south/);
    assert.match(issues[2].message, /only be imported/);
  });

  test("the model's own plan is located in the model file", () => {
    const e = parseEconomy('products: [{ id: a, unit: t }]\ntechniques:\n  - { id: t1, produces: { a: 1 } }\n  - { id: t2, produces: { a: 2 } }\nplan:\n  output: { a: 4 }\n', { file: 'own.yaml' });
    const issues = issuesOf(() => planActivities(compileEconomy(e), e.plan ?? {}));
    assert.equal(issues[0].code, 'ambiguous-output');
    assert.deepEqual(issues[0].location, { file: 'own.yaml', line: 6, column: 13, path: ['plan', 'output', 'a'] });
  });
});

describe('planActivities and the magnitude rule', () => {
  const tiny = parseEconomy('products: [{ id: a, unit: t }]\ntechniques: [{ id: make_a, produces: { a: 1e-20 } }]\n', { file: 't.yaml' });
  test('an output whose activity would be beyond 1e30 is refused at its place in the plan', () => {
    const issues = issuesOf(() => planActivities(compileEconomy(tiny), parsePlan('output: { a: 1e20 }\n', { file: 'p.yaml' }, tiny)));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'out-of-range');
    assert.deepEqual([issues[0].location.file, issues[0].location.line, issues[0].location.column], ['p.yaml', 1, 11]);
    assert.match(issues[0].message, /activity of technique "make_a" that makes 1e\+20 of "a" \(1e-20 per unit\)/);
  });
  test('stock entries are located at their place in the plan file', () => {
    const p = parsePlan('from_stock: { grain@south: 1 }\nto_stock:\n  bread@south: 2\n', { file: 'p.yaml' }, economy);
    const issues = issuesOf(() => planActivities(c, p));
    assert.equal(issues.length, 1);
    assert.deepEqual([issues[0].location.line, issues[0].location.column], [3, 3]);
  });
});
