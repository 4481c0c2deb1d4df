import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster } from '../../test/helpers/postgres-cluster.js';

/**
 * The server settings of the benchmark's cluster: PostgreSQL's defaults where durability is
 * concerned (fsync on, synchronous_commit on: a commit is answered once its WAL is flushed to
 * disk, as SQLite's `synchronous = FULL`), room for every node's pool.
 */
export const BENCH_POSTGRES_SETTINGS: readonly string[] = ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on', 'shared_buffers=128MB', 'max_connections=100'];

/** A cluster started for the benchmark, in a temporary folder. */
export interface BenchCluster {
  /** postgres://… of its `postgres` database (superuser `plenty`, trust authentication). */
  readonly url: string;
  /** PostgreSQL's version (`SHOW server_version`). */
  readonly version: string;
  /** A fresh database on it; its URL. */
  database(): Promise<string>;
  /** Stops the cluster and removes its folder. */
  stop(): void;
}

/**
 * Starts a PostgreSQL cluster of its own for the benchmark (as the test helper does, but durable:
 * BENCH_POSTGRES_SETTINGS), on a free port of 127.0.0.1 with its data in a temporary folder on
 * the same disk as the SQLite runs' data folders.
 */
export async function startBenchCluster(): Promise<BenchCluster> {
  const { url, port, stop } = await startPostgresCluster({ prefix: 'plenty-bench-pg-', settings: BENCH_POSTGRES_SETTINGS, durable: true });
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let version: string;
    try {
      version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    } finally {
      await admin.end();
    }
    return {
      url,
      version,
      async database() {
        const name = `plenty_bench_${randomBytes(4).toString('hex')}`;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE ${name}`);
        } finally {
          await c.end();
        }
        return `postgres://plenty@127.0.0.1:${port}/${name}`;
      },
      stop,
    };
  } catch (err) {
    stop();
    throw err;
  }
}
