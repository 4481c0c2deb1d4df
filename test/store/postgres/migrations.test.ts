import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { migratePostgres, POSTGRES_MIGRATIONS, postgresSchemaVersion } from '../../../src/store/postgres/migrations.js';
import { testDatabase, type TestDatabase } from '../../helpers/postgres.js';

let db: TestDatabase;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  clients.push(c);
  return c;
}

const tables = async (c: pg.Client): Promise<string[]> =>
  (await c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.t);

before(async () => {
  db = await testDatabase();
});
after(async () => {
  for (const c of clients) await c.end();
  await db.drop();
});

test('two nodes migrating an empty database at once: one applies the schema, the other waits and finds it current', async () => {
  const [a, b] = [await connect(), await connect()];
  assert.equal(await postgresSchemaVersion(a), 0);
  const applied = await Promise.all([migratePostgres(a), migratePostgres(b)]);
  assert.deepEqual(applied.map((v) => v.length).sort(), [0, POSTGRES_MIGRATIONS.length]);
  assert.deepEqual(applied.flat(), POSTGRES_MIGRATIONS.map((m) => m.version));
  assert.equal(await postgresSchemaVersion(a), POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version);
  assert.deepEqual(await tables(a), ['alerts', 'enterprises', 'jobs', 'models', 'plans', 'plenty_schema_version', 'published', 'report_coverage', 'report_totals', 'reports', 'scenarios', 'tokens']);
  assert.deepEqual(await migratePostgres(a), []);
});

test('a migration that fails leaves the schema as it was; a schema newer than the code is refused', async () => {
  const c = await connect();
  const latest = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;
  const broken = [...POSTGRES_MIGRATIONS, { version: latest + 1, description: 'broken', sql: 'CREATE TABLE half_done (x integer); SELECT no_such_column FROM models' }];
  await assert.rejects(migratePostgres(c, broken), /no_such_column/);
  assert.equal(await postgresSchemaVersion(c), latest);
  assert.ok(!(await tables(c)).includes('half_done'));
  await c.query('UPDATE plenty_schema_version SET version = 99');
  await assert.rejects(migratePostgres(c), /schema \(version 99\) is newer than this version of Plenty understands \(\d+\)/);
  await c.query('UPDATE plenty_schema_version SET version = $1', [latest]);
});

test('report ids are unique per enterprise, not across enterprises', async () => {
  const c = await connect();
  const t = new Date().toISOString();
  await c.query('INSERT INTO enterprises (id, name, created_at) VALUES ($1, $1, $2), ($3, $3, $2)', ['a', t, 'b']);
  const add = (e: string): Promise<unknown> => c.query("INSERT INTO reports (enterprise, report_id, period, body, created_at) VALUES ($1, 'r1', '2026-01', '{}', $2)", [e, t]);
  await add('a');
  await add('b');
  await assert.rejects(add('a'), /duplicate key/);
});
