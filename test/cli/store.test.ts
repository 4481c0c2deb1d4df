import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { repoRoot } from '../helpers/paths.js';
import { corruptTable, fingerprint, makeStore } from '../store/damaged-store.js';

const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const FILE = 'plenty.sqlite';

function plenty(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, TZ: 'UTC' };
  delete env.PLENTY_DATA;
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'plenty-cli-store-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The ways a store file can be unusable, each made in a fresh data folder. */
const BAD_STORES: readonly [string, (dir: string) => void, RegExp][] = [
  ['a text file', (dir) => writeFileSync(join(dir, FILE), 'these are my notes\n'), /is not a Plenty store: it is not an SQLite database/],
  ['a truncated store', (dir) => truncateSync(makeStore(dir), 8192), /is damaged: it is truncated/],
  [
    'a garbage header',
    (dir) => {
      const fd = openSync(makeStore(dir), 'r+');
      writeSync(fd, Buffer.from('#!garbage#!garbage#!garbage#!garbage'), 0, 36, 0);
      closeSync(fd);
    },
    /is not a Plenty store: it is not an SQLite database \(it begins with "#!garbage/,
  ],
  ['a folder in place of the file', (dir) => mkdirSync(join(dir, FILE)), /is a folder, not a store file/],
  [
    'a store of a newer Plenty',
    (dir) => {
      const db = new Database(makeStore(dir));
      db.prepare('UPDATE schema_version SET version = 999').run();
      db.close();
    },
    /was written by a newer Plenty \(schema 999, this one reads up to \d+\): upgrade Plenty or restore a backup/,
  ],
  ['corrupt pages in the middle', (dir) => corruptTable(makeStore(dir), 'reports'), /is damaged \(/],
];

describe('plenty serve on a store file it cannot use: a clear message naming the file and what to do, exit 1, the file untouched', () => {
  for (const [name, make, says] of BAD_STORES) {
    test(name, () => {
      const dir = tempDir();
      make(dir);
      const before = fingerprint(dir);
      const r = plenty('serve', '--port', '0', '--data', dir);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.startsWith(`error: ${join(dir, FILE)}: `), r.stderr);
      assert.match(r.stderr, says);
      assert.match(r.stderr, new RegExp(`plenty store restore BACKUP --data ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.doesNotMatch(r.stderr, /internal error|a bug in Plenty|\n\s+at /);
      assert.deepEqual(fingerprint(dir), before);
    });
  }
});

describe('plenty store check | backup | restore', () => {
  test('check a sound store (exit 0), back it up, damage the store (check: exit 1), restore it (exit 0)', () => {
    const dir = tempDir();
    makeStore(dir);
    const sound = plenty('store', 'check', '--data', dir, '--json');
    assert.equal(sound.status, 0, sound.stderr);
    const doc = JSON.parse(sound.stdout) as { ok: boolean; kind: string; checks: { name: string; ok: boolean }[] };
    assert.equal(doc.ok, true);
    assert.equal(doc.kind, 'plenty');
    assert.deepEqual(
      doc.checks.map((c) => c.name),
      ['file', 'header', 'marker', 'schema', 'integrity', 'tables', 'foreign-keys'],
    );

    const backup = join(tempDir(), 'monday.sqlite');
    const b = plenty('store', 'backup', '--data', dir, '-o', backup);
    assert.equal(b.status, 0, b.stderr);
    assert.match(b.stdout, /^Backed up .* to .*monday\.sqlite: \d+ bytes, schema \d+, checked\./);
    assert.equal(plenty('store', 'check', backup).status, 0);

    corruptTable(join(dir, FILE), 'reports');
    const damaged = plenty('store', 'check', '--data', dir);
    assert.equal(damaged.status, 1);
    assert.match(damaged.stdout, /NOT a sound Plenty store/);
    assert.match(damaged.stdout, /integrity +FAILED +integrity_check found/);
    assert.match(damaged.stderr, /^error: .*plenty\.sqlite: is damaged \(integrity_check found .*\): restore it from a backup/);

    const r = plenty('store', 'restore', backup, '--data', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Restored .* from .*monday\.sqlite/);
    assert.match(r.stdout, /kept as .*plenty\.sqlite\.before-restore-/);
    assert.equal(plenty('store', 'check', '--data', dir).status, 0);
  });

  test('a bad backup, a missing store, a bad output: exit 1 with a message, nothing changed', () => {
    const dir = tempDir();
    makeStore(dir);
    const before = fingerprint(dir);
    const text = join(tempDir(), 'notes.txt');
    writeFileSync(text, 'notes');
    const r = plenty('store', 'restore', text, '--data', dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /notes\.txt: is not a Plenty store: .*choose another backup; nothing was changed/);
    assert.deepEqual(fingerprint(dir), before);

    const none = plenty('store', 'check', '--data', join(dir, 'nothing-here'));
    assert.equal(none.status, 1);
    assert.match(none.stderr, /plenty\.sqlite: does not exist: give the folder that holds plenty\.sqlite with --data/);

    const folder = plenty('store', 'backup', '--data', dir, '-o', dir);
    assert.equal(folder.status, 1);
    assert.match(folder.stderr, /names a folder/);
    assert.deepEqual(fingerprint(dir), before);
    assert.ok(statSync(join(dir, FILE)).isFile());
  });

  test('serve --log-level takes only the logger’s levels', () => {
    const r = plenty('serve', '--port', '0', '--data', tempDir(), '--log-level', 'loud');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--log-level must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});
