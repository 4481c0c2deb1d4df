import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertUserError, plenty } from '../run-plenty.js';

describe('plenty worker: its options are checked before a store is opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-worker-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('without --store (and PLENTY_STORE unset) it says a worker needs a postgres:// store', () => {
    const env = process.env.PLENTY_STORE;
    delete process.env.PLENTY_STORE;
    try {
      assertUserError(plenty('worker'), /--store.*a worker needs --store postgres:\/\//);
    } finally {
      if (env !== undefined) process.env.PLENTY_STORE = env;
    }
  });

  test('an SQLite data folder is refused (its service runs its jobs itself) before anything is made there', () => {
    const folder = join(dir, 'data');
    assertUserError(plenty('worker', '--store', folder), /--store.*a worker needs a postgres:\/\/ store/);
    assert.equal(existsSync(folder), false);
  });

  test('--concurrency and --lease-seconds out of range name the option and the value', () => {
    assertUserError(plenty('worker', '--store', 'postgres://127.0.0.1:1/x', '--concurrency', '0'), /--concurrency.*whole number from 1 to 64.*0/s);
    assertUserError(plenty('worker', '--store', 'postgres://127.0.0.1:1/x', '--lease-seconds', '1'), /--lease-seconds.*from 2 to 3600.*1/s);
  });

  test('a postgres:// URL whose server cannot be reached is a user error naming --store, its password masked', () => {
    const r = plenty('worker', '--store', 'postgres://planner:secret@127.0.0.1:1/plenty');
    assertUserError(r, /--store.*cannot be opened: .*ECONNREFUSED/);
    assert.doesNotMatch(r.stderr, /secret/);
  });
});
