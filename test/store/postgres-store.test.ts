import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { openPlentyStore, openPostgresStore } from '../../src/store/index.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';
import { seededRandom } from '../helpers/random.js';
import { storeSuite } from './store-suite.js';

let database: TestDatabase | undefined;
let schemas = 0;
/** A URL of an empty schema of this file's database: one database per run, a schema per store opened. */
async function freshUrl(): Promise<string> {
  database ??= await testDatabase();
  const schema = `store_${++schemas}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
after(async () => {
  await database?.drop();
});

storeSuite('PostgreSQL', async () => openPostgresStore(await freshUrl()));

describe('PostgresStore', () => {
  test('refuses a call on the store itself from inside its transaction (it would not be part of it), and rolls back', async () => {
    const store = await openPostgresStore(await freshUrl());
    try {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.enterprises.add('e', 'E');
          await store.enterprises.list();
        }),
        /inside a transaction's body/,
      );
      assert.deepEqual(await store.enterprises.list(), []);
    } finally {
      await store.close();
    }
  });

  test('openPlentyStore: a postgres:// or postgresql:// URL (or PLENTY_STORE) is this store; one that cannot be opened is an input error naming --store, without the password', async () => {
    const url = await freshUrl();
    const a = await openPlentyStore(url);
    assert.equal(a.kind, 'postgres');
    await a.enterprises.add('e', 'E');
    await a.close();
    const saved = process.env.PLENTY_STORE;
    process.env.PLENTY_STORE = url.replace(/^postgres:/, 'postgresql:');
    try {
      const b = await openPlentyStore();
      assert.equal(b.kind, 'postgres');
      assert.deepEqual((await b.enterprises.list()).map((e) => e.id), ['e'], 'the same database and schema');
      await b.close();
    } finally {
      if (saved === undefined) delete process.env.PLENTY_STORE;
      else process.env.PLENTY_STORE = saved;
    }
    await assert.rejects(openPlentyStore('postgres://planner:secret@127.0.0.1:1/plenty'), (err: Error & { issues?: { message: string; value?: unknown; location: { path: string[] } }[] }) => {
      const issue = err.issues?.[0];
      assert.match(issue?.message ?? '', /the PostgreSQL store postgres:\/\/planner:\*\*\*@127\.0\.0\.1:1\/plenty cannot be opened: .*ECONNREFUSED/);
      assert.deepEqual(issue?.location.path, ['--store']);
      assert.doesNotMatch(`${issue?.message} ${String(issue?.value)}`, /secret/, 'the password is masked');
      return true;
    });
    await assert.rejects(openPlentyStore(url, { fresh: true }), /--fresh empties an SQLite store only/);
  });

  test('a connection the server ends is unavailability (a sentence naming no URL), and the next call works on a new connection', async () => {
    const url = await freshUrl();
    const store = await openPostgresStore(url);
    try {
      await store.enterprises.add('e', 'E');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      let failure: unknown;
      try {
        const pending = store.transaction(async (tx) => {
          await tx.enterprises.add('f', 'F');
          await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'plenty' AND datname = current_database() AND pid <> pg_backend_pid()");
          await tx.enterprises.add('g', 'G');
        });
        await pending.catch((err: unknown) => (failure = err));
      } finally {
        await admin.end();
      }
      assert.ok(failure !== undefined, 'the transaction failed');
      const sentence = store.unavailable(failure);
      assert.match(sentence ?? '', /PostgreSQL server.*nothing of this request was stored; retry/, String(failure));
      assert.doesNotMatch(sentence ?? '', /127\.0\.0\.1|postgres:\/\//);
      assert.deepEqual((await store.enterprises.list()).map((e) => e.id), ['e'], 'nothing of the transaction, and the store works again');
      assert.equal(store.unavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })), undefined, "a request's own error is not unavailability");
    } finally {
      await store.close();
    }
  });

  test('transactions writing reports on the same items in different orders all commit (no deadlock), each report counted once', async () => {
    const store = await openPostgresStore(await freshUrl());
    try {
      await store.enterprises.add('e', 'E');
      const random = seededRandom(13);
      const items = ['grain', 'steel', 'coal', 'cloth'];
      const orders = Array.from({ length: 6 }, () => [...items].sort(() => random() - 0.5));
      const results = await Promise.allSettled(
        orders.map((order, t) =>
          store.transaction(async (tx) => {
            for (const [k, item] of order.entries()) {
              await tx.savepoint(async (sp) => sp.reports.submit(`t${t}-${k}`, 'e', '1', { outputs: { [item]: 1 } }));
              await new Promise((resolve) => setImmediate(resolve));
            }
          }),
        ),
      );
      assert.deepEqual(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), []);
      const totals = await store.reports.totals('e', '1');
      assert.deepEqual(new Map([...totals.outputs].sort()), new Map(items.map((i) => [i, 6] as [string, number]).sort()));
    } finally {
      await store.close();
    }
  });
});
