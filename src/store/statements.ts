import type { Database, Statement } from 'better-sqlite3';

/** Prepares an SQL text once and hands back the same statement on every later call. */
export type Statements = (sql: string) => Statement;

const byDatabase = new WeakMap<Database, Map<string, Statement>>();

/**
 * The prepared statements of one database, shared by its repositories: each SQL text is
 * prepared on first use and kept for the life of the connection.
 */
export function statements(db: Database): Statements {
  let cache = byDatabase.get(db);
  if (cache === undefined) byDatabase.set(db, (cache = new Map()));
  const kept = cache;
  return (sql) => {
    let s = kept.get(sql);
    if (s === undefined) kept.set(sql, (s = db.prepare(sql)));
    return s;
  };
}
