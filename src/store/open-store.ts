import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { inspectDatabase } from './inspect-database.js';
import { inspectStoreFile } from './inspect-store-file.js';
import { migrate } from './migrations.js';
import { PLENTY_APPLICATION_ID } from './plenty-schema.js';
import { StoreFileError } from './store-file-error.js';
import { storeFileError } from './store-file-problem.js';
import { isDamageError } from './store-damaged-error.js';
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

/** The store file of a data folder (absolute). */
export function storePath(dir?: string): string {
  return resolve(join(dataDir(dir), STORE_FILE));
}

/** Makes the data folder if it is missing; a file in its place is the user's mistake. */
export function ensureDataFolder(dir: string): void {
  const folder = resolve(dir);
  let isFolder: boolean | undefined;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = undefined;
  }
  if (isFolder === false) throw storeFileError('data-not-a-folder', folder, '', 'store');
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw storeFileError('unreadable', folder, (err as Error).message, 'store');
  }
}

/** An SQLite error while opening a store, as what it says about the file (anything else is a bug, thrown on). */
function openError(err: unknown, path: string): unknown {
  if (err instanceof StoreFileError) return err;
  if (isDamageError(err)) return storeFileError('damaged', path, `SQLite: ${(err as Error).message}`, 'store');
  const code = err !== null && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return storeFileError('unreadable', path, `SQLite: ${(err as Error).message}`, 'store');
  return err;
}

/** Journal, durability and integrity settings of the service's connection. */
function configure(db: Database.Database, synchronous: 'FULL' | 'NORMAL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
}

/** Brings the schema up to date and marks the file as a Plenty store. */
function prepare(db: Database.Database): void {
  migrate(db);
  if (db.pragma('application_id', { simple: true }) !== PLENTY_APPLICATION_ID) db.pragma(`application_id = ${PLENTY_APPLICATION_ID}`);
}

/**
 * Opens (creating if needed) the store. Before anything in the file is changed it is checked:
 * a file (not a folder), an SQLite database as long as its header says, a Plenty store (its
 * application id, or Plenty's tables in a store from before the marker), a schema no newer than
 * this code, and SQLite's `quick_check`. Each failure is a StoreFileError naming the file and
 * what to do, and leaves the file as it was. Then: WAL journal, foreign keys on, the chosen
 * `synchronous` level, a busy timeout, the schema brought up to date by the migrations, and the
 * Plenty marker written.
 */
export function openStore(options: OpenStoreOptions = {}): Store {
  const dir = dataDir(options.dir);
  const synchronous = options.synchronous ?? 'FULL';
  if (dir === ':memory:') {
    const db = new Database(':memory:');
    configure(db, synchronous);
    prepare(db);
    return new Store(db, ':memory:');
  }
  const path = storePath(dir);
  ensureDataFolder(dir);
  if (options.fresh === true) {
    const file = inspectStoreFile(path, 'store', true);
    if (file.error?.problem === 'not-a-file') throw file.error;
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
  const file = inspectStoreFile(path, 'store', true);
  if (file.error !== undefined) throw file.error;
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw openError(err, path);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const inspection = inspectDatabase(db, path, { integrity: 'quick', role: 'store' });
    if (inspection.error !== undefined) throw inspection.error;
    configure(db, synchronous);
    prepare(db);
  } catch (err) {
    db.close();
    throw openError(err, path);
  }
  return new Store(db, path);
}
