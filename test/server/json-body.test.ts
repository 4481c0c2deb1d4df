import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type Harness } from './harness.js';

/** Posts raw bytes as a JSON body with the planner's token. */
async function postBytes(h: Harness, path: string, bytes: Uint8Array | string): Promise<{ status: number; body: { error: { code: string; message: string; issues: { path: unknown[]; line?: number; column?: number; value?: unknown }[] } } }> {
  const res = await fetch(h.url + path, { method: 'POST', headers: { authorization: `Bearer ${h.planner}`, 'content-type': 'application/json' }, body: bytes });
  return { status: res.status, body: (await res.json()) as never };
}

describe('JSON bodies on every route', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
  });
  after(async () => {
    await h.close();
  });
  const routes = ['/api/models', '/api/scenarios', '/api/enterprises', '/api/reports', '/api/replan'];

  test('a body nested 5,000 deep is a 400 too-deep at its path, not a stack overflow', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const route of routes) {
      const r = await postBytes(h, route, `{"zz":${deep}}`);
      assert.equal(r.status, 400, `${route}: ${JSON.stringify(r.body).slice(0, 200)}`);
      assert.equal(r.body.error.code, 'too-deep');
      assert.deepEqual(r.body.error.issues[0].path.slice(0, 3), ['body', 'zz', 0]);
      assert.match(r.body.error.message, /more than 64 levels/);
    }
  });

  test('a body that is not UTF-8 is a 400 invalid-encoding naming the place, never read as U+FFFD', async () => {
    const latin1 = Buffer.from('{"id":"caf\xe9"}', 'latin1');
    for (const route of routes) {
      const r = await postBytes(h, route, latin1);
      assert.equal(r.status, 400, route);
      assert.equal(r.body.error.code, 'invalid-encoding');
      assert.deepEqual(r.body.error.issues[0], { path: ['body'], message: 'not valid utf-8 text at byte offset 10', value: '0xE9', line: 1, column: 11 });
    }
  });

  test('bad JSON and prototype keys are refused in the documented error shape', async () => {
    for (const text of ['{"id":', '{"__proto__":{"a":1}}']) {
      const r = await postBytes(h, '/api/enterprises', text);
      assert.equal(r.status, 400, text);
      assert.equal(r.body.error.code, 'invalid-json');
      assert.deepEqual(r.body.error.issues, []);
    }
  });

  test('a well-formed body nested within the limit reaches its route', async () => {
    const r = await postBytes(h, '/api/enterprises', '{"id":"no_such_works"}');
    assert.equal(r.status, 422);
    assert.equal(r.body.error.issues[0].path.join('.'), 'body.id');
  });
});
