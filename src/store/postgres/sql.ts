import type pg from 'pg';

/**
 * Where a PostgreSQL repository runs its statements: the store's pool (each statement on its own,
 * autocommitted) or one client inside an open transaction.
 */
export interface Sql {
  /** Runs one statement (prepared once per connection, by its text). */
  query<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * Runs `body`'s statements as one atomic unit: on the pool, in a transaction of their own on
   * one client; inside a transaction, as part of it.
   */
  atomic<T>(body: (sql: Sql) => Promise<T>): Promise<T>;
}

const names = new Map<string, string>();

/** A query config naming the statement after its text, so that each connection prepares it once. */
export function prepared(text: string, values: readonly unknown[] = []): pg.QueryConfig {
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `plenty_${names.size + 1}`));
  return { name, text, values: [...values] };
}
