import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { jsonSyntaxError } from '../../src/model/json-syntax-error.js';
import { issuesOf } from './issues-of.js';

describe('syntax errors', () => {
  test('YAML: a stray bracket, with its line and column', () => {
    const issues = issuesOf(() => parseEconomy('name: x\nproducts: [a]]\n', { file: 's.yaml' }));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'syntax');
    assert.deepEqual(issues[0].location, { file: 's.yaml', line: 2, column: 14 });
  });

  test('YAML: an unclosed flow mapping is reported where the next block starts', () => {
    const issues = issuesOf(() => parseEconomy('name: x\nproducts:\n  - { id: grain, unit: t\ntechniques: []\n', { file: 's.yaml' }));
    assert.equal(issues[0].code, 'syntax');
    assert.equal(issues[0].location.line, 4);
    assert.equal(issues[0].location.column, 1);
  });

  test('YAML: a duplicate key in a mapping, at the second key', () => {
    const issues = issuesOf(() => parseEconomy('name: x\nproducts:\n  - id: a\n    unit: t\n    unit: kg\n', { file: 'd.yaml' }));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'duplicate-key');
    assert.deepEqual(issues[0].location, { file: 'd.yaml', line: 5, column: 5 });
    assert.equal(issues[0].value, 'unit');
  });

  test('YAML: a mapping or list as a key is a located error, not a string made up with a warning', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.message);
    };
    process.on('warning', onWarning);
    try {
      for (const [text, column] of [
        ['name: x\nresources:\n  - { id: labour, unit: h }\ntechniques:\n  - { id: t, produces: { a: 1 }, uses: { ? [a, b] : 0.1 } }\n', 44],
        ['name: x\n? { a: 1 }\n: y\n', 3],
        ['name: x\nproducts: [{ id: a, unit: t, name: { !!binary aGk=: 1 } }]\n', 47],
        ['name: x\nd: &k [1]\ne: { *k : 1 }\n', 6],
      ] as const) {
        const issues = issuesOf(() => parseEconomy(text, { file: 'k.yaml' }));
        assert.equal(issues.length, 1, JSON.stringify(issues));
        assert.equal(issues[0].code, 'invalid-key');
        assert.equal(issues[0].location.column, column);
      }
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  test('JSON: a trailing comma, a duplicate key', () => {
    const trailing = issuesOf(() => parseEconomy('{\n  "name": "x",\n  "products": [\n    { "id": "a", "unit": "t" },\n  ]\n}\n', { file: 't.json' }));
    assert.equal(trailing[0].code, 'syntax');
    assert.deepEqual(trailing[0].location, { file: 't.json', line: 5, column: 3 });
    const dup = issuesOf(() => parseEconomy('{\n  "name": "x",\n  "name": "y",\n  "products": []\n}\n', { file: 'd.json' }));
    assert.equal(dup[0].code, 'duplicate-key');
    assert.deepEqual(dup[0].location, { file: 'd.json', line: 3, column: 3 });
    assert.equal(dup[0].value, 'name');
  });

  test('JSON: NaN is not JSON', () => {
    const issues = issuesOf(() => parseEconomy('{"products": [{"id": "a", "unit": "t"}], "techniques": [{"id": "t", "produces": {"a": NaN}}]}', { file: 'n.json' }));
    assert.equal(issues[0].code, 'syntax');
    assert.equal(issues[0].location.column, 87);
  });

  test('a document that is not a mapping', () => {
    const issues = issuesOf(() => parseEconomy('- a\n- b\n', { file: 'l.yaml' }));
    assert.equal(issues[0].code, 'invalid-type');
    assert.deepEqual(issues[0].value, ['a', 'b']);
  });
});

describe('jsonSyntaxError', () => {
  test('accepts JSON and finds the offset of the first error', () => {
    assert.equal(jsonSyntaxError('{"a": [1, -2.5e3, "x\\u00e9", true, null, {}]}'), undefined);
    assert.equal(jsonSyntaxError('[1, 2,]')?.offset, 6);
    assert.equal(jsonSyntaxError('{a: 1}')?.offset, 1);
    assert.equal(jsonSyntaxError('[01]')?.offset, 2);
    assert.equal(jsonSyntaxError('[1] x')?.offset, 4);
    assert.match(jsonSyntaxError('[1')?.message ?? '', /end of text/);
  });
});
