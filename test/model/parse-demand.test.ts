import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDemand } from '../../src/model/parse-demand.js';
import { assertIssue, issuesOf } from './issues-of.js';

describe('parseDemand and the magnitude rule', () => {
  test('YAML: 1e30 is read; 1e31 and 1e400 are refused with their place and the item', () => {
    const issues = issuesOf(() => parseDemand('a: 1e30\nb: 1e31\nc: 1e400\n', { file: 'd.yaml' }));
    assert.equal(issues.length, 2);
    assert.match(assertIssue(issues, 2, 4, 'out-of-range', ['b'], 1e31).message, /amount of "b" must be at most 1e30/);
    assert.match(assertIssue(issues, 3, 4, 'not-finite', ['c'], Infinity).message, /amount of "c" must be a finite number/);
    assert.deepEqual(parseDemand('a: 1e30\n', { file: 'd.yaml' }).amounts, { a: 1e30 });
  });
  test('CSV: the row and the item', () => {
    const issues = issuesOf(() => parseDemand('item,amount\ngrain,1e308\n', { file: 'd.csv' }));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'out-of-range');
    assert.deepEqual(issues[0].location, { file: 'd.csv', row: 2, tableColumn: 2 });
    assert.match(issues[0].message, /"grain"/);
  });
});
