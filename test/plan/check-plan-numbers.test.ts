import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileEconomy } from '../../src/compile/index.js';
import { InputError, parseEconomy } from '../../src/model/index.js';
import { solvePlan } from '../../src/plan/index.js';

/** A model of one machine (3 days) making parts; `extra` adds YAML lines at the top level. */
function model(extra: string[], amount = '100', rate = '10'): string {
  return [
    'name: one machine',
    'products:',
    '  - { id: part, unit: piece }',
    'resources:',
    '  - { id: milling, unit: machine-day, available: 3 }',
    '  - { id: labour, unit: hour, available: 1e6 }',
    'techniques:',
    `  - { id: mill, produces: { part: ${rate} }, uses: { milling: 1, labour: 8 } }`,
    'targets:',
    `  - { product: part, amount: ${amount} }`,
    ...extra,
  ].join('\n');
}

/** The InputError that planning `text` (with HiGHS) ends with. */
async function planError(text: string, objective: 'maxmin' | 'weighted' = 'maxmin'): Promise<InputError> {
  try {
    await solvePlan(compileEconomy(parseEconomy(text, { file: 'm.yaml' })), { objective, solver: 'highs' });
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InputError');
}

describe('checkPlanNumbers: a plan whose numbers overflow is refused with the entry named', () => {
  test('two direct uses of 1e30 each: the labour limit less them is −2e30, refused before any solver sees it', async () => {
    const text = model(['direct_use:', '  - { resource: labour, amount: 1e30 }', '  - { resource: labour, amount: 1e30 }']);
    const e = await planError(text);
    assert.equal(e.issues[0].code, 'out-of-range');
    assert.equal(e.issues[0].value, 1e6 - 2e30);
    assert.match(e.issues[0].message, /^the upper bound of the limit of resource "labour" in period 1 is -2e\+30, but it must be at most 1e30 in magnitude/);
  });

  test('a target of 1e-300 under the weighted objective: its credit per unit, 1/1e-300, is refused with the target named', async () => {
    const e = await planError(model([], '1e-300'), 'weighted');
    assert.match(e.message, /the objective’s coefficient of the delivery to the target for "part" in period 1 is 9\.9+e\+299, but it must be at most 1e30 in magnitude/);
  });
});
