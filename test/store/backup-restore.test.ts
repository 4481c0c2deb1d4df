import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { InputError } from '../../src/model/errors.js';
import { backupStore, checkStore, latestSchemaVersion, openStore, restoreStore, STORE_FILE, StoreFileError, type StoreFileProblem } from '../../src/store/index.js';
import { repoRoot } from '../helpers/paths.js';
import { corruptTable, fingerprint, makeStore } from './damaged-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'plenty-backup-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const isProblem = (problem: StoreFileProblem, says?: RegExp) => (err: unknown) => err instanceof StoreFileError && err.problem === problem && (says === undefined || says.test(err.message));

/** Models added by another process, one transaction each, until it is told to stop (a line on stdin); prints "ready" first and the count last. */
function writer(dir: string): { ready: Promise<void>; stop: () => Promise<number> } {
  const storeModule = pathToFileURL(join(repoRoot, 'dist', 'src', 'store', 'index.js')).href;
  const script = `
    const { openStore } = await import(${JSON.stringify(storeModule)});
    const store = openStore({ dir: ${JSON.stringify(dir)} });
    let k = 0, stop = false;
    process.stdin.on('data', () => { stop = true; });
    const step = () => { if (stop) { store.close(); process.stdout.write(k + '\\n'); return; } store.models.add('w' + k, 'W', 'name: W\\n', 'yaml'); k++; if (k === 1) process.stdout.write('ready\\n'); setImmediate(step); };
    step();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ready = lines.next().then((l) => assert.equal(l.value, 'ready'));
  return {
    ready,
    stop: async () => {
      child.stdin.end('stop\n');
      const n = Number((await lines.next()).value);
      await new Promise((resolve) => child.once('exit', resolve));
      return n;
    },
  };
}

describe('plenty store backup', () => {
  test('a backup taken while another process keeps writing is a sound, self-contained snapshot', async () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const w = writer(dir);
    await w.ready;
    const out = join(tempDir(), 'backup.sqlite');
    const result = await backupStore(file, out);
    const written = await w.stop();
    assert.ok(written > 0);
    assert.equal(result.output, out);
    assert.equal(result.bytes, statSync(out).size);
    assert.deepEqual(readdirSync(join(out, '..')), ['backup.sqlite'], 'one file, nothing left beside it');
    const checked = checkStore(out, { role: 'backup' });
    assert.equal(checked.ok, true, JSON.stringify(checked.checks));
    const inBackup = count(out, 'models');
    assert.ok(inBackup >= 1 && inBackup <= 1 + written, `${inBackup} models`);
    assert.equal(count(out, 'reports'), 400);
  });

  test('refused: the store itself, a folder, a missing folder, a damaged store; nothing is left behind', async () => {
    const dir = tempDir();
    const file = makeStore(dir);
    await assert.rejects(backupStore(file, file), (err: unknown) => err instanceof InputError && /another file than the store itself/.test(err.message));
    await assert.rejects(backupStore(file, dir), (err: unknown) => err instanceof InputError && /names a folder/.test(err.message));
    await assert.rejects(backupStore(file, join(dir, 'no', 'such', 'b.sqlite')), (err: unknown) => err instanceof InputError && /does not exist/.test(err.message));
    const outDir = tempDir();
    await assert.rejects(backupStore(join(tempDir(), STORE_FILE), join(outDir, 'b.sqlite')), isProblem('missing'));
    const empty = join(tempDir(), STORE_FILE);
    writeFileSync(empty, '');
    await assert.rejects(backupStore(empty, join(outDir, 'b.sqlite')), isProblem('not-plenty', /nothing to back up/));
    corruptTable(file, 'reports');
    await assert.rejects(backupStore(file, join(outDir, 'b.sqlite')), isProblem('damaged', /restore it from a backup/));
    assert.deepEqual(readdirSync(outDir), []);
  });
});

describe('plenty store restore', () => {
  test('restores a backup: the store holds what the backup holds, the one replaced is kept beside it', async () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const backup = join(tempDir(), 'b.sqlite');
    await backupStore(file, backup);
    const store = openStore({ dir });
    store.models.add('after', 'After the backup', 'name: After\n', 'yaml');
    store.close();
    const result = await restoreStore(backup, dir);
    assert.equal(result.store, file);
    assert.equal(result.schemaVersion, latestSchemaVersion());
    assert.ok(result.previous !== null && result.previous.startsWith(`${file}.before-restore-`));
    assert.equal(count(result.previous, 'models'), 2, 'the replaced store is kept whole');
    const restored = openStore({ dir });
    try {
      assert.deepEqual(
        restored.models.list().map((m) => m.id),
        ['m'],
      );
      assert.equal(restored.reports.count(), 400);
    } finally {
      restored.close();
    }
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('restoring') || n.includes('partial')),
      [],
    );
  });

  test('refused while another process has the store open (a running service)', async () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const backup = join(tempDir(), 'b.sqlite');
    await backupStore(file, backup);
    const store = openStore({ dir });
    try {
      store.models.add('live', 'Live', 'name: Live\n', 'yaml');
      const before = fingerprint(dir)[STORE_FILE];
      await assert.rejects(restoreStore(backup, dir), isProblem('in-use', /stop the service, then restore again/));
      assert.equal(fingerprint(dir)[STORE_FILE], before);
      assert.equal(store.models.get('live')?.name, 'Live');
      assert.deepEqual(
        readdirSync(dir).filter((n) => !n.startsWith(`${STORE_FILE}`) || n.includes('restor')),
        [],
      );
    } finally {
      store.close();
    }
  });

  test('a backup that is not a sound Plenty store changes nothing', async () => {
    const dir = tempDir();
    makeStore(dir);
    const before = fingerprint(dir);
    const bad = tempDir();
    writeFileSync(join(bad, 'text.sqlite'), 'not a backup');
    await assert.rejects(restoreStore(join(bad, 'text.sqlite'), dir), isProblem('not-sqlite', /choose another backup; nothing was changed/));
    const damaged = makeStore(join(bad, 'damaged'));
    corruptTable(damaged, 'reports');
    await assert.rejects(restoreStore(damaged, dir), isProblem('damaged'));
    const newer = makeStore(join(bad, 'newer'));
    const db = new Database(newer);
    db.prepare('UPDATE schema_version SET version = ?').run(latestSchemaVersion() + 1);
    db.close();
    await assert.rejects(restoreStore(newer, dir), isProblem('newer-schema', /upgrade Plenty, or choose an older backup/));
    await assert.rejects(restoreStore(join(bad, 'none.sqlite'), dir), isProblem('missing'));
    await assert.rejects(restoreStore(join(dir, STORE_FILE), dir), InputError);
    assert.deepEqual(fingerprint(dir), before);
  });

  test('restores over a damaged store, a folder in its place, or into a missing data folder', async () => {
    const backup = join(tempDir(), 'b.sqlite');
    await backupStore(makeStore(tempDir()), backup);

    const damagedDir = tempDir();
    corruptTable(makeStore(damagedDir), 'reports');
    const r1 = await restoreStore(backup, damagedDir);
    assert.ok(r1.previous !== null && existsSync(r1.previous));

    const folderDir = tempDir();
    mkdirSync(join(folderDir, STORE_FILE));
    const r2 = await restoreStore(backup, folderDir);
    assert.ok(r2.previous !== null && statSync(r2.previous).isDirectory());

    const missing = join(tempDir(), 'new', 'data');
    const r3 = await restoreStore(backup, missing);
    assert.equal(r3.previous, null);

    for (const dir of [damagedDir, folderDir, missing]) {
      const store = openStore({ dir });
      try {
        assert.equal(store.reports.count(), 400);
      } finally {
        store.close();
      }
    }
  });
});
