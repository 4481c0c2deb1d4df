import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from './harness.js';

test('a full disk is a 503 store-unavailable with the request id, nothing stored, and the service goes on', async () => {
  const lines: string[] = [];
  const h = await startServer({ logStream: { write: (line: string) => lines.push(line) } });
  try {
    // SQLite refuses to grow the file beyond max_page_count with SQLITE_FULL, as on a full disk.
    const pages = Number(h.store.sqlite.db.pragma('page_count', { simple: true }));
    h.store.sqlite.db.pragma(`max_page_count = ${pages}`);
    const text = `name: Big\nproducts:\n${Array.from({ length: 2000 }, (_, k) => `  - { id: p${k}, unit: t, name: "${'x'.repeat(40)}" }`).join('\n')}\n`;
    const full = await h.call('POST', '/api/models', { body: { format: 'yaml', text } });
    assert.equal(full.status, 503, JSON.stringify(full.body));
    assert.equal(full.body.error.code, 'store-unavailable');
    assert.match(full.body.error.message, /^the disk holding the store is full \(SQLite: SQLITE_FULL\): nothing of this request was stored/);
    assert.ok(typeof full.body.error.requestId === 'string' && full.body.error.requestId.length > 0);
    assert.ok(lines.some((l) => (JSON.parse(l) as { requestId?: string; status?: number }).requestId === full.body.error.requestId), 'logged with its request id');
    assert.equal((await h.call('GET', '/api/models')).body.length, 0, 'nothing stored');

    h.store.sqlite.db.pragma('max_page_count = 1073741823');
    const again = await h.call('POST', '/api/models', { body: { format: 'yaml', text } });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal((await h.call('GET', '/api/health')).status, 200, 'not taken for damage');
  } finally {
    await h.close();
  }
});
