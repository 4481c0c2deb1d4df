import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBindir } from './postgres-binaries.js';

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

/** An unused TCP port on 127.0.0.1 (as far as one can tell before binding it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: then its programs run as the `postgres` user (or `nobody`). */
function unprivilegedUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('the tests run as root and PostgreSQL refuses to: create a `postgres` user (Debian: apt-get install postgresql), or set PLENTY_TEST_POSTGRES to the URL of a running server');
}

/** Runs one of PostgreSQL's programs (as `user` when given); throws with its output when it fails. */
function run(bin: string, program: string, args: string[], user: string | undefined): void {
  const [command, argv] = user === undefined ? [join(bin, program), args] : ['runuser', ['-u', user, '--', join(bin, program), ...args]];
  const r = spawnSync(command, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${program} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr || r.stdout).trim()}`);
}

/**
 * Starts a cluster in a temporary folder: initdb (trust authentication, superuser `plenty`), then
 * pg_ctl start on a free port of 127.0.0.1 with the socket in the same folder, durability off
 * (fsync, synchronous_commit: a test cluster need not survive a power cut). Stopped and removed
 * when this process exits.
 */
async function startCluster(): Promise<Cluster> {
  const bin = postgresBindir();
  const user = unprivilegedUser();
  const dir = mkdtempSync(join(tmpdir(), 'plenty-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  const log = join(dir, 'server.log');
  const stop = (): void => {
    try {
      run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w'], user?.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'plenty', '-E', 'UTF8', '--locale=C', '--no-sync'], user?.name);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB`;
    try {
      run(bin, 'pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options], user?.name);
      return { url: `postgres://plenty@127.0.0.1:${port}/postgres`, stop };
    } catch (err) {
      // Another process may have taken the port in between: try another, a few times.
      if (attempt < 3) continue;
      let tail = '';
      try {
        tail = readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n');
      } catch {
        // No log written.
      }
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${(err as Error).message}\n${tail}`, { cause: err });
    }
  }
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
