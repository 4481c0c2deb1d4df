import { copyFileSync, existsSync, linkSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { inputError } from '../model/errors.js';
import { checkStore } from './check-store.js';
import { copyDatabase, removeDatabaseFile, syncToDisk } from './copy-database.js';
import { ensureDataFolder, storePath } from './open-store.js';
import { storeFileError } from './store-file-problem.js';

/** What `restoreStore` did. */
export interface RestoreResult {
  /** The backup restored from. */
  readonly backup: string;
  /** The store file, now the backup's copy. */
  readonly store: string;
  /** Where the store that was replaced went (null when there was none). */
  readonly previous: string | null;
  readonly schemaVersion: number;
  readonly bytes: number;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const isBusy = (err: unknown): boolean => err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_BUSY');

/**
 * Makes sure no other process has the store open (an exclusive lock, not waited for), then folds
 * its WAL into the file and leaves it one file (rollback journal) when SQLite can. A store in use
 * is refused; a file SQLite cannot lock (not a database, damaged header) cannot be in use by Plenty.
 */
function settle(store: string): void {
  let db: Database.Database;
  try {
    db = new Database(store, { fileMustExist: true, timeout: 0 });
  } catch {
    return;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    if (isBusy(err)) throw storeFileError('in-use', store, 'a running plenty serve?', 'store');
    return;
  }
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } catch {
    // A damaged store may refuse: its WAL then goes aside with it.
  } finally {
    db.close();
  }
}

/** A name beside the store for the one a restore replaces, stamped with the time. */
function asideName(store: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let name = `${store}.before-restore-${stamp}`;
  for (let k = 2; existsSync(name); k++) name = `${store}.before-restore-${stamp}-${k}`;
  return name;
}

/**
 * Moves the store out of the way without a moment when neither it nor its replacement is there:
 * a non-empty WAL goes aside, the file gets a second name (a hard link, else a copy), and the
 * caller's rename then replaces the store in one step.
 */
function keepAside(store: string, stats: Stats): string {
  const aside = asideName(store);
  if (!stats.isFile()) {
    renameSync(store, aside);
    return aside;
  }
  const walBytes = statOrUndefined(`${store}-wal`)?.size ?? 0;
  if (walBytes > 0) renameSync(`${store}-wal`, `${aside}-wal`);
  for (const suffix of ['-wal', '-shm']) rmSync(store + suffix, { force: true });
  try {
    linkSync(store, aside);
  } catch {
    copyFileSync(store, aside);
  }
  return aside;
}

/**
 * Restores a store from a backup file. The backup is checked first (a Plenty store, a schema this
 * code reads, SQLite's full integrity check, Plenty's invariants): a backup that fails changes
 * nothing. A store that another process has open (a running `plenty serve`) is refused. The backup
 * is copied beside the store with SQLite's backup API, checked and synced, then renamed onto the
 * store in one step; the store it replaces is kept beside it as `plenty.sqlite.before-restore-TIME`
 * (with its WAL, if it had one). The data folder is made if missing.
 */
export async function restoreStore(backup: string, dir: string): Promise<RestoreResult> {
  const from = resolve(backup);
  const store = storePath(dir);
  const fromStats = statOrUndefined(from);
  const storeStats = statOrUndefined(store);
  if (from === store || (fromStats !== undefined && storeStats !== undefined && fromStats.ino === storeStats.ino && fromStats.dev === storeStats.dev)) {
    throw inputError('invalid-option', 'the backup is the store itself: give a backup file', { path: ['backup'] }, backup);
  }
  const checked = checkStore(from, { role: 'backup' });
  if (checked.error !== undefined) throw checked.error;
  if (checked.kind === 'new') throw storeFileError('not-plenty', from, 'it holds no tables: an empty store', 'backup');
  ensureDataFolder(dir);
  const partial = `${store}.restoring-${process.pid}`;
  removeDatabaseFile(partial);
  const source = new Database(from, { fileMustExist: true });
  let copied: { readonly bytes: number };
  try {
    copied = await copyDatabase(source, partial);
  } finally {
    source.close();
  }
  let previous: string | null = null;
  try {
    const now = statOrUndefined(store);
    if (now !== undefined) {
      if (now.isFile()) settle(store);
      previous = keepAside(store, now);
    }
    renameSync(partial, store);
  } catch (err) {
    removeDatabaseFile(partial);
    throw err;
  }
  syncToDisk(dirname(store));
  return { backup: from, store, previous, schemaVersion: checked.schemaVersion ?? 0, bytes: copied.bytes };
}
