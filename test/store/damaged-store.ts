import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, STORE_FILE, type Store } from '../../src/store/index.js';

/** Makes a store in `dir` with a model, an enterprise and `reports` reports (enough for many pages), and closes it. Returns its file. */
export function makeStore(dir: string, reports = 400): string {
  const store = openStore({ dir });
  try {
    fillStore(store, reports);
  } finally {
    store.close();
  }
  return join(dir, STORE_FILE);
}

/** Adds a model, an enterprise and `reports` reports to a store. */
export function fillStore(store: Store, reports: number): void {
  store.models.add('m', 'A model', 'name: A model\n', 'yaml');
  store.enterprises.add('works', 'The works');
  store.transaction(() => {
    for (let k = 0; k < reports; k++) store.reports.submit(`r${k}`, 'works', '1930', { outputs: { grain: k }, note: 'x'.repeat(200) });
  });
}

/**
 * Writes garbage over every leaf page of a table's b-tree in a store file, with the file system,
 * as a failing disk would. The store may be open: its WAL is folded into the file first, and a
 * write through another connection afterwards makes every open connection drop its page cache,
 * so their next read of the table meets the garbage. Returns the pages written over.
 */
export function corruptTable(file: string, table: string): number[] {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = db.pragma('page_size', { simple: true }) as number;
    const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'").all(table) as { pageno: number }[]).map((r) => r.pageno);
    if (pages.length === 0) throw new Error(`table ${table} has no leaf pages`);
    const fd = openSync(file, 'r+');
    try {
      for (const p of pages) writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, (p - 1) * size);
    } finally {
      closeSync(fd);
    }
    db.pragma('user_version = 7');
    return pages;
  } finally {
    db.close();
  }
}

/** A fingerprint of a folder: every file's name and the SHA-256 of its bytes (what "nothing was changed" compares). */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    out[name.name] = name.isFile() ? createHash('sha256').update(readFileSync(join(dir, name.name))).digest('hex') : 'folder';
  }
  return out;
}
