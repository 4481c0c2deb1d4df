import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { balancePlan, balanceTables, balanceJson, compileEconomy, parseEconomy, planActivities, encodePlan, solvePlan, summariseBalance } from '../../src/index.js';

/** Every number in a document, with its path; a result document holds only finite ones. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (ArrayBuffer.isView(value)) return nonFinite(Array.from(value as unknown as ArrayLike<number>), path);
  if (Array.isArray(value)) return value.flatMap((v, k) => nonFinite(v, `${path}[${k}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

// Bread from labour, whose availability is 0: maxmin fulfils nothing (λ = 0, objective 0), and the
// labour limit binds with a price but no rent. Land has no limit.
const text = `
name: Nothing to spare
products: [{ id: bread, unit: t }]
resources:
  - { id: labour, unit: h, available: 0 }
  - { id: land, unit: ha }
techniques:
  - { id: bake, produces: { bread: 1 }, uses: { labour: 1, land: 0.5 } }
targets: [{ product: bread, amount: 10 }]
plan: { activity: { bake: 4 } }
`;

describe('result documents hold no non-finite number', () => {
  test('balance: an unlimited resource’s availability and slack are null (JSON) and empty cells (tables)', () => {
    const e = parseEconomy(text, { file: 'm.yaml' });
    const c = compileEconomy(e);
    const report = balancePlan(c, planActivities(c, e.plan!));
    const summary = summariseBalance(report);
    const json = balanceJson(c, report, summary, undefined, { model: e.name, plan: 'own', all: true }) as { resources: { id: string; available: number | null; slack: number | null }[] };
    assert.deepEqual(nonFinite(json), []);
    const land = json.resources.find((r) => r.id === 'land');
    assert.deepEqual([land?.available, land?.slack], [null, null]);
    const resources = balanceTables(report, summary, undefined, { all: true }).find((t) => t.name === 'resources');
    assert.ok(resources !== undefined);
    assert.deepEqual(nonFinite(resources.rows), []);
    assert.match(resources.notes?.join(' ') ?? '', /no limit/);
  });

  test('plan: an uncapped maxmin says cap null, and a zero objective gives bottleneck shares of null', async () => {
    const c = compileEconomy(parseEconomy(text, { file: 'm.yaml' }));
    const r = await solvePlan(c, { objective: { kind: 'maxmin', cap: Infinity } });
    assert.equal(r.status, 'optimal');
    assert.equal(r.objectiveValue, 0);
    const json = encodePlan(c, r);
    assert.ok(json.status === 'optimal');
    assert.deepEqual(nonFinite(json), []);
    assert.equal(json.objective.cap, null);
    assert.ok(json.bottlenecks.length > 0, 'labour binds');
    for (const b of json.bottlenecks) assert.equal(b.share, null, b.id);
  });
});
