import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OptimalPlan, Published } from '../../web/src/api-types.generated.js';
import { decodePlanDocument, decodePublished } from '../../web/src/decode-plan.js';

const optimalDoc = (): OptimalPlan => ({
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
    reducedCosts: { p1: {} },
    normalisation: null,
    bottlenecks: [],
    diagnosis: null,
    written: [],
    resources: { p1: { labour: { use: 3, available: 10 }, water: { use: 6, available: 'Infinity' } } },
});

test('a plan document’s wire numbers read back as numbers; names that spell them stay names', () => {
  const d = decodePlanDocument(optimalDoc());
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

test('the published plan (GET /published) reads its plan’s wire numbers back; the rest stays as sent', () => {
  const wire: Published = {
    planId: 7,
    publishedAt: '2026-01-01T00:00:00.000Z',
    plan: { id: 7, scenarioId: null, modelId: 'm', modelVersion: 2, inputsHash: 'h', objectiveKind: 'maxmin', solver: 'highs-simplex', status: 'optimal', objective: 1.5, createdAt: '2026-01-01T00:00:00.000Z', result: { ...optimalDoc(), levels: { '1': { p1: 'NaN' } } } },
  };
  const p = decodePublished(wire);
  assert.equal(p.planId, 7);
  assert.equal(p.plan.modelVersion, 2);
  assert.equal(p.plan.result.status, 'optimal');
  if (p.plan.result.status !== 'optimal') return;
  assert.ok(Number.isNaN(p.plan.result.levels?.['1']['p1']));
  assert.equal(p.plan.result.resources['p1']['water'].available, Number.POSITIVE_INFINITY);
  assert.deepEqual(wire.plan.result.status === 'optimal' ? wire.plan.result.levels : null, { '1': { p1: 'NaN' } }, 'the wire document is not changed');
});
