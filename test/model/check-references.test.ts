import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { assertIssue, issuesOf } from './issues-of.js';

// Line numbers are in the comments; columns are counted in the text (1-based).
const text = [
  'name: bad references', //                                           1
  'regions: [ukraine, moscow]', //                                     2
  'periods: [1930, 1931]', //                                          3
  'products:', //                                                      4
  '  - { id: grain, unit: t }', //                                     5
  '  - { id: bread, unit: t }', //                                     6
  '  - { id: grain, unit: kg }', //                                    7  duplicate id at col 11
  'resources:', //                                                     8
  '  - { id: labour, unit: h, available: { 1930: 5, 1932: 6 } }', //   9  unknown period at col 50
  'techniques:', //                                                    10
  '  - id: farm', //                                                   11
  '    produces: { grain: 1 }', //                                     12
  '    consumes: { grian: 0.1 }', //                                   13 unknown product at col 17
  '    uses: { labor: 2 }', //                                         14 unknown resource at col 13
  '    region: ukrain', //                                             15 unknown region at col 13
  '  - id: bakery', //                                                 16
  '    produces: { bread: 0 }', //                                     17 produces nothing, col 15
  '    consumes: { grain@kiev: 1 }', //                                18 unknown region at col 17
  '  - id: farm', //                                                   19 duplicate id at col 9
  '    produces: { grain: 2 }', //                                     20
  'targets:', //                                                       21
  '  - { product: bred, amount: 1, period: 1933 }', //                 22 product col 16, period col 41
  'trade:', //                                                         23
  '  - { product: grain, export_price: 30 }', //                       24
  'direct_use:', //                                                    25
  '  - { resource: labour, amount: 1, region: moskow }', //            26 unknown region at col 44
  'plan:', //                                                          27
  '  activity: { frm: 1 }', //                                         28 unknown technique at col 15
  '',
].join('\n');

describe('reference errors', () => {
  const issues = issuesOf(() => parseEconomy(text, { file: 'refs.yaml' }));

  test('all twelve are reported at once, in reading order', () => {
    assert.equal(issues.length, 12, issues.map((i) => `${i.location.line}:${i.location.column} ${i.code}`).join('\n'));
    const lines = issues.map((i) => i.location.line ?? 0);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  test('duplicate ids name the line of the first occurrence', () => {
    const p = assertIssue(issues, 7, 11, 'duplicate-id', ['products', 2, 'id'], 'grain');
    assert.match(p.message, /first defined on line 5/);
    const t = assertIssue(issues, 19, 9, 'duplicate-id', ['techniques', 2, 'id'], 'farm');
    assert.match(t.message, /first defined on line 11/);
  });

  test('unknown ids with "did you mean"', () => {
    const cases: [number, number, (string | number)[], string, string][] = [
      [9, 50, ['resources', 0, 'available', '1932'], '1932', '1930'],
      [13, 17, ['techniques', 0, 'consumes', 'grian'], 'grian', 'grain'],
      [14, 13, ['techniques', 0, 'uses', 'labor'], 'labor', 'labour'],
      [15, 13, ['techniques', 0, 'region'], 'ukrain', 'ukraine'],
      [22, 16, ['targets', 0, 'product'], 'bred', 'bread'],
      [26, 44, ['direct_use', 0, 'region'], 'moskow', 'moscow'],
      [28, 15, ['plan', 'activity', 'frm'], 'frm', 'farm'],
    ];
    for (const [line, column, path, value, suggestion] of cases) {
      const i = assertIssue(issues, line, column, 'unknown-id', path, value);
      assert.ok(i.message.endsWith(`(did you mean "${suggestion}"?)`), i.message);
    }
  });

  test('an unknown region after @, and an unknown period without a near miss', () => {
    const r = assertIssue(issues, 18, 17, 'unknown-id', ['techniques', 1, 'consumes', 'grain@kiev'], 'grain@kiev');
    assert.match(r.message, /unknown region "kiev"/);
    const p = assertIssue(issues, 22, 41, 'unknown-id', ['targets', 0, 'period'], '1933');
    assert.match(p.message, /unknown period "1933"/);
  });

  test('a technique that produces nothing', () => {
    assertIssue(issues, 17, 15, 'produces-nothing', ['techniques', 1, 'produces'], { bread: 0 });
  });
});

describe('model-level errors', () => {
  test('a model without products is empty', () => {
    const issues = issuesOf(() => parseEconomy('name: x\nproducts: []\n', { file: 'e.yaml' }));
    assert.equal(issues.length, 1);
    assertIssue(issues, 2, 1, 'empty-model', ['products']);
    const none = issuesOf(() => parseEconomy('name: x\n', { file: 'e.yaml' }));
    assert.equal(none[0].code, 'empty-model');
  });

  test('a region reference in a model without regions says so', () => {
    const issues = issuesOf(() => parseEconomy('products: [{ id: a, unit: t }]\ntechniques:\n  - { id: t, produces: { a@north: 1 } }\n', { file: 'r.yaml' }));
    const i = assertIssue(issues, 3, 26, 'unknown-id', ['techniques', 0, 'produces', 'a@north'], 'a@north');
    assert.match(i.message, /the model defines no regions/);
  });

  test('a plan gives activity or output, not both', () => {
    const issues = issuesOf(() =>
      parseEconomy('products: [{ id: a, unit: t }]\ntechniques: [{ id: t, produces: { a: 1 } }]\nplan:\n  activity: { t: 1 }\n  output: { a: 1 }\n', { file: 'p.yaml' }),
    );
    assertIssue(issues, 5, 3, 'ambiguous-plan', ['plan', 'output']);
  });
});
