import { renameSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { inputError } from '../model/errors.js';
import { copyDatabase, removeDatabaseFile, syncToDisk } from './copy-database.js';
import { inspectDatabase } from './inspect-database.js';
import { inspectStoreFile } from './inspect-store-file.js';
import { storeFileError } from './store-file-problem.js';

/** What `backupStore` wrote. */
export interface BackupResult {
  /** The store backed up. */
  readonly file: string;
  /** The backup written. */
  readonly output: string;
  readonly schemaVersion: number;
  readonly pages: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Refuses an output path that cannot take a backup: the store itself, a folder, a missing folder. */
function checkOutput(file: string, output: string): void {
  const located = { path: ['--output'] };
  const there = statOrUndefined(output);
  const store = statOrUndefined(file);
  if (output === file || (there !== undefined && store !== undefined && there.ino === store.ino && there.dev === store.dev) || output === `${file}-wal` || output === `${file}-shm`) {
    throw inputError('invalid-option', 'the backup must go to another file than the store itself', located, output);
  }
  if (there?.isDirectory() === true) throw inputError('invalid-option', 'the backup file names a folder: give a file name in it', located, output);
  if (statOrUndefined(dirname(output))?.isDirectory() !== true) throw inputError('invalid-option', `the folder ${dirname(output)} does not exist`, located, output);
}

/**
 * Backs up a store into one self-contained file with SQLite's online backup API: safe while the
 * service runs and writes (the copy is one consistent snapshot). The store is checked first (a
 * Plenty store, a schema this code reads, SQLite's quick_check: a damaged store is not backed up),
 * the copy is checked too, written beside the output and renamed onto it (an existing file is
 * replaced whole), and synced to disk. On failure nothing is left at the output.
 */
export async function backupStore(file: string, output: string): Promise<BackupResult> {
  const started = Date.now();
  const from = resolve(file);
  const to = resolve(output);
  checkOutput(from, to);
  const onDisk = inspectStoreFile(from, 'store', false);
  if (onDisk.error !== undefined) throw onDisk.error;
  const db = new Database(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const found = inspectDatabase(db, from, { integrity: 'quick', role: 'store' });
    if (found.error !== undefined) throw found.error;
    if (found.kind === 'new') throw storeFileError('not-plenty', from, 'it holds no tables yet: there is nothing to back up', 'store');
    const partial = `${to}.partial-${process.pid}`;
    removeDatabaseFile(partial);
    const copied = await copyDatabase(db, partial);
    try {
      renameSync(partial, to);
    } catch (err) {
      removeDatabaseFile(partial);
      throw err;
    }
    syncToDisk(dirname(to));
    return { file: from, output: to, schemaVersion: found.schemaVersion ?? 0, pages: copied.pages, bytes: copied.bytes, elapsedMs: Date.now() - started };
  } finally {
    db.close();
  }
}
