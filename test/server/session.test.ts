import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OPERATIONS, routesOf } from '../../src/server/index.js';
import { startServer } from './harness.js';

describe('the dashboard’s session and the OpenAPI document', () => {
  test('with a session token, loopback requests get it; other addresses and foreign Host names do not', async () => {
    const h = await startServer({ sessionToken: 'session-token' });
    try {
      const local = await h.call('GET', '/api/session', { token: null });
      assert.equal(local.status, 200);
      assert.equal(local.body.token, 'session-token');
      const remote = await h.app.inject({ method: 'GET', url: '/api/session', remoteAddress: '192.168.1.20', headers: { host: '127.0.0.1' } });
      assert.equal(remote.statusCode, 403);
      assert.doesNotMatch(remote.body, /session-token/);
      const mapped = await h.app.inject({ method: 'GET', url: '/api/session', remoteAddress: '::ffff:10.0.0.7', headers: { host: 'localhost' } });
      assert.equal(mapped.statusCode, 403);
      const rebound = await h.app.inject({ method: 'GET', url: '/api/session', remoteAddress: '127.0.0.1', headers: { host: 'evil.example:8080' } });
      assert.equal(rebound.statusCode, 403);
      const ipv6 = await h.app.inject({ method: 'GET', url: '/api/session', remoteAddress: '::1', headers: { host: '[::1]:8080' } });
      assert.equal(ipv6.statusCode, 200);
    } finally {
      await h.close();
    }
  });

  test('without a session token /api/session is a 404', async () => {
    const h = await startServer();
    try {
      assert.equal((await h.call('GET', '/api/session', { token: null })).status, 404);
    } finally {
      await h.close();
    }
  });

  test('every registered API route is in /api/openapi.json, and every documented one is registered', async () => {
    const h = await startServer();
    try {
      const doc = await h.call('GET', '/api/openapi.json', { token: null });
      assert.equal(doc.status, 200);
      assert.equal(doc.body.openapi, '3.1.0');
      const registered = routesOf(h.app).filter((r) => r.url.startsWith('/api/'));
      assert.ok(registered.length >= 25);
      for (const r of registered) {
        const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
        assert.ok(doc.body.paths[path]?.[r.method.toLowerCase()] !== undefined, `${r.method} ${r.url} is not in the OpenAPI document`);
      }
      const keys = new Set(registered.map((r) => `${r.method.toLowerCase()} ${r.url}`));
      for (const op of OPERATIONS) assert.ok(keys.has(`${op.method} ${op.path}`), `${op.method} ${op.path} is documented but not registered`);
      assert.equal(doc.body.paths['/api/models'].post.requestBody.content['application/json'].schema.properties.format.enum.length, 2);
    } finally {
      await h.close();
    }
  });
});
