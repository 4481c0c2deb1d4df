import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executionPlan, executionPlanOf } from '../../src/execution/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { decodeOptimalPlan, encodePlan } from '../../src/report/index.js';
import { small } from './economies.js';

/** The same numbers, read as values (a document keeps no −0). */
function sameValues(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined, what: string): void {
  assert.ok(a !== undefined && b !== undefined, what);
  assert.equal(a.length, b.length, what);
  for (let k = 0; k < a.length; k++) assert.ok(a[k] === b[k], `${what}[${k}]: ${a[k]} vs ${b[k]}`);
}

describe('executionPlanOf', () => {
  test('a plan document read back (encodePlan → JSON → decodeOptimalPlan) gives the arrays of the plan it was encoded from', async () => {
    const c = small();
    const r = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    assert.equal(r.status, 'optimal');
    const doc = decodeOptimalPlan(JSON.parse(JSON.stringify(encodePlan(c, r))));
    const fromDocument = executionPlanOf(c, doc);
    const fromResult = executionPlan(r);
    sameValues(fromDocument.activity, fromResult.activity, 'activity');
    sameValues(fromDocument.imports, fromResult.imports, 'imports');
    sameValues(fromDocument.exports, fromResult.exports, 'exports');
    sameValues(fromDocument.stock, fromResult.stock, 'stock');
    sameValues(fromDocument.available, fromResult.available, 'available');
    assert.deepEqual(fromDocument.deliveries, fromResult.deliveries);
  });
});
