import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stopOnSignals } from '../stop-on-signals.js';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../../model/errors.js';
import { parseEconomy } from '../../model/parse-economy.js';
import { buildServer, LOG_LEVELS, type LogLevel } from '../../server/index.js';
import { newToken, openPlentyStore, type PlentyStore } from '../../store/index.js';

export interface ServeFlags {
  readonly port?: string;
  readonly host?: string;
  readonly data?: string;
  readonly store?: string;
  readonly fresh?: boolean;
  readonly open?: boolean;
  readonly sync?: string;
  readonly logLevel?: string;
  readonly workers?: string;
}

/** The folder holding package.json (examples/ and web/dist/ are found from it). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/**
 * The label of a node's session token: `session` on SQLite (one service per data folder);
 * `session@MACHINE/HOST:PORT` on PostgreSQL, so that a node started with --open replaces its own
 * previous session token, not the one another node's dashboard is using (with --port 0, whose
 * port is not known yet, the process id is added: two such nodes on one machine stay apart).
 */
export function sessionLabel(kind: PlentyStore['kind'], host: string, port: number, machine = hostname(), pid = process.pid): string {
  if (kind === 'sqlite') return 'session';
  return `session@${machine}/${host}:${port}${port === 0 ? `/${pid}` : ''}`;
}

/** Loads examples/<name>/economy.yaml into the store as model <name>. Returns the ids loaded. */
export async function loadExamples(store: PlentyStore, root: string): Promise<string[]> {
  const folder = join(root, 'examples');
  if (!existsSync(folder)) return [];
  const loaded: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const file = join(folder, name, 'economy.yaml');
    if (!existsSync(file) || (await store.models.exists(name))) continue;
    const text = readFileSync(file, 'utf8');
    const economy = parseEconomy(text, { file: `${name}.yaml`, format: 'yaml' });
    // Another node starting on the same empty PostgreSQL store may be loading it too: stored once.
    if ((await store.models.addFirst(name, economy.name, text, 'yaml')) !== undefined) loaded.push(name);
  }
  return loaded;
}

/**
 * `plenty serve`: the planning service. Opens the store (loading the built-in examples into an
 * empty one), makes sure a planner token exists, listens, and prints `listening on URL` as the
 * first line of stdout, then the planner token if it made one. Stops on SIGINT or SIGTERM.
 */
export async function serveCommand(flags: ServeFlags): Promise<void> {
  const portText = flags.port ?? process.env.PLENTY_PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw inputError('invalid-option', '--port must be a whole number from 0 to 65535', { path: ['--port'] }, portText);
  const host = flags.host ?? '127.0.0.1';
  const sync = (flags.sync ?? 'full').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw inputError('invalid-option', '--sync must be full or normal', { path: ['--sync'] }, flags.sync);
  const logLevel = flags.logLevel ?? 'error';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw inputError('invalid-option', `--log-level must be one of ${LOG_LEVELS.join(', ')}`, { path: ['--log-level'] }, flags.logLevel);
  const root = packageRoot();
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) throw inputError('invalid-option', '--workers must be a whole number from 0 to 64', { path: ['--workers'] }, flags.workers);

  if (flags.store !== undefined && flags.data !== undefined) throw inputError('invalid-option', 'give either --store or --data, not both', { path: ['--store'] }, flags.store);
  // --store (a data folder or a postgres:// URL), else --data, else PLENTY_STORE, else PLENTY_DATA, else ./data.
  const store = await openPlentyStore(flags.store ?? flags.data, { fresh: flags.fresh === true, synchronous: sync });
  const made: string[] = [];
  let sessionToken: string | undefined;
  try {
    if ((await store.models.count()) === 0) await loadExamples(store, root);
    const envToken = process.env.PLENTY_PLANNER_TOKEN;
    if (envToken !== undefined && envToken !== '') await store.tokens.add(envToken, 'planner', null, 'environment');
    if ((await store.tokens.count('planner')) === 0) {
      const token = newToken('planner');
      await store.tokens.add(token, 'planner', null, 'first');
      made.push(token);
    }
    if (flags.open === true) {
      // The dashboard's token: the one just made or given, else a fresh one for this run only.
      // It replaces this node's previous one only: several nodes may share a PostgreSQL store.
      const label = sessionLabel(store.kind, host, port);
      await store.tokens.removeLabelled(label);
      sessionToken = made[0] ?? (envToken !== undefined && envToken !== '' ? envToken : undefined);
      if (sessionToken === undefined) {
        sessionToken = newToken('planner');
        await store.tokens.add(sessionToken, 'planner', null, label);
      }
    }
  } catch (err) {
    await store.close();
    throw err;
  }

  const app = await buildServer({ store, webRoot: join(root, 'web', 'dist'), logLevel: logLevel as LogLevel, ...(sessionToken === undefined ? {} : { sessionToken }), ...(workers === undefined ? {} : { workers }) });
  try {
    await app.listen({ port, host });
  } catch (err) {
    await app.close();
    await store.close();
    throw inputError('listen-failed', `cannot listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`, { path: ['--port'] }, port);
  }
  const address = app.server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`listening on http://${shownHost}:${actual}\n`);
  for (const token of made) process.stdout.write(`planner token (shown once; keep it): ${token}\n`);
  if (flags.open === true) process.stdout.write(`dashboard: http://${shownHost}:${actual}/ (it fetches its planner token from /api/session, on this machine only)\n`);

  stopOnSignals(() => app.close(), () => store.close());
}
