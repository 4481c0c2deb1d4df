import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { exampleText, startServer, type Harness } from './harness.js';

/**
 * POST /api/models/:id/paths and /uncertainty: the same documents as `plenty paths --json` and
 * `plenty uncertainty --json` (one use case behind both), on the 1930 example and pymrio's test
 * MRIO; bad requests located.
 */
describe('POST /api/models/:id/paths and /uncertainty', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    for (const [id, dir] of [['ussr-1930', 'ussr-1930'], ['pymrio', 'pymrio-test-mrio']]) {
      const a = await h.call('POST', '/api/models', { body: { id, format: 'yaml', text: exampleText(dir, 'economy.yaml') } });
      assert.equal(a.status, 201);
    }
  });
  after(async () => h.close());

  const cli = (...args: string[]): Record<string, unknown> => {
    const r = runCli(...args, '--json');
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const strip = (doc: Record<string, unknown>): Record<string, unknown> => {
    const rest = { ...doc };
    assert.deepEqual(rest.failures, []);
    assert.equal(typeof rest.version, 'number');
    delete rest.modelId;
    delete rest.version;
    delete rest.failures;
    return rest;
  };

  test('paths: equal to plenty paths --json (pymrio by region, the 1930 example by product)', async () => {
    const a = await h.call('POST', '/api/models/pymrio/paths', { body: { resource: 'emissions/emission_type1', region: 'reg2', top: 25, depth: 5 } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(strip(a.body), cli('paths', 'examples/pymrio-test-mrio/economy.yaml', '--resource', 'emissions/emission_type1', '--region', 'reg2', '--top', '25', '--depth', '5'));
    const b = await h.call('POST', '/api/models/ussr-1930/paths', { body: { resource: 'urban_labour', product: 'textiles@moscow_leningrad', threshold: 0.01 } });
    assert.equal(b.status, 200, JSON.stringify(b.body));
    assert.deepEqual(strip(b.body), cli('paths', 'examples/ussr-1930/economy.yaml', '--resource', 'urban_labour', '--product', 'textiles@moscow_leningrad', '--threshold', '0.01'));
    for (const p of b.body.paths as { share: number }[]) assert.ok(p.share >= 0.01);
  });

  test('uncertainty: equal to plenty uncertainty --json, seeded', async () => {
    const a = await h.call('POST', '/api/models/pymrio/uncertainty', { body: { rsd: 0.1, extensionRsd: 0.05, draws: 40, seed: 9 } });
    assert.equal(a.status, 200, JSON.stringify(a.body).slice(0, 300));
    assert.deepEqual(strip(a.body), cli('uncertainty', 'examples/pymrio-test-mrio/economy.yaml', '--rsd', '0.1', '--extension-rsd', '0.05', '--draws', '40', '--seed', '9'));
    const t = await h.call('POST', '/api/models/ussr-1930/uncertainty', { body: { rsd: 0, draws: 2, drawsTable: [{ draw: 1, row: 'grain@ukraine', column: 'bread@ukraine', value: 1 }] } });
    assert.equal(t.status, 200, JSON.stringify(t.body).slice(0, 300));
    assert.equal(t.body.drawsTable, 1);
  });

  test('bad requests: located 422s and 400s; too many draws for a request is a 422 at draws', async () => {
    const region = await h.call('POST', '/api/models/pymrio/paths', { body: { region: 'atlantis' } });
    assert.equal(region.status, 422);
    assert.deepEqual(region.body.error.issues[0].path, ['region']);
    const both = await h.call('POST', '/api/models/pymrio/paths', { body: { region: 'reg1', product: 'reg1/food' } });
    assert.equal(both.status, 422);
    const top = await h.call('POST', '/api/models/pymrio/paths', { body: { top: 0 } });
    assert.equal(top.status, 400);
    const unknown = await h.call('POST', '/api/models/pymrio/paths', { body: { colour: 'red' } });
    assert.equal(unknown.status, 400);
    const missing = await h.call('POST', '/api/models/pymrio/uncertainty', { body: {} });
    assert.equal(missing.status, 400);
    // The 1930 example: 2,000 draws × (resources + 1) × products is above the 2,000,000 numbers a request may keep.
    const many = await h.call('POST', '/api/models/ussr-1930/uncertainty', { body: { rsd: 0.1, draws: 2000 } });
    assert.equal(many.status, 422);
    assert.deepEqual(many.body.error.issues[0].path, ['draws']);
    const table = await h.call('POST', '/api/models/pymrio/uncertainty', { body: { rsd: 0, drawsTable: [{ draw: 1, row: 'nope', column: 'reg1/food', value: 1 }] } });
    assert.equal(table.status, 422);
    assert.deepEqual(table.body.error.issues[0].path, ['drawsTable', 0]);
  });
});
