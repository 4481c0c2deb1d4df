import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, type Harness } from './harness.js';

describe('models over HTTP', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
  });
  after(async () => h.close());

  test('a valid model is stored (201) with a summary, listed, and read back by version', async () => {
    const text = exampleText('kantorovich', 'machine-tools.yaml');
    const a = await h.call('POST', '/api/models', { body: { format: 'yaml', text } });
    assert.equal(a.status, 201);
    assert.equal(a.body.id, 'kantorovich-1939-machine-tools');
    assert.equal(a.body.version, 1);
    assert.equal(a.body.summary.techniques, 6);
    assert.equal(a.body.summary.resources, 3);
    const list = await h.call('GET', '/api/models');
    assert.deepEqual(
      list.body.map((m: { id: string }) => m.id),
      ['kantorovich-1939-machine-tools'],
    );
    const again = await h.call('PUT', `/api/models/${a.body.id}`, { body: { format: 'yaml', text: text.replace('available: 3 }', 'available: 4 }') } });
    assert.equal(again.status, 200);
    assert.equal(again.body.version, 2);
    const v1 = await h.call('GET', `/api/models/${a.body.id}?version=1`);
    const v2 = await h.call('GET', `/api/models/${a.body.id}`);
    assert.equal(v1.body.text, text);
    assert.equal(v2.body.version, 2);
    assert.equal(v2.body.economy.resources[0].available, 4);
    assert.equal((await h.call('GET', `/api/models/${a.body.id}?version=3`)).status, 404);
  });

  test('the same model uploaded again without an id is a 409 naming the stored id, not a second entry', async () => {
    const text = exampleText('kantorovich', 'machine-tools.yaml');
    const before = (await h.call('GET', '/api/models')).body.length as number;
    const again = await h.call('POST', '/api/models', { body: { format: 'yaml', text } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'exists');
    assert.deepEqual(again.body.error.issues[0].path, ['body', 'id']);
    assert.equal(again.body.error.issues[0].value, 'kantorovich-1939-machine-tools');
    assert.match(again.body.error.message, /stored as "kantorovich-1939-machine-tools" \(version 2\): PUT/);
    assert.equal((await h.call('GET', '/api/models')).body.length, before, 'nothing stored');
    const other = await h.call('POST', '/api/models', { body: { format: 'yaml', text, id: 'machine-tools-copy' } });
    assert.equal(other.status, 201, 'another id stores it beside');
  });

  test('an invalid model is refused with 422 and located issues, and nothing is stored', async () => {
    const before = (await h.store.models.count());
    const text = ['name: broken', 'products:', '  - { id: bolt, unit: piece }', 'techniques:', '  - { id: make, produces: { bolt: 1 }, consumes: { nut: -2 } }'].join('\n');
    const a = await h.call('POST', '/api/models', { body: { format: 'yaml', text, id: 'broken' } });
    assert.equal(a.status, 422);
    assert.equal(a.body.error.code, 'invalid-input');
    assert.ok(a.body.error.issues.length >= 1);
    for (const issue of a.body.error.issues) {
      assert.equal(issue.line, 5, JSON.stringify(issue));
      assert.equal(typeof issue.column, 'number');
      assert.match(issue.text, /^broken\.yaml:5:\d+/);
    }
    assert.equal((await h.store.models.count()), before);
    assert.equal((await h.store.models.exists('broken')), false);
  });

  test('a JSON syntax error is located too', async () => {
    const a = await h.call('POST', '/api/models', { body: { format: 'json', text: '{\n  "name": "x",\n  "products": [ }' } });
    assert.equal(a.status, 422);
    assert.equal(a.body.error.issues[0].line, 3);
  });

  test('wrong types are a 400 naming the field and echoing the value; nothing stored', async () => {
    const before = (await h.store.models.count());
    const a = await h.call('POST', '/api/models', { body: { format: 'xml', text: 12 } });
    assert.equal(a.status, 400);
    assert.equal(a.body.error.code, 'invalid-request');
    const paths = a.body.error.issues.map((i: { path: string[] }) => i.path.join('.')).sort();
    assert.deepEqual(paths, ['body.format', 'body.text']);
    assert.equal(a.body.error.issues.find((i: { path: string[] }) => i.path[1] === 'format').value, 'xml');
    const unknown = await h.call('POST', '/api/models', { body: { format: 'yaml', text: 'name: x', colour: 'red' } });
    assert.equal(unknown.status, 400);
    const bad = await h.call('POST', '/api/models', { raw: '{"format": "yaml", ' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid-json');
    assert.equal((await h.store.models.count()), before);
  });

  test('a body over 10 MB is a 413 and nothing is stored', async () => {
    const before = (await h.store.models.count());
    const text = `name: huge\n# ${'x'.repeat(10 * 1024 * 1024)}\n`;
    const a = await h.call('POST', '/api/models', { body: { format: 'yaml', text } });
    assert.equal(a.status, 413);
    assert.equal(a.body.error.code, 'too-large');
    assert.equal((await h.store.models.count()), before);
  });

  test('balance check of the model’s own plan, as plenty balance --json', async () => {
    const up = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('cockshott', 'economy.yaml'), id: 'cockshott' } });
    assert.equal(up.status, 201);
    const a = await h.call('POST', '/api/models/cockshott/balance', { body: {} });
    assert.equal(a.status, 200);
    assert.equal(a.body.model, up.body.name);
    assert.equal(typeof a.body.counts, 'object');
    const bad = await h.call('POST', '/api/models/cockshott/balance', { body: { plan: { output: { steel: 3 } } } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.issues[0].value, 'steel');
  });

  test('a model text nested 5,000 and 100,000 deep is a 422 located at the first level too deep; nothing stored', async () => {
    const before = (await h.store.models.count());
    for (const depth of [5000, 100000]) {
      const lists = '['.repeat(depth) + ']'.repeat(depth);
      for (const [format, text, column] of [
        ['json', `{"name": ${lists}}`, 73],
        ['yaml', `name: ${lists}`, 70],
      ] as const) {
        const a = await h.call('POST', '/api/models', { body: { format, text } });
        assert.equal(a.status, 422, `${format} ${depth}: ${JSON.stringify(a.body).slice(0, 300)}`);
        assert.equal(a.body.error.code, 'invalid-input');
        assert.equal(a.body.error.issues[0].code, 'too-deep');
        assert.deepEqual([a.body.error.issues[0].line, a.body.error.issues[0].column], [1, column]);
        assert.match(a.body.error.issues[0].message, /more than 64 levels/);
      }
    }
    assert.equal((await h.store.models.count()), before);
  });

  test('a body nested too deeply is a 400 in the error shape, on upload and on balance', async () => {
    const before = (await h.store.models.count());
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const up = await h.call('POST', '/api/models', { raw: `{"format": "yaml", "text": "name: x", "extra": ${deep}}` });
    assert.equal(up.status, 400);
    assert.equal(up.body.error.code, 'too-deep');
    assert.deepEqual(up.body.error.issues[0].path.slice(0, 3), ['body', 'extra', 0]);
    assert.equal((await h.store.models.count()), before);
    const model = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('cockshott', 'economy.yaml'), id: 'deep-balance' } });
    assert.equal(model.status, 201);
    for (const depth of [5000, 100000]) {
      const lists = '['.repeat(depth) + ']'.repeat(depth);
      const b = await h.call('POST', '/api/models/deep-balance/balance', { raw: `{"plan": {"activity": ${lists}}}` });
      assert.equal(b.status, 400, JSON.stringify(b.body).slice(0, 300));
      assert.equal(b.body.error.code, 'too-deep');
    }
  });

  test('a body that is not UTF-8 (a Latin-1 model) is a 400 naming the byte offset, line and column; nothing stored', async () => {
    const before = (await h.store.models.count());
    const body = Buffer.concat([Buffer.from('{"format": "yaml", "text": "products: [{ id: bread, unit: t }]\\nname: caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const res = await fetch(`${h.url}/api/models`, { method: 'POST', headers: { authorization: `Bearer ${h.planner}`, 'content-type': 'application/json' }, body });
    const answer = (await res.json()) as { error: { code: string; message: string; issues: { path: string[]; message: string; line: number; column: number }[] } };
    assert.equal(res.status, 400);
    assert.equal(answer.error.code, 'invalid-encoding');
    assert.deepEqual(answer.error.issues[0].path, ['body']);
    assert.equal(answer.error.issues[0].message, 'not valid utf-8 text at byte offset 73');
    assert.deepEqual([answer.error.issues[0].line, answer.error.issues[0].column], [1, 74]);
    assert.equal((await h.store.models.count()), before);
  });

  test('a model name is well-formed Unicode, trimmed and non-empty', async () => {
    const text = 'name: Small\nproducts:\n  - { id: a, unit: t }\n';
    for (const name of ['\ud800x', '   ', '\ufeff']) {
      const a = await h.call('POST', '/api/models', { body: { format: 'yaml', text, name } });
      assert.equal(a.status, 400, JSON.stringify(name));
      assert.deepEqual(a.body.error.issues[0].path, ['body', 'name']);
    }
    const ok = await h.call('POST', '/api/models', { body: { format: 'yaml', text, id: 'named', name: '  Small one  ' } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.name, 'Small one');
  });

  test('unknown models and routes are JSON 404s', async () => {
    const a = await h.call('GET', '/api/models/no-such-model');
    assert.equal(a.status, 404);
    assert.equal(a.body.error.code, 'not-found');
    assert.equal((await h.call('GET', '/api/nothing-here')).status, 404);
  });
});
