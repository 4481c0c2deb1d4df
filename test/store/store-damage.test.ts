import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore, StoreDamagedError } from '../../src/store/index.js';
import { corruptTable, fillStore } from './damaged-store.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('a corrupt page met at run time turns the store read-only: that read and every later write throw StoreDamagedError, other reads still work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-damage-'));
  dirs.push(dir);
  const store = openStore({ dir });
  try {
    fillStore(store, 400);
    corruptTable(store.path, 'reports');
    const damage = (): StoreDamagedError | undefined => store.damaged;
    assert.equal(damage(), undefined);

    assert.throws(() => store.reports.list(), (err: unknown) => err instanceof StoreDamagedError && /is damaged \(SQLite: database disk image is malformed\)/.test(err.message) && /plenty store restore/.test(err.message));
    assert.ok(damage() instanceof StoreDamagedError);

    // Writes that touch no damaged page are refused all the same, and nothing of them is stored.
    assert.throws(() => store.models.add('late', 'Late', 'name: Late\n', 'yaml'), StoreDamagedError);
    assert.throws(() => store.transaction(() => store.enterprises.add('late', 'Late')), StoreDamagedError);
    assert.throws(() => store.jobs.add('solve', {}), StoreDamagedError);
    // Reads that can be answered are.
    assert.deepEqual(
      store.models.list().map((m) => m.id),
      ['m'],
    );
    assert.equal(store.enterprises.get('late'), undefined);
    assert.equal(store.models.count(), 1);
  } finally {
    store.close();
  }
});
