import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBindir } from './postgres-binaries.js';

/** A cluster started in a temporary folder, and how to stop it (which removes the folder). */
export interface StartedCluster {
  /** postgres://… of its `postgres` database (superuser `plenty`, trust authentication). */
  readonly url: string;
  readonly port: number;
  readonly stop: () => void;
}

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
  throw new Error('running as root and PostgreSQL refuses to: create a `postgres` user (Debian: apt-get install postgresql), or set PLENTY_TEST_POSTGRES to the URL of a running server');
}

/** Runs one of PostgreSQL's programs (as `user` when given); throws with its output when it fails. */
function run(bin: string, program: string, args: string[], user: string | undefined): void {
  const [command, argv] = user === undefined ? [join(bin, program), args] : ['runuser', ['-u', user, '--', join(bin, program), ...args]];
  const r = spawnSync(command, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${program} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr || r.stdout).trim()}`);
}

/**
 * Starts a PostgreSQL cluster in a temporary folder named `prefix…`: initdb (trust authentication,
 * superuser `plenty`), then pg_ctl start on a free port of 127.0.0.1 (another, up to three times,
 * if the port was taken in between) with the socket in the same folder and the server `settings`
 * (`name=value`). `durable`: initdb syncs and the cluster is stopped in `fast` mode; otherwise
 * neither (a test cluster need not survive a power cut).
 */
export async function startPostgresCluster(o: { readonly prefix: string; readonly settings: readonly string[]; readonly durable: boolean }): Promise<StartedCluster> {
  const bin = postgresBindir();
  const user = unprivilegedUser();
  const dir = mkdtempSync(join(tmpdir(), o.prefix));
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  const log = join(dir, 'server.log');
  const stop = (): void => {
    try {
      run(bin, 'pg_ctl', ['stop', '-D', data, '-m', o.durable ? 'fast' : 'immediate', '-w'], user?.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'plenty', '-E', 'UTF8', '--locale=C', ...(o.durable ? [] : ['--no-sync'])], user?.name);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = [`-p ${port}`, `-k '${dir}'`, '-c listen_addresses=127.0.0.1', ...o.settings.map((s) => `-c ${s}`)].join(' ');
    try {
      run(bin, 'pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options], user?.name);
      return { url: `postgres://plenty@127.0.0.1:${port}/postgres`, port, stop };
    } catch (err) {
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
