import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { testDatabase } from './postgres.js';

test('testDatabase gives an empty database of its own, and drop removes it', async () => {
  const a = await testDatabase();
  const b = await testDatabase();
  assert.notEqual(a.url, b.url);
  const client = new pg.Client({ connectionString: a.url });
  await client.connect();
  const tables = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
  assert.equal(tables.rows[0].n, 0);
  const name = (await client.query('SELECT current_database() AS name')).rows[0].name as string;
  await client.end();
  await a.drop();
  const other = new pg.Client({ connectionString: b.url });
  await other.connect();
  const left = await other.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [name]);
  await other.end();
  assert.equal(left.rows[0].n, 0);
  await b.drop();
});
