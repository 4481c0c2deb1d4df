import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { decodeOptimalPlan, decodePlan, encodePlan, planDocument, wireNumber } from '../../src/report/index.js';
import { issuesOf } from '../helpers/input-error.js';

/** The plan document (report/plan-document-schema.ts): encodePlan → JSON → decodePlan. */

// Bread from labour (100 h) and land, which has no limit: the land's availability is Infinity.
const text = `
name: Bread
products: [{ id: bread, unit: t }]
resources:
  - { id: labour, unit: h, available: 100 }
  - { id: land, unit: ha }
techniques:
  - { id: bake, produces: { bread: 1 }, uses: { labour: 2, land: 0.5 } }
targets: [{ product: bread, amount: 40 }]
`;

async function solved() {
  const c = compileEconomy(parseEconomy(text, { file: 'm.yaml' }));
  const r = await solvePlan(c, { objective: { kind: 'maxmin', cap: Infinity }, solver: highsSolver });
  assert.equal(r.status, 'optimal');
  return { c, r };
}

describe('plan document', () => {
  test('on the wire non-finite numbers are strings and an uncapped maxmin says cap null; decoded they are numbers again', async () => {
    const { c, r } = await solved();
    const wire = JSON.parse(JSON.stringify(encodePlan(c, r, { written: ['p.yaml'] }))) as Record<string, unknown>;
    assert.equal(wire['status'], 'optimal');
    assert.deepEqual((wire['objective'] as Record<string, unknown>)['cap'], null);
    const resources = wire['resources'] as Record<string, Record<string, { use: unknown; available: unknown }>>;
    const period = c.periods.ids[0];
    assert.equal(resources[period]['land'].available, 'Infinity');
    assert.equal(resources[period]['labour'].available, 100);

    const doc = decodeOptimalPlan(wire);
    assert.equal(doc.objective.cap, Infinity);
    assert.equal(doc.resources[period]['land'].available, Infinity);
    assert.deepEqual(doc.written, ['p.yaml']);
    // 100 h of labour at 2 h per t: 50 t of bread, λ = 50 / 40.
    assert.ok(Math.abs(Object.values(doc.lambda ?? {})[0] - 1.25) < 1e-9, JSON.stringify(doc.lambda));
    assert.equal(doc.targets[0].fulfilment, r.fulfilment[0]);
    assert.equal(doc.activity[period]['bake'], r.activity[0]);
    assert.equal(doc.objectiveValue, r.objectiveValue);
  });

  test('encoding is the inverse of decoding: the same JSON text again', async () => {
    const { c, r } = await solved();
    const once = JSON.stringify(encodePlan(c, r));
    assert.equal(JSON.stringify(planDocument.encode(decodePlan(JSON.parse(once)))), once);
  });

  test('a wire number: NaN, ±Infinity as strings, and back', () => {
    for (const x of [NaN, Infinity, -Infinity, 0, -2.5]) {
      const w = wireNumber.encode(x);
      assert.equal(typeof w, Number.isFinite(x) ? 'number' : 'string');
      assert.ok(Object.is(wireNumber.decode(w), x), String(x));
    }
  });

  test('a document that does not fit the schema: an InputError naming the source, the JSON path and the value', async () => {
    const { c, r } = await solved();
    const wire = JSON.parse(JSON.stringify(encodePlan(c, r))) as { targets: Record<string, unknown>[]; activity?: unknown };
    wire.targets[0]['fulfilment'] = 'lots';
    delete wire.activity;
    const issues = issuesOf(() => decodePlan(wire, 'plan 7'));
    assert.deepEqual(
      issues.map((i) => [i.code, i.location.file, i.location.path]).sort(),
      [
        ['invalid-plan-document', 'plan 7', ['activity']],
        ['invalid-plan-document', 'plan 7', ['targets', 0, 'fulfilment']],
      ],
    );
    assert.equal(issues.find((i) => i.location.path?.[0] === 'targets')?.value, 'lots');
    assert.equal(issuesOf(() => decodePlan('{}'))[0].location.file, 'plan document');
  });

  test('a failed plan\'s document decodes; decodeOptimalPlan refuses it, naming its status', () => {
    const failed = { model: 'Bread', objective: { kind: 'mincost' }, status: 'infeasible', message: null, solver: 'highs', stages: [], diagnosis: null };
    assert.equal(decodePlan(failed).status, 'infeasible');
    const issues = issuesOf(() => decodeOptimalPlan(failed, 'plan 3'));
    assert.deepEqual([issues[0].code, issues[0].location.path, issues[0].value], ['not-optimal', ['status'], 'infeasible']);
    assert.match(issues[0].message, /status infeasible/);
  });
});
