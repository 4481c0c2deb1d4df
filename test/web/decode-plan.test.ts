import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OptimalPlan } from '../../web/src/api-types.generated.js';
import { decodePlanDocument } from '../../web/src/decode-plan.js';

test('a plan document’s wire numbers read back as numbers; names that spell them stay names', () => {
  const doc: OptimalPlan = {
    model: 'm',
    objective: { kind: 'maxmin', cap: null },
    status: 'optimal',
    message: null,
    solver: 'highs-simplex',
    objectiveValue: 1.5,
    lambda: { '1': 1.5, '2': 'NaN' },
    levels: { '1': { p1: 1.5 } },
    stages: [{ priority: 1, step: 'tier', periods: ['p1'], status: 'optimal', objective: 1.5, iterations: 3, elapsedMs: 1, wallMs: 1, solver: 'highs-simplex' }],
    residuals: { primal: 0, dual: 0, gap: 'NaN' },
    activity: { p1: { NaN: 2 } },
    exports: { p1: {} },
    imports: { p1: {} },
    stock: { p1: {} },
    targets: [{ target: 0, item: 'Infinity', period: 'p1', priority: 1, amount: 0, delivered: 0, fulfilment: 'NaN' }],
    valuations: { p1: {} },
    resourcePrices: { p1: {} },
    normalisation: null,
    bottlenecks: [],
    diagnosis: null,
    written: [],
    resources: { p1: { labour: { use: 3, available: 10 }, water: { use: 6, available: 'Infinity' } } },
  };
  const d = decodePlanDocument(doc);
  assert.equal(d.status, 'optimal');
  if (d.status !== 'optimal') return;
  assert.ok(Number.isNaN(d.lambda?.['2']));
  assert.equal(d.lambda?.['1'], 1.5);
  assert.equal(d.resources['p1']['water'].available, Number.POSITIVE_INFINITY);
  assert.equal(d.resources['p1']['labour'].available, 10);
  assert.ok(Number.isNaN(d.targets[0].fulfilment));
  assert.equal(d.targets[0].item, 'Infinity', 'an item named "Infinity" is a name');
  assert.deepEqual(d.activity, { p1: { NaN: 2 } });
  assert.ok(Number.isNaN(d.residuals.gap));
});
