import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildServer } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('every answer carries x-request-id (a well-formed incoming one is kept); a 500 is logged with it, its method, URL and stack, and its body gives it', async () => {
  const store = openSqliteStore({ dir: ':memory:' });
  const lines: string[] = [];
  const app = await buildServer({ store, logStream: { write: (line: string) => lines.push(line) } });
  app.post('/api/test-failure', async () => {
    throw new Error('a bug planted by the test');
  });
  try {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
    assert.match(String(health.headers['x-request-id']), UUID);
    const other = await app.inject({ method: 'GET', url: '/api/health' });
    assert.notEqual(other.headers['x-request-id'], health.headers['x-request-id']);

    for (const [given, kept] of [
      ['trace-7f3a.b:2_x', true],
      ['has spaces', false],
      ['-leading-dash', false],
      ['x'.repeat(65), false],
      ['ünïcode', false],
    ] as const) {
      const r = await app.inject({ method: 'GET', url: '/api/models', headers: { 'x-request-id': given } });
      assert.equal(r.statusCode, 401);
      if (kept) assert.equal(r.headers['x-request-id'], given);
      else assert.match(String(r.headers['x-request-id']), UUID, given);
    }
    const badUrl = await app.inject({ method: 'GET', url: '/api/models/%E0%A4%A' });
    assert.equal(badUrl.statusCode, 400);
    assert.match(String(badUrl.headers['x-request-id']), UUID);
    assert.equal(badUrl.json<{ error: { code: string } }>().error.code, 'bad-request');
    const missing = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['x-request-id']), UUID);
    assert.equal(lines.length, 0, 'nothing but errors is logged by default');

    const failed = await app.inject({ method: 'POST', url: '/api/test-failure?x=1', headers: { 'x-request-id': 'quote-me-1' } });
    assert.equal(failed.statusCode, 500);
    assert.equal(failed.headers['x-request-id'], 'quote-me-1');
    const body = failed.json<{ error: { code: string; message: string; issues: unknown[]; requestId: string } }>();
    assert.deepEqual(body.error, { code: 'internal', message: 'internal error (a bug in Plenty): please report it with the request id quote-me-1', issues: [], requestId: 'quote-me-1' });

    assert.equal(lines.length, 1);
    const entry = JSON.parse(lines[0]) as { level: number; requestId: string; method: string; url: string; status: number; err: { message: string; stack: string } };
    assert.equal(entry.level, 50);
    assert.equal(entry.requestId, 'quote-me-1');
    assert.equal(entry.method, 'POST');
    assert.equal(entry.url, '/api/test-failure?x=1');
    assert.equal(entry.status, 500);
    assert.match(entry.err.stack, /Error: a bug planted by the test\n\s+at /);
  } finally {
    await app.close();
    await store.close();
  }
});
