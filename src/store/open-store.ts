import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { Store } from './store.js';

/** The database's file name inside the data folder. */
export const STORE_FILE = 'plenty.sqlite';

export interface OpenStoreOptions {
  /**
   * The data folder (created if missing) holding `plenty.sqlite`, or ":memory:". Default: the
   * `PLENTY_DATA` environment variable, else `./data`.
   */
  readonly dir?: string;
  /** Delete the store first and start empty. */
  readonly fresh?: boolean;
  /**
   * SQLite's `synchronous` setting. FULL (default): every acknowledged write is on disk before
   * the answer, even across a power cut. NORMAL: in WAL mode, durable against a crash of the
   * process (not of the machine), and faster; see docs/api.md.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/** The data folder from an option, else PLENTY_DATA, else ./data. */
export function dataDir(dir?: string): string {
  return dir ?? process.env.PLENTY_DATA ?? 'data';
}

/**
 * Opens (creating if needed) the store: WAL journal, foreign keys on, the chosen `synchronous`
 * level, a busy timeout, and the schema brought up to date by the migrations.
 */
export function openStore(options: OpenStoreOptions = {}): Store {
  const dir = dataDir(options.dir);
  const path = dir === ':memory:' ? ':memory:' : resolve(join(dir, STORE_FILE));
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    if (options.fresh === true) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return new Store(db, path);
}
