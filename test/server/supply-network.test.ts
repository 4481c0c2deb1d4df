import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publishModel, startServer, type Harness } from './harness.js';

/**
 * Grain grown in the south goes north by rail, on a line of 60 t in y1 and 80 t in y2; the north
 * needs 50 t a period.
 */
const MODEL = `
name: Grain by rail
periods: [y1, y2]
regions:
  - { id: south, name: The south, population: 100 }
  - { id: north, name: The north, population: 200 }
products:
  - { id: grain, unit: t }
resources:
  - { id: land, unit: ha, available: 1000 }
  - { id: line, unit: t, name: "Railway line south–north", available: { y1: 60, y2: 80 } }
techniques:
  - { id: farm, region: south, produces: { grain: 1 }, uses: { land: 1 }, enterprise: south-farm }
  - { id: rail, region: south, produces: { grain@north: 1 }, consumes: { grain: 1 }, uses: { line: 1 } }
targets:
  - { product: grain, region: north, amount: 50, priority: 1, category: households }
  - { product: grain, region: south, amount: 10, priority: 2, category: households }
`;

describe('GET /api/supply and /api/enterprises/names', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    await publishModel(h, MODEL, 'rail');
  });
  after(async () => h.close());

  test('the flows between regions equal the supply assignments between them, on the line they use', async () => {
    const net = await h.call('GET', '/api/supply');
    assert.equal(net.status, 200, JSON.stringify(net.body));
    assert.deepEqual(net.body.regions, [{ id: 'south', name: 'The south' }, { id: 'north', name: 'The north' }]);
    assert.deepEqual(net.body.periods, ['y1', 'y2']);
    for (const period of ['y1', 'y2']) {
      const flows = net.body.flows.filter((f: { period: string }) => f.period === period);
      assert.equal(flows.length, 1, JSON.stringify(flows));
      const f = flows[0];
      assert.equal(f.product, 'grain');
      assert.equal(f.unit, 't');
      assert.equal(f.from, 'south');
      assert.equal(f.to, 'north');
      assert.deepEqual(f.lines, ['line']);
      const line = net.body.lines.find((l: { period: string }) => l.period === period);
      assert.equal(line.resource, 'line');
      assert.equal(line.unit, 't');
      assert.equal(line.name, 'Railway line south–north');
      assert.ok(Math.abs(line.used - f.amount) < 1e-6, `${period}: line use ${line.used} against flow ${f.amount}`);
      assert.ok(line.capacity !== null && line.used <= line.capacity + 1e-6);
      assert.ok(Math.abs(line.load - line.used / line.capacity) < 1e-12);
      assert.deepEqual(line.links, [{ from: 'south', to: 'north', products: ['grain'] }]);
    }
    const y2 = await h.call('GET', '/api/supply?period=y2');
    assert.equal(y2.status, 200);
    assert.ok(y2.body.flows.every((f: { period: string }) => f.period === 'y2') && y2.body.flows.length === 1);
    assert.ok(y2.body.lines.every((l: { period: string }) => l.period === 'y2'));
    const bad = await h.call('GET', '/api/supply?period=y9');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.issues[0].path, ['query', 'period']);
  });

  test('the enterprise names a model gives, named first, with whether each is registered', async () => {
    const before = await h.call('GET', '/api/enterprises/names?model=rail');
    assert.equal(before.status, 200);
    assert.deepEqual(before.body, { model: 'rail', names: [{ id: 'south-farm', registered: false }, { id: 'rail', registered: false }] });
    assert.equal((await h.call('POST', '/api/enterprises', { body: { id: 'south-farm' } })).status, 201);
    const all = await h.call('GET', '/api/enterprises/names');
    assert.ok(all.body.names.some((n: { id: string; registered: boolean }) => n.id === 'south-farm' && n.registered));
    assert.equal((await h.call('GET', '/api/enterprises/names?model=nothing')).status, 404);
    assert.equal((await h.call('GET', '/api/enterprises/names', { token: null })).status, 401);
  });

  test('an enterprise plan gives the units of the items and resources it names', async () => {
    const plan = await h.call('GET', '/api/enterprises/south-farm/plan');
    assert.equal(plan.status, 200);
    assert.deepEqual(plan.body.periods, ['y1', 'y2']);
    assert.deepEqual(plan.body.units, { items: { 'grain@south': 't' }, resources: { land: 'ha' } });
  });
});
