import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, STORE_FILE, canonicalJson, migrate, openStore, schemaVersion } from '../../src/store/index.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'plenty-store-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const TABLES = ['alerts', 'enterprises', 'jobs', 'models', 'plans', 'published', 'report_coverage', 'report_totals', 'reports', 'scenarios', 'schema_version', 'tokens'];

describe('store', () => {
  test('an empty file is migrated to the last version, in WAL mode with synchronous FULL', () => {
    const dir = tempDir();
    const store = openStore({ dir });
    try {
      assert.equal(schemaVersion(store.db), MIGRATIONS[MIGRATIONS.length - 1].version);
      const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      assert.deepEqual(tables, TABLES);
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('synchronous', { simple: true }), 2);
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(store.path, join(dir, STORE_FILE));
    } finally {
      store.close();
    }
  });

  test('re-opening keeps the data and applies no migration twice; --fresh starts empty', () => {
    const dir = tempDir();
    const first = openStore({ dir, synchronous: 'NORMAL' });
    assert.equal(first.db.pragma('synchronous', { simple: true }), 1);
    first.models.add('m', 'A model', 'name: A model', 'yaml');
    first.models.add('m', 'A model', 'name: A model\n', 'yaml');
    first.tokens.add('t', 'planner', null);
    first.close();
    const again = openStore({ dir });
    try {
      assert.deepEqual(migrate(again.db), []);
      assert.equal(again.models.get('m')?.version, 2);
      assert.equal(again.models.get('m', 1)?.text, 'name: A model');
      assert.equal(again.tokens.find('t')?.role, 'planner');
      assert.equal((again.db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n, 1);
    } finally {
      again.close();
    }
    const fresh = openStore({ dir, fresh: true });
    try {
      assert.equal(fresh.models.count(), 0);
    } finally {
      fresh.close();
    }
  });

  test('a failing transaction leaves nothing behind', () => {
    const store = openStore({ dir: tempDir() });
    try {
      assert.throws(
        () =>
          store.transaction(() => {
            store.enterprises.add('e1', 'First');
            store.tokens.add('tok', 'enterprise', 'e1');
            store.enterprises.add('e1', 'Again'); // primary key: throws
          }),
        /UNIQUE/,
      );
      assert.deepEqual(store.enterprises.list(), []);
      assert.equal(store.tokens.find('tok'), undefined);
      // A report whose follow-up fails is not stored either.
      store.enterprises.add('e2', 'Second');
      assert.throws(() => store.reports.submit('r1', 'e2', '1', { a: 1 }, () => store.alerts.add({ enterprise: 'e2', period: '1', item: 'x', level: 'warning', planned: 1, actual: 2, deviation: 1, message: 'm', reportId: 'no-such-report' })));
      assert.equal(store.reports.count(), 0);
      assert.deepEqual(store.alerts.list(), []);
    } finally {
      store.close();
    }
  });

  test('a failing migration leaves the previous schema and version; a newer store is refused', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, [{ version: 1, description: 'one', sql: 'CREATE TABLE a (x INTEGER)' }]);
      const broken = [
        { version: 1, description: 'one', sql: 'CREATE TABLE a (x INTEGER)' },
        { version: 2, description: 'two', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1)' },
      ];
      assert.throws(() => migrate(db, broken), /nowhere/);
      assert.equal(schemaVersion(db), 1);
      assert.equal(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get(), undefined);
      assert.throws(() => migrate(db, []), /newer/);
    } finally {
      db.close();
    }
  });

  test('reports: same body in another key order is a repeat, another body a conflict', () => {
    const store = openStore({ dir: ':memory:' });
    try {
      store.enterprises.add('e', 'E');
      assert.equal(store.reports.submit('r', 'e', '1', { outputs: { a: 1, b: 2 }, period: '1' }).kind, 'created');
      assert.equal(store.reports.submit('r', 'e', '1', { period: '1', outputs: { b: 2, a: 1 } }).kind, 'repeated');
      assert.equal(store.reports.submit('r', 'e', '1', { period: '1', outputs: { b: 2, a: 1.5 } }).kind, 'conflict');
      assert.equal(store.reports.count(), 1);
      assert.equal(canonicalJson({ b: [{ d: 1, c: 2 }], a: null }), '{"a":null,"b":[{"c":2,"d":1}]}');
    } finally {
      store.close();
    }
  });

  test('jobs: a finished job never changes again; unfinished jobs of a previous run are marked failed', () => {
    const store = openStore({ dir: ':memory:' });
    try {
      const a = store.jobs.add('solve', { x: 1 });
      const b = store.jobs.add('solve', { x: 2 });
      assert.equal(store.jobs.update(a.id, { status: 'running', fraction: 0.5, text: 'half' }), true);
      assert.equal(store.jobs.update(b.id, { status: 'cancelled' }), true);
      assert.equal(store.jobs.update(b.id, { status: 'done' }), false);
      assert.equal(store.jobs.get(b.id)?.status, 'cancelled');
      assert.equal(store.jobs.failUnfinished('restart'), 1);
      assert.deepEqual([store.jobs.get(a.id)?.status, store.jobs.get(a.id)?.error, store.jobs.get(a.id)?.progress.fraction], ['failed', 'restart', 0.5]);
    } finally {
      store.close();
    }
  });
});
