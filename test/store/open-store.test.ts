import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, truncateSync, writeFileSync, writeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { latestSchemaVersion, openStore, PLENTY_APPLICATION_ID, STORE_FILE, StoreFileError, type StoreFileProblem } from '../../src/store/index.js';
import { seededRandom } from '../helpers/random.js';
import { corruptTable, fingerprint, makeStore } from './damaged-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'plenty-open-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes bytes over a file at an offset. */
function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Opening the store of `dir` fails with a StoreFileError of `problem` that names the file and what to do, and changes nothing in the folder. */
function refused(dir: string, problem: StoreFileProblem, says: RegExp): void {
  const before = fingerprint(dir);
  assert.throws(
    () => openStore({ dir }),
    (err: unknown) => {
      assert.ok(err instanceof StoreFileError, `a StoreFileError, not ${String(err)}`);
      assert.equal(err.problem, problem);
      assert.equal(err.file, join(dir, STORE_FILE));
      assert.ok(err.message.startsWith(join(dir, STORE_FILE)), err.message);
      assert.match(err.message, says);
      return true;
    },
  );
  assert.deepEqual(fingerprint(dir), before, 'the folder is as it was');
}

describe('opening a store: a file that is not a sound Plenty store is refused, untouched', () => {
  test('a text file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, STORE_FILE), 'hello, this is not a database\n');
    refused(dir, 'not-sqlite', /not an SQLite database \(it begins with "hello, this is not a dat"\).*plenty store restore BACKUP --data/);
  });

  test('a truncated store (half its pages gone, or shorter than the header)', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    truncateSync(file, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    refused(dir, 'truncated', /truncated \(\d+ bytes, where its header says \d+ pages/);
    truncateSync(file, 40);
    refused(dir, 'truncated', /less than SQLite's 100-byte header/);
  });

  test('a garbage header', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const rand = seededRandom(9);
    overwrite(file, 0, Buffer.from(Array.from({ length: 100 }, () => Math.floor(rand() * 256))));
    refused(dir, 'not-sqlite', /not an SQLite database \(it begins with /);
    // SQLite's magic intact, the rest of the header garbage
    const again = makeStore(tempDir());
    overwrite(again, 16, Buffer.from([0x12, 0x34]));
    refused(join(again, '..'), 'damaged', /page size 4660/);
  });

  test('a folder in place of the file (also with --fresh, which must not delete it)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, STORE_FILE));
    writeFileSync(join(dir, STORE_FILE, 'keep.txt'), 'mine');
    refused(dir, 'not-a-file', /is a folder, not a store file: move it out of the way/);
    assert.throws(() => openStore({ dir, fresh: true }), (err: unknown) => err instanceof StoreFileError && err.problem === 'not-a-file');
    assert.ok(statSync(join(dir, STORE_FILE, 'keep.txt')).isFile());
  });

  test('a data folder that is a file', () => {
    const dir = join(tempDir(), 'data');
    writeFileSync(dir, 'not a folder');
    assert.throws(() => openStore({ dir }), (err: unknown) => err instanceof StoreFileError && err.problem === 'data-not-a-folder' && /give the folder that holds plenty\.sqlite/.test(err.message));
  });

  test('a store written by a newer Plenty', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const db = new Database(file);
    db.prepare('UPDATE schema_version SET version = ?').run(latestSchemaVersion() + 7);
    db.close();
    const newer = latestSchemaVersion() + 7;
    refused(dir, 'newer-schema', new RegExp(`written by a newer Plenty \\(schema ${newer}, this one reads up to ${latestSchemaVersion()}\\): upgrade Plenty or restore a backup`));
  });

  test('a store with corrupt pages in the middle (the reports table): quick_check finds them', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    corruptTable(file, 'reports');
    refused(dir, 'damaged', /is damaged \((quick_check found|SQLite: database disk image is malformed).*\): restore it from a backup \(plenty store restore BACKUP --data /);
  });

  test('an SQLite database of another program: refused, with no WAL switch or migration', () => {
    const dir = tempDir();
    const db = new Database(join(dir, STORE_FILE));
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
    db.prepare('INSERT INTO photos (path) VALUES (?)').run('cat.jpg');
    db.close();
    refused(dir, 'not-plenty', /an SQLite database of another program \(tables photos\)/);
    const marked = new Database(join(dir, STORE_FILE));
    assert.equal(marked.pragma('journal_mode', { simple: true }), 'delete');
    marked.pragma('application_id = 1234');
    marked.close();
    refused(dir, 'not-plenty', /application id 0x000004d2/);
  });
});

describe('opening a store: what is accepted', () => {
  test('a new store is marked with Plenty’s application id', () => {
    const dir = tempDir();
    const store = openStore({ dir });
    try {
      assert.equal(store.db.pragma('application_id', { simple: true }), PLENTY_APPLICATION_ID);
    } finally {
      store.close();
    }
  });

  test('an unmarked store with Plenty’s tables (written before the marker) opens and is marked', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const db = new Database(file);
    db.pragma('application_id = 0');
    db.close();
    const store = openStore({ dir });
    try {
      assert.equal(store.db.pragma('application_id', { simple: true }), PLENTY_APPLICATION_ID);
      assert.equal(store.reports.count(), 400);
    } finally {
      store.close();
    }
  });

  test('an empty file, or one left by an interrupted first start (schema_version only), is a new store', () => {
    for (const prepare of [(f: string) => writeFileSync(f, ''), (f: string) => new Database(f).exec('CREATE TABLE schema_version (version INTEGER NOT NULL)').close()]) {
      const dir = tempDir();
      prepare(join(dir, STORE_FILE));
      const store = openStore({ dir });
      try {
        assert.equal(store.models.count(), 0);
      } finally {
        store.close();
      }
    }
  });
});
