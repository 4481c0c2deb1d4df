import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster } from './postgres-cluster.js';

/** A fresh, empty database for one test suite, and how to drop it. */
export interface TestDatabase {
  /** postgres://… naming the database. */
  readonly url: string;
  /** Drops the database (closing whatever connections are left on it). */
  drop(): Promise<void>;
}

/** A throwaway cluster started by this process. */
interface Cluster {
  readonly url: string;
  readonly stop: () => void;
}

let cluster: Cluster | undefined;

/**
 * A throwaway cluster with durability off (fsync, synchronous_commit, full_page_writes), stopped
 * and removed when this process exits (see serverUrl).
 */
function startCluster(): Promise<Cluster> {
  return startPostgresCluster({ prefix: 'plenty-pg-', settings: ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'shared_buffers=16MB'], durable: false });
}

/** The server the tests use: PLENTY_TEST_POSTGRES, else a throwaway cluster of this process. */
async function serverUrl(): Promise<string> {
  const given = process.env.PLENTY_TEST_POSTGRES;
  if (given !== undefined && given !== '') return given;
  if (cluster === undefined) {
    cluster = await startCluster();
    const started = cluster;
    process.once('exit', () => started.stop());
  }
  return cluster.url;
}

/**
 * A fresh database for a test suite, on the server named by PLENTY_TEST_POSTGRES (whose user may
 * create databases) or, when that is not set, on a cluster this process starts itself (once, in a
 * temporary folder, as the `postgres` user when running as root; stopped and removed at exit).
 * Without PostgreSQL's programs this throws one sentence saying what to install: a PostgreSQL test
 * never skips silently.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const server = await serverUrl();
  const name = `plenty_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
