import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError, LISTED_ISSUES, appendAll, type Issue } from '../../src/model/errors.js';
import { parseEconomy } from '../../src/model/parse-economy.js';

const issue = (i: number): Issue => ({ code: 'unknown-field', message: `unknown field "x${i}"`, location: { file: 'big.yaml', line: i + 1, column: 3, path: ['techniques', i] } });

describe('InputError with many issues', () => {
  test('lists the first issues in its message and says how many more there are; keeps them all', () => {
    const issues = Array.from({ length: 250 }, (_, i) => issue(i));
    const err = new InputError(issues);
    const lines = err.message.split('\n');
    assert.equal(lines.length, LISTED_ISSUES + 1);
    assert.equal(lines[0], 'big.yaml:1:3 at techniques[0]: unknown field "x0"');
    assert.equal(lines[LISTED_ISSUES], `… and ${250 - LISTED_ISSUES} more issues (250 in all)`);
    assert.equal(err.issues.length, 250);
    assert.equal(new InputError(issues.slice(0, 3)).message.split('\n').length, 3, 'a few issues: all listed, no summary');
  });

  test('issues are gathered without spreading them into a call (500,000 would overflow the stack)', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    const list = [-1];
    appendAll(list, many);
    assert.equal(list.length, 500_001);
    assert.equal(list[500_000], 499_999);
  });

  test('a model with an issue in each of 3,000 techniques is one InputError listing the first of them', () => {
    const techniques = Array.from({ length: 3000 }, (_, i) => `  - { id: t${i}, produces: { p: 1 }, colour: red }`).join('\n');
    const text = `name: many\nproducts:\n  - { id: p, unit: t }\ntechniques:\n${techniques}\n`;
    assert.throws(
      () => parseEconomy(text, { file: 'many.yaml' }),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.issues.length, 3000);
        const lines = e.message.split('\n');
        assert.equal(lines.length, LISTED_ISSUES + 1);
        assert.match(lines[0], /^many\.yaml:5:\d+ at techniques\[0\]\.colour: unknown field "colour"/);
        assert.equal(lines[LISTED_ISSUES], `… and ${3000 - LISTED_ISSUES} more issues (3000 in all)`);
        return true;
      },
    );
  });
});
