import { closeSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Pages per step of the online backup: all of them, so the copy is one read transaction (one consistent snapshot). */
const ALL_PAGES = 0x7fffffff;

/** Flushes a file or folder to disk (a folder: so that a rename in it survives a power cut). Best effort where the system cannot. */
export function syncToDisk(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot open or sync a folder; the rename is then as durable as they make it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes a database file and the journal files SQLite may have left beside it. */
export function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * Copies an open database into the file `to` (which must not exist) with SQLite's online backup
 * API, all pages in one step: the copy is one consistent snapshot, taken in one read transaction
 * while other connections go on writing (WAL). The copy is then made one self-contained file
 * (rollback journal, no WAL beside it), checked with `quick_check` and synced to disk. On any
 * failure nothing is left at `to`. Returns the copy's size.
 */
export async function copyDatabase(source: Database.Database, to: string): Promise<{ readonly pages: number; readonly bytes: number }> {
  try {
    const progress = await source.backup(to, { progress: () => ALL_PAGES });
    const copy = new Database(to, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy fails SQLite's quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    syncToDisk(to);
    return { pages: progress.totalPages, bytes: statSync(to).size };
  } catch (err) {
    removeDatabaseFile(to);
    throw err;
  }
}
