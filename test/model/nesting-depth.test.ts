import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '../../src/model/errors.js';
import { MAX_NESTING_DEPTH, tooDeepPath } from '../../src/model/nesting-depth.js';
import { parseDemand } from '../../src/model/parse-demand.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { parsePlan } from '../../src/model/parse-plan.js';
import { parseTableMapping } from '../../src/model/import/index.js';
import { issuesOf } from '../helpers/input-error.js';

const lists = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const objects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** One issue "too-deep" at `line`:`column` of `file`, whose message states the limit. */
function assertTooDeep(issues: readonly Issue[], file: string, line: number, column: number): void {
  assert.equal(issues.length, 1, issues.map((i) => i.message).join('\n'));
  assert.equal(issues[0].code, 'too-deep');
  assert.equal(issues[0].location.file, file);
  assert.equal(issues[0].location.line, line);
  assert.equal(issues[0].location.column, column);
  assert.match(issues[0].message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
}

describe('documents nested too deeply are a located InputError, never a stack overflow', () => {
  // `{"name": [[[…` : the top-level object is level 1, so the 64th "[" is the first too deep.
  const firstTooDeep = '{"name": '.length + MAX_NESTING_DEPTH;
  for (const depth of [5000, 100000]) {
    test(`JSON model, lists ${depth} deep`, () => {
      assertTooDeep(issuesOf(() => parseEconomy(`{"name": ${lists(depth)}}`, { file: 'deep.json' })), 'deep.json', 1, firstTooDeep);
    });
    test(`JSON model, objects ${depth} deep`, () => {
      assertTooDeep(issuesOf(() => parseEconomy(objects(depth), { file: 'deep.json' })), 'deep.json', 1, 5 * MAX_NESTING_DEPTH + 1);
    });
    test(`YAML model, flow lists ${depth} deep`, () => {
      assertTooDeep(issuesOf(() => parseEconomy(`name: ${lists(depth)}\n`, { file: 'deep.yaml' })), 'deep.yaml', 1, 'name: '.length + MAX_NESTING_DEPTH);
    });
    test(`YAML model, block lists ${depth} deep`, () => {
      assertTooDeep(issuesOf(() => parseEconomy(`name:\n  ${'- '.repeat(depth)}1\n`, { file: 'deep.yaml' })), 'deep.yaml', 2, 3 + 2 * (MAX_NESTING_DEPTH - 1));
    });
  }

  test('YAML: pairs inside flow lists count as mappings', () => {
    const text = `name: ${'[a: '.repeat(40)}1${']'.repeat(40)}\n`;
    assert.equal(issuesOf(() => parseEconomy(text, { file: 'pairs.yaml' }))[0].code, 'too-deep');
  });

  test('YAML: aliases that nest deeper than the text are measured in the data', () => {
    let text = 'products: [{ id: a, unit: t }]\nx0: &a0 [1]\n';
    for (let k = 1; k < 8; k++) text += `x${k}: &a${k} ${'['.repeat(10)}*a${k - 1}${']'.repeat(10)}\n`;
    const issues = issuesOf(() => parseEconomy(text, { file: 'alias.yaml' }));
    assert.equal(issues[0].code, 'too-deep');
    assert.equal(issues[0].location.line, 9);
  });

  test(`exactly ${MAX_NESTING_DEPTH} levels are read (the schema then says what is wrong)`, () => {
    const issues = issuesOf(() => parseEconomy(`{"products": [{"id": "a", "unit": "t"}], "name": ${lists(MAX_NESTING_DEPTH - 1)}}`, { file: 'ok.json' }));
    assert.ok(issues.every((i) => i.code !== 'too-deep'));
    assert.deepEqual(
      issues.map((i) => i.location.path),
      [['name']],
    );
  });

  test('plan, demand and mapping files too', () => {
    const economy = parseEconomy('products: [{ id: a, unit: t }]\ntechniques: [{ id: t, produces: { a: 1 } }]\n', { file: 'm.yaml' });
    assertTooDeep(issuesOf(() => parsePlan(`{"activity": ${lists(5000)}}`, { file: 'p.json' }, economy)), 'p.json', 1, '{"activity": '.length + MAX_NESTING_DEPTH);
    assertTooDeep(issuesOf(() => parseDemand(`a: ${lists(100000)}\n`, { file: 'd.yaml' })), 'd.yaml', 1, 'a: '.length + MAX_NESTING_DEPTH);
    assertTooDeep(issuesOf(() => parseTableMapping(`{"products": ${lists(5000)}}`, 'map.json')), 'map.json', 1, '{"products": '.length + MAX_NESTING_DEPTH);
  });
});

describe('tooDeepPath', () => {
  test('the path of the first value too deep, without recursion', () => {
    let data: unknown = 1;
    for (let k = 0; k < 100000; k++) data = { k: [data] };
    const path = tooDeepPath(data);
    assert.equal(path?.length, MAX_NESTING_DEPTH);
    assert.deepEqual(path?.slice(0, 3), ['k', 0, 'k']);
    assert.equal(tooDeepPath({ a: [[1]] }, 3), undefined);
    assert.deepEqual(tooDeepPath({ a: [[1]], b: [[[2]]] }, 3), ['b', 0, 0]);
  });
});
