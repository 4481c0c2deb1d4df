import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBindir } from '../../test/helpers/postgres-binaries.js';

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

/** The `postgres` user when running as root (the server refuses root). */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) throw new Error('running as root and there is no `postgres` user for the server to run as');
  return { name: 'postgres', uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function run(bin: string, program: string, args: string[], user: string | undefined): void {
  const [command, argv] = user === undefined ? [join(bin, program), args] : ['runuser', ['-u', user, '--', join(bin, program), ...args]];
  const r = spawnSync(command, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${program} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr || r.stdout).trim()}`);
}

/**
 * Starts a PostgreSQL cluster of its own for the benchmark (as the test helper does, but durable:
 * BENCH_POSTGRES_SETTINGS), on a free port of 127.0.0.1 with its data in a temporary folder on
 * the same disk as the SQLite runs' data folders.
 */
export async function startBenchCluster(): Promise<BenchCluster> {
  const bin = postgresBindir();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'plenty-bench-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  const stop = (): void => {
    try {
      run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w'], user?.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'plenty', '-E', 'UTF8', '--locale=C'], user?.name);
    const port = await freePort();
    const options = [`-p ${port}`, `-k '${dir}'`, '-c listen_addresses=127.0.0.1', ...BENCH_POSTGRES_SETTINGS.map((s) => `-c ${s}`)].join(' ');
    run(bin, 'pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options], user?.name);
    const url = `postgres://plenty@127.0.0.1:${port}/postgres`;
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
    try {
      stop();
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
    throw err;
  }
}
