import type { Database } from 'better-sqlite3';

/** One step of the schema: applied once, in order, each in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * The schema, as an ordered list of migrations. Never edit a migration that has shipped: add the
 * next one. `schema_version` holds the version of the last migration applied.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'models, scenarios, plans, published plan, enterprises, tokens, reports, alerts, jobs',
    sql: `
      CREATE TABLE models (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
        created_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      );
      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        model_id TEXT NOT NULL,
        model_version INTEGER NOT NULL,
        name TEXT NOT NULL,
        overrides TEXT NOT NULL,
        created_at TEXT NOT NULL,
        FOREIGN KEY (model_id, model_version) REFERENCES models (id, version)
      );
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        scenario_id INTEGER REFERENCES scenarios (id),
        model_id TEXT NOT NULL,
        model_version INTEGER NOT NULL,
        inputs_hash TEXT NOT NULL,
        objective_kind TEXT NOT NULL,
        solver TEXT NOT NULL,
        status TEXT NOT NULL,
        objective REAL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX plans_inputs_hash ON plans (inputs_hash);
      CREATE TABLE published (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        plan_id INTEGER NOT NULL REFERENCES plans (id),
        published_at TEXT NOT NULL
      );
      CREATE TABLE enterprises (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('planner', 'enterprise')),
        enterprise TEXT REFERENCES enterprises (id),
        label TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE reports (
        report_id TEXT PRIMARY KEY,
        enterprise TEXT NOT NULL REFERENCES enterprises (id),
        period TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX reports_enterprise_period ON reports (enterprise, period);
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        enterprise TEXT NOT NULL,
        period TEXT NOT NULL,
        item TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('normal', 'warning', 'critical')),
        planned REAL NOT NULL,
        actual REAL NOT NULL,
        deviation REAL,
        message TEXT NOT NULL,
        report_id TEXT REFERENCES reports (report_id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX alerts_enterprise ON alerts (enterprise);
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        input TEXT NOT NULL,
        progress_fraction REAL,
        progress_text TEXT,
        plan_id INTEGER REFERENCES plans (id),
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'running totals of reports per enterprise, period and item; the techniques reported on',
    sql: `
      CREATE TABLE report_totals (
        enterprise TEXT NOT NULL,
        period TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('output', 'input')),
        item TEXT NOT NULL,
        amount REAL NOT NULL,
        PRIMARY KEY (enterprise, period, kind, item)
      ) WITHOUT ROWID;
      CREATE TABLE report_coverage (
        enterprise TEXT NOT NULL,
        period TEXT NOT NULL,
        technique TEXT NOT NULL,
        PRIMARY KEY (enterprise, period, technique)
      ) WITHOUT ROWID;
      INSERT INTO report_totals (enterprise, period, kind, item, amount)
        SELECT r.enterprise, r.period, 'output', j.key, SUM(j.value) FROM reports r, json_each(r.body, '$.outputs') j GROUP BY r.enterprise, r.period, j.key;
      INSERT INTO report_totals (enterprise, period, kind, item, amount)
        SELECT r.enterprise, r.period, 'input', j.key, SUM(j.value) FROM reports r, json_each(r.body, '$.inputs') j GROUP BY r.enterprise, r.period, j.key;
      INSERT OR IGNORE INTO report_coverage (enterprise, period, technique)
        SELECT enterprise, period, COALESCE(json_extract(body, '$.technique'), '') FROM reports;
    `,
  },
  {
    version: 3,
    description: 'report ids unique per enterprise (alerts reference reports by enterprise and report id); alerts get a kind and a superseded flag',
    // The old tables are renamed away (SQLite rewrites the alerts' reference to follow), the new
    // ones filled from them and the old ones dropped. An old alert's kind follows from its message
    // ("<enterprise> used …" is an input) and the sign of actual − planned; of the alerts of one
    // enterprise, period, item and side (output or input), all but the newest are superseded.
    sql: `
      ALTER TABLE alerts RENAME TO alerts_v2;
      ALTER TABLE reports RENAME TO reports_v2;
      CREATE TABLE reports (
        enterprise TEXT NOT NULL REFERENCES enterprises (id),
        report_id TEXT NOT NULL,
        period TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (enterprise, report_id)
      );
      INSERT INTO reports (enterprise, report_id, period, body, created_at)
        SELECT enterprise, report_id, period, body, created_at FROM reports_v2;
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        enterprise TEXT NOT NULL,
        period TEXT NOT NULL,
        item TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('under-delivery', 'over-delivery', 'input-over-use', 'input-under-use')),
        level TEXT NOT NULL CHECK (level IN ('normal', 'warning', 'critical')),
        planned REAL NOT NULL,
        actual REAL NOT NULL,
        deviation REAL,
        message TEXT NOT NULL,
        report_id TEXT,
        superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
        created_at TEXT NOT NULL,
        FOREIGN KEY (enterprise, report_id) REFERENCES reports (enterprise, report_id)
      );
      INSERT INTO alerts (id, enterprise, period, item, kind, level, planned, actual, deviation, message, report_id, created_at)
        SELECT a.id, a.enterprise, a.period, a.item,
          CASE WHEN substr(a.message, length(a.enterprise) + 2, 5) = 'used '
            THEN (CASE WHEN a.actual < a.planned THEN 'input-under-use' ELSE 'input-over-use' END)
            ELSE (CASE WHEN a.actual < a.planned THEN 'under-delivery' ELSE 'over-delivery' END) END,
          a.level, a.planned, a.actual, a.deviation, a.message,
          (SELECT r.report_id FROM reports r WHERE r.enterprise = a.enterprise AND r.report_id = a.report_id),
          a.created_at
        FROM alerts_v2 a;
      UPDATE alerts SET superseded = 1 WHERE EXISTS (
        SELECT 1 FROM alerts b
        WHERE b.enterprise = alerts.enterprise AND b.period = alerts.period AND b.item = alerts.item AND b.id > alerts.id
          AND (b.kind IN ('under-delivery', 'over-delivery')) = (alerts.kind IN ('under-delivery', 'over-delivery'))
      );
      DROP TABLE alerts_v2;
      DROP TABLE reports_v2;
      CREATE INDEX reports_enterprise_period ON reports (enterprise, period);
      CREATE INDEX alerts_enterprise ON alerts (enterprise);
      CREATE INDEX alerts_current ON alerts (enterprise, period, item) WHERE superseded = 0;
    `,
  },
];

/** The schema version of a database (0 for an empty file). */
export function schemaVersion(db: Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Brings a database up to the last migration: each pending migration and the new version number
 * in one transaction, so that a failed migration leaves the previous schema intact. Returns the
 * versions applied. A database newer than this code is refused.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  if (current > latest) throw new Error(`the store's schema (version ${current}) is newer than this version of Plenty understands (${latest})`);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    })();
    applied.push(m.version);
  }
  return applied;
}
