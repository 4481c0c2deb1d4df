import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { assertIssue, issuesOf } from './issues-of.js';

// Line numbers are in the comments; columns are counted in the text (1-based).
const text = [
  'name: bad numbers', //                                  1
  'products:', //                                          2
  '  - { id: grain, unit: t }', //                         3
  '  - { id: steel }', //                                  4  unit missing (map at col 5)
  '  - { id: coal, unit: "" }', //                         5  empty unit at col 23
  'resources:', //                                         6
  '  - { id: labour, unit: h, available: .nan }', //       7  NaN at col 39
  '  - { id: land, unit: ha, available: .inf }', //        8  Infinity at col 38
  'techniques:', //                                        9
  '  - id: farm', //                                       10
  '    produces: { grain: 1 }', //                         11
  '    consumes: { coal: 1e3x, steel: -2 }', //            12 text at col 23, negative at col 36
  '    capasity: 3', //                                    13 unknown field at col 5
  '  - id: mine', //                                       14 produces missing (map at col 5)
  '    consumes: { steel: 1 }', //                         15
  'targets:', //                                           16
  '  - { product: grain, amount: 5, priority: 0 }', //     17 priority at col 44
  '  - { product: grain, amount: 5, priority: 1.5 }', //   18 priority at col 44
  'trade:', //                                             19
  '  - { product: steel, import_price: -1 }', //           20 negative price at col 37
  '',
].join('\n');

describe('schema errors', () => {
  const issues = issuesOf(() => parseEconomy(text, { file: 'bad.yaml' }));

  test('all are reported at once, in reading order, with the file', () => {
    assert.equal(issues.length, 11);
    for (const i of issues) assert.equal(i.location.file, 'bad.yaml');
    const lines = issues.map((i) => i.location.line ?? 0);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  test('a missing unit and an empty unit', () => {
    assertIssue(issues, 4, 5, 'missing', ['products', 1, 'unit']);
    assertIssue(issues, 5, 23, 'empty', ['products', 2, 'unit'], '');
  });

  test('NaN and Infinity are not finite', () => {
    assertIssue(issues, 7, 39, 'not-finite', ['resources', 0, 'available'], NaN);
    assertIssue(issues, 8, 38, 'not-finite', ['resources', 1, 'available'], Infinity);
  });

  test('a number written with stray letters is text, not a number', () => {
    const i = assertIssue(issues, 12, 23, 'not-a-number', ['techniques', 0, 'consumes', 'coal'], '1e3x');
    assert.match(i.message, /number/);
  });

  test('negative coefficients and prices', () => {
    assertIssue(issues, 12, 36, 'negative', ['techniques', 0, 'consumes', 'steel'], -2);
    assertIssue(issues, 20, 37, 'negative', ['trade', 0, 'import_price'], -1);
  });

  test('an unknown field, with a suggestion', () => {
    const i = assertIssue(issues, 13, 5, 'unknown-field', ['techniques', 0, 'capasity'], 'capasity');
    assert.match(i.message, /did you mean "capacity"\?/);
  });

  test('a technique without produces', () => {
    assertIssue(issues, 14, 5, 'missing', ['techniques', 1, 'produces']);
  });

  test('priorities must be positive whole numbers', () => {
    assertIssue(issues, 17, 44, 'not-positive-integer', ['targets', 0, 'priority'], 0);
    assertIssue(issues, 18, 44, 'not-positive-integer', ['targets', 1, 'priority'], 1.5);
  });

  test('the message names file, line, column, path and value', () => {
    let message = '';
    try {
      parseEconomy(text, { file: 'bad.yaml' });
    } catch (e) {
      message = e instanceof Error ? e.message : '';
    }
    const lines = message.split('\n');
    assert.equal(lines.length, 11);
    assert.ok(lines.includes('bad.yaml:12:36 at techniques[0].consumes.steel: must not be negative (value: -2)'), message);
  });
});

describe('schema errors in JSON', () => {
  test('a string where a number belongs, and a negative amount, with JSON line and column', () => {
    const json = ['{', '  "products": [{ "id": "a", "unit": "t" }],', '  "techniques": [', '    { "id": "t", "produces": { "a": "1e3" }, "consumes": { "a": -0.5 } }', '  ]', '}'].join('\n');
    const issues = issuesOf(() => parseEconomy(json, { file: 'bad.json' }));
    assert.equal(issues.length, 2);
    // Line 4: `    { "id": "t", "produces": { "a": "1e3" }, ...`: "1e3" starts at column 37, -0.5 at column 65.
    assertIssue(issues, 4, 37, 'not-a-number', ['techniques', 0, 'produces', 'a'], '1e3');
    assertIssue(issues, 4, 65, 'negative', ['techniques', 0, 'consumes', 'a'], -0.5);
  });
});

describe('the magnitude rule: every number finite and at most 1e30 in magnitude', () => {
  const model = (line: string): string =>
    ['products:', '  - { id: a, unit: t }', '  - { id: b, unit: t }', 'resources:', '  - { id: labour, unit: h, available: 1e21 }', 'techniques:', line, ''].join('\n');

  test('a coefficient of 1e308 is refused with its place, the technique and the product', () => {
    // Line 7: `  - { id: make_a, produces: { a: 1 }, consumes: { b: 1e308 } }`: 1e308 at column 54.
    const issues = issuesOf(() => parseEconomy(model('  - { id: make_a, produces: { a: 1 }, consumes: { b: 1e308 } }'), { file: 'big.yaml' }));
    assert.equal(issues.length, 1);
    const i = assertIssue(issues, 7, 54, 'out-of-range', ['techniques', 0, 'consumes', 'b'], 1e308);
    assert.match(i.message, /"b".*technique "make_a".*at most 1e30/);
  });

  test('a number that overflows to Infinity in the text is not finite, named the same way', () => {
    const issues = issuesOf(() => parseEconomy(model('  - { id: make_a, produces: { a: 1e400 } }'), { file: 'inf.yaml' }));
    const i = assertIssue(issues, 7, 34, 'not-finite', ['techniques', 0, 'produces', 'a'], Infinity);
    assert.match(i.message, /output of "a" per unit of technique "make_a" must be a finite number/);
  });

  test('1e21 available and 1e30 exactly load; just above 1e30 does not', () => {
    const e = parseEconomy(model('  - { id: make_a, produces: { a: 1 }, uses: { labour: 1e30 }, capacity: 1e30 }'), { file: 'ok.yaml' });
    assert.equal(e.resources[0].available, 1e21);
    assert.equal(e.techniques[0].uses.labour, 1e30);
    const issues = issuesOf(() => parseEconomy(model('  - { id: make_a, produces: { a: 1 }, capacity: 1.0000000000000002e30 }'), { file: 'cap.yaml' }));
    assertIssue(issues, 7, 49, 'out-of-range', ['techniques', 0, 'capacity'], 1.0000000000000002e30);
  });

  test('every kind of number in a model, per-period availability and the model’s plan included', () => {
    const text = [
      'periods: [1, 2]', //                                                              1
      'regions: [{ id: r, population: 1e31 }]', //                                     2 col 32
      'products: [{ id: a, unit: t, initial_stock: -1e31 }, { id: b, unit: t }]', //  3 col 45 (negative)
      'resources:', //                                                                   4
      '  - { id: land, unit: ha, available: { 1: 1e30, 2: 2e30 } }', //                5 col 52
      'techniques:', //                                                                  6
      '  - { id: t, produces: { a: 1 }, build: { land: 1e31 } }', //                   7 col 49
      'targets: [{ product: a, amount: 1e31 }]', //                                     8 col 33
      'trade: [{ product: a, max_import: 1e31 }]', //                                   9 col 35
      'direct_use: [{ resource: land, amount: 1e31 }]', //                              10 col 40
      'plan: { activity: { t: 1e31 } }', //                                             11 col 24
      '',
    ].join('\n');
    const issues = issuesOf(() => parseEconomy(text, { file: 'm.yaml' }));
    assert.equal(issues.length, 8);
    assert.match(assertIssue(issues, 2, 32, 'out-of-range', ['regions', 0, 'population'], 1e31).message, /population of region "r"/);
    assertIssue(issues, 3, 45, 'negative', ['products', 0, 'initial_stock'], -1e31);
    assert.match(assertIssue(issues, 5, 52, 'out-of-range', ['resources', 0, 'available', '2'], 2e30).message, /availability of resource "land" in period "2"/);
    assert.match(assertIssue(issues, 7, 49, 'out-of-range', ['techniques', 0, 'build', 'land'], 1e31).message, /technique "t"/);
    assert.match(assertIssue(issues, 8, 33, 'out-of-range', ['targets', 0, 'amount'], 1e31).message, /target for "a"/);
    assert.match(assertIssue(issues, 9, 35, 'out-of-range', ['trade', 0, 'max_import'], 1e31).message, /max import of "a"/);
    assert.match(assertIssue(issues, 10, 40, 'out-of-range', ['direct_use', 0, 'amount'], 1e31).message, /direct use of resource "land"/);
    assert.match(assertIssue(issues, 11, 24, 'out-of-range', ['plan', 'activity', 't'], 1e31).message, /planned activity of technique "t"/);
  });

  test('in JSON too', () => {
    const json = ['{', '  "products": [{ "id": "a", "unit": "t" }],', '  "techniques": [{ "id": "t", "produces": { "a": 1e308 } }]', '}'].join('\n');
    const issues = issuesOf(() => parseEconomy(json, { file: 'big.json' }));
    assertIssue(issues, 3, 50, 'out-of-range', ['techniques', 0, 'produces', 'a'], 1e308);
  });
});

describe('an empty list of periods', () => {
  test('is refused where it is written (a model without periods would plan nothing and write targets of no period)', () => {
    const issues = issuesOf(() => parseEconomy('periods: []\nproducts:\n  - { id: grain, unit: t }\ntargets:\n  - { product: grain, amount: 80 }\n', { file: 'empty.yaml' }));
    assert.equal(issues.length, 1);
    assertIssue(issues, 1, 10, 'empty', ['periods'], []);
  });
});
