import pg from 'pg';
import { redactUrl } from '../redact-url.js';
import { migratePostgres } from './migrations.js';
import { PostgresStore } from './postgres-store.js';
import { postgresTypes } from './postgres-types.js';

/**
 * How long a connection (or a wait for a free one of the pool) may take before the call fails as
 * unavailable: a server that does not answer is reported, not waited for forever.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** How to open a PostgreSQL store. */
export interface OpenPostgresStoreOptions {
  /** The most connections this process holds (node-postgres's pool `max`). Default: PLENTY_PG_POOL, else 10. */
  readonly maxConnections?: number;
}

/** The server options a URL gives in its `options` parameter (e.g. `-c search_path=plenty`), or ''. */
function urlOptions(url: string): string {
  try {
    return new URL(url).searchParams.get('options') ?? '';
  } catch {
    return '';
  }
}

/**
 * Opens the PostgreSQL store at `url` (postgres://user:password@host:port/database, and
 * node-postgres's query parameters such as `sslmode`, and `options=-c search_path=SCHEMA` to keep
 * the store in a schema of its own): a pool of connections, each in the UTC
 * time zone; the schema brought up to date (src/store/postgres/migrations.ts) before the store is
 * returned. A server that cannot be reached, or refuses the user, rejects here.
 */
export async function openPostgresStore(url: string, options: OpenPostgresStoreOptions = {}): Promise<PostgresStore> {
  const fromEnv = Number(process.env.PLENTY_PG_POOL);
  const max = options.maxConnections ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10);
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types: postgresTypes, options: `${urlOptions(url)} -c TimeZone=UTC`.trim(), application_name: 'plenty' });
  // An idle connection that fails (the server restarted) is dropped by the pool; the next call reconnects.
  pool.on('error', () => undefined);
  // A checked-out connection that fails between statements errs on its client: the call using it
  // rejects (a transaction is abandoned, postgres-store.ts), never the process (graphile-worker,
  // which shares the pool for solve workers, asks for this listener too).
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PostgresStore(pool, redactUrl(url));
}
