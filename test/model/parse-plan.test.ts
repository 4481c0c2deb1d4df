import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { parsePlan } from '../../src/model/parse-plan.js';
import { locationOf } from '../../src/model/source-locations.js';
import { assertIssue, issuesOf } from './issues-of.js';

const economy = parseEconomy(
  'periods: [1930, 1931]\nregions: [north, south]\nproducts: [{ id: grain, unit: t }, { id: bread, unit: t }]\n' +
    'techniques:\n  - { id: farm, produces: { grain: 1 }, region: south }\n  - { id: bakery, produces: { bread: 1 }, consumes: { grain@south: 0.7 }, region: north }\n',
  { file: 'm.yaml' },
);

describe('parsePlan', () => {
  test('reads activity, trade and period', () => {
    const plan = parsePlan('name: first year\nperiod: 1931\nactivity: { farm: 10, bakery: 5 }\nexports: { grain@south: 2 }\n', { file: 'p.yaml' }, economy);
    assert.deepEqual(plan, { name: 'first year', period: '1931', activity: { farm: 10, bakery: 5 }, exports: { 'grain@south': 2 } });
  });

  test('reads output per product (JSON), and remembers where each entry is', () => {
    const plan = parsePlan('{\n  "output": {\n    "bread@north": 4\n  }\n}\n', { file: 'p.json' }, economy);
    assert.deepEqual(plan, { output: { 'bread@north': 4 } });
    assert.deepEqual(locationOf(plan, ['output', 'bread@north'], true), { file: 'p.json', line: 3, column: 5, path: ['output', 'bread@north'] });
  });

  test('errors are located in the plan file', () => {
    const text = [
      'period: 1932', //                           1 unknown period at col 9
      'activity: { farm: 1, bakry: -2 }', //       2 unknown technique at col 22, negative at col 29
      'imports: { grain@west: 1 }', //             3 unknown region at col 12
      'exprots: { grain: 1 }', //                  4 unknown field at col 1
      '',
    ].join('\n');
    const issues = issuesOf(() => parsePlan(text, { file: 'p.yaml' }, economy));
    assert.equal(issues.length, 5);
    assertIssue(issues, 1, 9, 'unknown-id', ['period'], '1932');
    const t = assertIssue(issues, 2, 22, 'unknown-id', ['activity', 'bakry'], 'bakry');
    assert.match(t.message, /did you mean "bakery"/);
    assertIssue(issues, 2, 29, 'negative', ['activity', 'bakry'], -2);
    assertIssue(issues, 3, 12, 'unknown-id', ['imports', 'grain@west'], 'grain@west');
    const f = assertIssue(issues, 4, 1, 'unknown-field', ['exprots'], 'exprots');
    assert.match(f.message, /did you mean "exports"/);
  });
});

describe('parsePlan and the magnitude rule', () => {
  test('an activity beyond 1e30 is located and names the technique; 1e30 itself is read', () => {
    const issues = issuesOf(() => parsePlan('activity: { farm: 1e30, bakery: 1e31 }\n', { file: 'p.yaml' }, economy));
    assert.equal(issues.length, 1);
    assert.match(assertIssue(issues, 1, 33, 'out-of-range', ['activity', 'bakery'], 1e31).message, /planned activity of technique "bakery"/);
  });
  test('imports that overflow to Infinity are not finite', () => {
    const issues = issuesOf(() => parsePlan('imports: { grain@south: 1e999 }\n', { file: 'p.yaml' }, economy));
    assert.match(assertIssue(issues, 1, 25, 'not-finite', ['imports', 'grain@south'], Infinity).message, /planned imports of "grain@south" must be a finite number/);
  });
});
