import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, STORE_FILE, Store, canonicalJson, migrate, openStore, schemaVersion } from '../../src/store/index.js';

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
      // A report whose follow-up (its alerts, in the same transaction) fails is not stored either.
      store.enterprises.add('e2', 'Second');
      assert.throws(() =>
        store.transaction(() => {
          store.reports.submit('r1', 'e2', '1', { a: 1 });
          store.alerts.add({ enterprise: 'e2', period: '1', item: 'x', kind: 'over-delivery', level: 'warning', planned: 1, actual: 2, deviation: 1, message: 'm', reportId: 'no-such-report' });
        }),
      );
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

  test('reports: ids are per enterprise; a report id of one enterprise is no conflict for another', () => {
    const store = openStore({ dir: ':memory:' });
    try {
      store.enterprises.add('a', 'A');
      store.enterprises.add('b', 'B');
      assert.equal(store.reports.submit('r', 'a', '1', { outputs: { x: 1 } }).kind, 'created');
      assert.equal(store.reports.submit('r', 'b', '1', { outputs: { x: 2 } }).kind, 'created');
      assert.equal(store.reports.submit('r', 'b', '1', { outputs: { x: 2 } }).kind, 'repeated');
      assert.equal(store.reports.submit('r', 'a', '1', { outputs: { x: 3 } }).kind, 'conflict');
      assert.deepEqual(store.reports.get('b', 'r')?.body, { outputs: { x: 2 } });
      assert.equal(store.reports.get('c', 'r'), undefined);
      // An alert names its report by enterprise and id: b's alert cannot name a report only a has.
      store.reports.submit('only-a', 'a', '1', {});
      assert.throws(() => store.alerts.add({ enterprise: 'b', period: '1', item: 'x', kind: 'over-delivery', level: 'warning', planned: 1, actual: 2, deviation: 1, message: 'm', reportId: 'only-a' }), /FOREIGN KEY/);
    } finally {
      store.close();
    }
  });

  test('alerts: a newer alert of the same enterprise, period, item and side supersedes the older; filters by kind and superseded', () => {
    const store = openStore({ dir: ':memory:' });
    try {
      const base = { enterprise: 'e', period: '1', planned: 10, message: 'm', reportId: null } as const;
      const a = store.alerts.add({ ...base, item: 'x', kind: 'under-delivery', level: 'critical', actual: 4, deviation: -0.6 });
      const b = store.alerts.add({ ...base, item: 'x', kind: 'input-over-use', level: 'warning', actual: 11, deviation: 0.1 });
      const c = store.alerts.add({ ...base, item: 'y', kind: 'under-delivery', level: 'warning', actual: 9, deviation: -0.1 });
      const d = store.alerts.add({ ...base, item: 'x', kind: 'over-delivery', level: 'normal', actual: 10.01, deviation: 0.001 });
      const ids = (f: Parameters<Store['alerts']['list']>[0]) => store.alerts.list(f).map((x) => x.id);
      assert.deepEqual(ids({ superseded: false }), [b.id, c.id, d.id], 'the input alert of x and the alert of y stay current');
      assert.deepEqual(ids({ superseded: true }), [a.id]);
      assert.deepEqual(ids({}), [a.id, b.id, c.id, d.id]);
      assert.deepEqual(ids({ kind: 'under-delivery' }), [a.id, c.id]);
      assert.equal(store.alerts.list({ superseded: true })[0].superseded, true);
    } finally {
      store.close();
    }
  });

  test('migration 3 keeps every report under its id and enterprise, and gives old alerts their kind and superseded flag', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    try {
      migrate(db, MIGRATIONS.slice(0, 2));
      const at = '2026-01-01T00:00:00.000Z';
      db.prepare("INSERT INTO enterprises (id, name, created_at) VALUES ('Mill', 'Mill', ?), ('Bakery', 'Bakery', ?)").run(at, at);
      const report = db.prepare('INSERT INTO reports (report_id, enterprise, period, body, created_at) VALUES (?, ?, ?, ?, ?)');
      report.run('m-1', 'Mill', '1930', '{"outputs":{"flour":6}}', at);
      report.run('m-2', 'Mill', '1930', '{"outputs":{"flour":3}}', at);
      report.run('b-1', 'Bakery', '1930', '{"inputs":{"flour":5}}', at);
      db.prepare("INSERT INTO report_totals (enterprise, period, kind, item, amount) VALUES ('Mill', '1930', 'output', 'flour', 9)").run();
      const alert = db.prepare('INSERT INTO alerts (enterprise, period, item, level, planned, actual, deviation, message, report_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      alert.run('Mill', '1930', 'flour', 'critical', 10, 6, -0.4, 'Mill produced 6 of flour in 1930 against 10 planned (−40.0%)', 'm-1', at);
      alert.run('Mill', '1930', 'flour', 'normal', 10, 9, -0.1, 'Mill produced 9 of flour in 1930 against 10 planned (−10.0%)', 'm-2', at);
      alert.run('Bakery', '1930', 'flour', 'warning', 4, 5, 0.25, 'Bakery used 5 of flour in 1930 against 4 planned (+25.0%)', 'b-1', at);
      alert.run('Bakery', '1930', 'flour', 'warning', 8, 5, -0.375, 'Bakery used 5 of flour in 1930 against 8 planned (−37.5%)', null, at);
      assert.deepEqual(migrate(db), [3]);
      const store = new Store(db, ':memory:');
      assert.deepEqual(
        store.reports.list().map((r) => `${r.enterprise}/${r.reportId}`),
        ['Bakery/b-1', 'Mill/m-1', 'Mill/m-2'],
      );
      assert.deepEqual(store.reports.totals('Mill', '1930').outputs.get('flour'), 9, 'the running totals stay');
      assert.deepEqual(
        store.alerts.list().map((a) => [a.enterprise, a.kind, a.superseded, a.reportId]),
        [
          ['Mill', 'under-delivery', true, 'm-1'],
          ['Mill', 'under-delivery', false, 'm-2'],
          ['Bakery', 'input-over-use', true, 'b-1'],
          ['Bakery', 'input-under-use', false, null],
        ],
      );
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      assert.equal(store.reports.submit('m-1', 'Bakery', '1930', {}).kind, 'created', 'the Bakery may now use the Mill’s id');
      const next = store.alerts.add({ enterprise: 'Mill', period: '1930', item: 'flour', kind: 'over-delivery', level: 'normal', planned: 10, actual: 10, deviation: 0, message: 'm', reportId: 'm-2' });
      assert.ok(next.id > 4, 'new alert ids follow the old ones');
    } finally {
      db.close();
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
