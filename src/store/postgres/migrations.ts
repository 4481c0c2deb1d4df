import type pg from 'pg';

/** One step of the PostgreSQL schema: applied once, in order. */
export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * The PostgreSQL schema, as an ordered list of migrations (numbered on their own, not as
 * SQLite's). Version 1 holds the tables of SQLite's schema version 3 with the same columns and
 * meaning: ids the store gives are `bigint` identities, times `timestamptz` (read back as the
 * same ISO 8601 UTC strings), JSON documents (overrides, plan results, report bodies, job inputs)
 * text as written, report ids unique per enterprise. Text keys that lists are ordered by use the
 * "C" collation, so that they sort bytewise as in SQLite whatever the database's locale. Never
 * edit a migration that has shipped: add the next one.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: "models, scenarios, plans, published plan, enterprises, tokens, reports and their running totals, alerts, jobs (SQLite's schema version 3)",
    sql: `
      CREATE TABLE models (
        id text COLLATE "C" NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        text text NOT NULL,
        format text NOT NULL CHECK (format IN ('yaml', 'json')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (id, version)
      );
      CREATE TABLE scenarios (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        model_id text COLLATE "C" NOT NULL,
        model_version integer NOT NULL,
        name text NOT NULL,
        overrides text NOT NULL,
        created_at timestamptz NOT NULL,
        FOREIGN KEY (model_id, model_version) REFERENCES models (id, version)
      );
      CREATE TABLE plans (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        scenario_id bigint REFERENCES scenarios (id),
        model_id text COLLATE "C" NOT NULL,
        model_version integer NOT NULL,
        inputs_hash text NOT NULL,
        objective_kind text NOT NULL,
        solver text NOT NULL,
        status text NOT NULL,
        objective double precision,
        result text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX plans_inputs_hash ON plans (inputs_hash);
      CREATE INDEX plans_scenario ON plans (scenario_id);
      CREATE TABLE published (
        slot smallint PRIMARY KEY CHECK (slot = 1),
        plan_id bigint NOT NULL REFERENCES plans (id),
        published_at timestamptz NOT NULL
      );
      CREATE TABLE enterprises (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE tokens (
        hash text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('planner', 'enterprise')),
        enterprise text COLLATE "C" REFERENCES enterprises (id),
        label text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX tokens_label ON tokens (label);
      CREATE TABLE reports (
        enterprise text COLLATE "C" NOT NULL REFERENCES enterprises (id),
        report_id text COLLATE "C" NOT NULL,
        period text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (enterprise, report_id)
      );
      CREATE INDEX reports_enterprise_period ON reports (enterprise, period);
      CREATE TABLE report_totals (
        enterprise text COLLATE "C" NOT NULL,
        period text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('output', 'input')),
        item text NOT NULL,
        amount double precision NOT NULL,
        PRIMARY KEY (enterprise, period, kind, item)
      );
      CREATE TABLE report_coverage (
        enterprise text COLLATE "C" NOT NULL,
        period text NOT NULL,
        technique text NOT NULL,
        PRIMARY KEY (enterprise, period, technique)
      );
      CREATE TABLE alerts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise text COLLATE "C" NOT NULL,
        period text NOT NULL,
        item text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('under-delivery', 'over-delivery', 'input-over-use', 'input-under-use')),
        level text NOT NULL CHECK (level IN ('normal', 'warning', 'critical')),
        planned double precision NOT NULL,
        actual double precision NOT NULL,
        deviation double precision,
        message text NOT NULL,
        report_id text COLLATE "C",
        superseded boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        FOREIGN KEY (enterprise, report_id) REFERENCES reports (enterprise, report_id)
      );
      CREATE INDEX alerts_enterprise ON alerts (enterprise);
      CREATE INDEX alerts_current ON alerts (enterprise, period, item) WHERE NOT superseded;
      CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        input text NOT NULL,
        progress_fraction double precision,
        progress_text text,
        plan_id bigint REFERENCES plans (id),
        error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX jobs_unfinished ON jobs (status) WHERE status IN ('queued', 'running');
    `,
  },
  {
    version: 2,
    description: 'jobs: the attempt, lease owner and lease expiry of a job run by a solve worker (src/store/postgres/job-queue.ts)',
    sql: `
      ALTER TABLE jobs ADD COLUMN attempt integer NOT NULL DEFAULT 0, ADD COLUMN lease_owner text, ADD COLUMN lease_until timestamptz;
      CREATE INDEX jobs_leases ON jobs (lease_until) WHERE status = 'running';
    `,
  },
];

/** The advisory lock key under which the schema is migrated ('PLNT' and 1: Plenty's schema). */
export const MIGRATION_LOCK: readonly [number, number] = [0x504c4e54, 1];

/** The schema version of a database (0 for one without Plenty's tables), read inside `client`'s transaction. */
async function versionOf(client: pg.ClientBase): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS plenty_schema_version (version integer NOT NULL)');
  const r = await client.query<{ version: number }>('SELECT version FROM plenty_schema_version');
  return r.rows[0]?.version ?? 0;
}

/**
 * Brings a PostgreSQL database up to the last migration, all pending migrations and the new
 * version number in one transaction under an advisory lock: two nodes starting at once do not
 * race (the second waits, then finds the schema current), and a failed migration leaves the
 * previous schema intact. Returns the versions applied. A database newer than this code is refused.
 */
export async function migratePostgres(client: pg.ClientBase, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    const current = await versionOf(client);
    if (current > latest) throw new Error(`the store's schema (version ${current}) is newer than this version of Plenty understands (${latest})`);
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      applied.push(m.version);
    }
    if (applied.length > 0) {
      await client.query('DELETE FROM plenty_schema_version');
      await client.query('INSERT INTO plenty_schema_version (version) VALUES ($1)', [latest]);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** The schema version of a PostgreSQL database (0: none of Plenty's tables). */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'plenty_schema_version'");
  if (exists.rowCount === 0) return 0;
  const r = await client.query<{ version: number }>('SELECT version FROM plenty_schema_version');
  return r.rows[0]?.version ?? 0;
}
