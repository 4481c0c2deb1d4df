import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corruptTable } from '../store/damaged-store.js';
import { PLANNER_TOKEN, startServer } from './harness.js';

interface Reply {
  readonly status: number;
  readonly requestId: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

test('a store damaged under the running service: reads that meet the damage and every write answer 503 store-damaged (nothing committed), other reads 200, each 5xx logged with its request id', async () => {
  const lines: string[] = [];
  const h = await startServer({ logStream: { write: (line: string) => lines.push(line) } });
  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(h.url + path, {
      method,
      headers: { authorization: `Bearer ${PLANNER_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, requestId: res.headers.get('x-request-id'), body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  try {
    await h.store.enterprises.add('works', 'The works');
    await h.store.transaction(async (tx) => {
      for (let k = 0; k < 400; k++) await tx.reports.submit(`r${k}`, 'works', '1930', { outputs: { grain: k }, note: 'x'.repeat(200) });
    });
    const upload = { format: 'yaml', id: 'small', text: 'name: Small\nproducts:\n  - { id: a, unit: t }\n' };
    assert.equal((await call('GET', '/api/reports')).status, 200);
    corruptTable(h.store.sqlite.path, 'reports');

    const read = await call('GET', '/api/reports');
    assert.equal(read.status, 503, JSON.stringify(read.body));
    assert.equal(read.body.error.code, 'store-damaged');
    assert.match(read.body.error.message, /the store is damaged .*restored from a backup \(plenty store restore\)/);
    assert.deepEqual(read.body.error.issues, []);
    assert.equal(read.body.error.requestId, read.requestId);
    assert.ok(!read.body.error.message.includes(h.dir), 'the answer does not give away the server’s paths');

    // Writes, even of tables the damage does not touch, are refused and leave nothing.
    const model = await call('POST', '/api/models', upload);
    assert.equal(model.status, 503, JSON.stringify(model.body));
    assert.equal(model.body.error.code, 'store-damaged');
    const report = await call('POST', '/api/reports', { reportId: 'late', enterprise: 'works', period: '1930', outputs: { grain: 1 }, inputs: {} });
    assert.equal(report.status, 503, JSON.stringify(report.body));
    assert.equal((await call('POST', '/api/enterprises', { id: 'other' })).status, 503);

    // Reads that can be served are.
    const models = await call('GET', '/api/models');
    assert.equal(models.status, 200);
    assert.ok(!(models.body as { id: string }[]).some((m) => m.id === 'small'), 'the refused upload was not committed');
    assert.equal((await call('GET', '/api/enterprises')).status, 200);
    const health = await call('GET', '/api/health');
    assert.equal(health.status, 503);
    assert.equal(health.body.error.code, 'store-damaged');

    // Every 503 was logged with its request id, method, URL and the error's stack.
    const logged = lines.map((l) => JSON.parse(l) as { level: number; requestId: string; method: string; url: string; status: number; err: { stack: string } });
    for (const r of [read, model, report]) {
      const entry = logged.find((l) => l.requestId === r.requestId);
      assert.ok(entry !== undefined, `a log line for ${String(r.requestId)}`);
      assert.equal(entry.level, 50);
      assert.equal(entry.status, 503);
      assert.match(entry.err.stack, /StoreDamagedError: the store .* is damaged/);
    }
    assert.equal(logged.find((l) => l.requestId === model.requestId)?.method, 'POST');
    assert.equal(logged.find((l) => l.requestId === model.requestId)?.url, '/api/models');
  } finally {
    await h.close();
  }
});
