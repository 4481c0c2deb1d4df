import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { STORE_FILE, openPlentyStore, openSqliteStore } from '../../src/store/index.js';
import { storeSuite } from './store-suite.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'plenty-sqlite-store-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storeSuite('SQLite in memory', () => Promise.resolve(openSqliteStore({ dir: ':memory:' })));
storeSuite('SQLite file', () => Promise.resolve(openSqliteStore({ dir: tempDir(), synchronous: 'NORMAL' })));

describe('SqliteStore', () => {
  test('refuses a call on the store itself from inside its transaction (it would wait forever), and rolls back', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    try {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.enterprises.add('e', 'E');
          await store.enterprises.list();
        }),
        /inside one of its transactions/,
      );
      await assert.rejects(store.transaction(async () => store.transaction(async () => Promise.resolve(1))), /inside one of its transactions/);
      assert.deepEqual(await store.enterprises.list(), []);
    } finally {
      await store.close();
    }
  });

  test('openPlentyStore: a data folder or its plenty.sqlite is SQLite; other URLs are refused (a postgres:// URL: test/store/postgres-store.test.ts)', async () => {
    const dir = tempDir();
    const a = await openPlentyStore(dir);
    assert.equal(a.kind, 'sqlite');
    assert.equal(a.location, join(dir, STORE_FILE));
    await a.models.add('m', 'M', 'x', 'yaml');
    await a.close();
    const b = await openPlentyStore(join(dir, STORE_FILE));
    assert.equal(await b.models.count(), 1);
    await b.close();
    await assert.rejects(openPlentyStore('mysql://db.example/plenty'), /data folder \(SQLite\) or a postgres:\/\/ URL/);
  });

  test('openPlentyStore without a spec: PLENTY_STORE, else PLENTY_DATA', async () => {
    const saved = { store: process.env.PLENTY_STORE, data: process.env.PLENTY_DATA };
    const one = tempDir();
    const two = tempDir();
    try {
      process.env.PLENTY_STORE = one;
      process.env.PLENTY_DATA = two;
      const a = await openPlentyStore();
      assert.equal(a.location, join(one, STORE_FILE));
      await a.close();
      delete process.env.PLENTY_STORE;
      const b = await openPlentyStore();
      assert.equal(b.location, join(two, STORE_FILE));
      await b.close();
    } finally {
      for (const [k, v] of [['PLENTY_STORE', saved.store], ['PLENTY_DATA', saved.data]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
