import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { repoRoot } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

describe('plenty serve --store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-serve-store-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a postgres:// URL whose server cannot be reached is a user error naming --store, its password masked', () => {
    const r = plenty('serve', '--port', '0', '--store', 'postgres://planner:secret@127.0.0.1:1/plenty');
    assertUserError(r, /--store.*the PostgreSQL store postgres:\/\/planner:\*\*\*@127\.0\.0\.1:1\/plenty cannot be opened: .*ECONNREFUSED/);
    assert.doesNotMatch(r.stderr, /secret/);
  });

  test('--store and --data together are refused before the store is opened', () => {
    const r = plenty('serve', '--port', '0', '--store', join(dir, 'a'), '--data', join(dir, 'b'));
    assertUserError(r, /give either --store or --data, not both/);
    assert.equal(existsSync(join(dir, 'a')), false);
    assert.equal(existsSync(join(dir, 'b')), false);
  });

  test('PLENTY_STORE names the SQLite store of a folder: served from DIR/plenty.sqlite, stopped cleanly', async () => {
    const store = join(dir, 'env-store');
    const env: NodeJS.ProcessEnv = { ...process.env, PLENTY_STORE: store, PLENTY_PLANNER_TOKEN: 'planner-token-for-serve-store' };
    delete env.PLENTY_DATA;
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const first = (await lines.next()).value as string;
      assert.match(first, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = first.slice('listening on '.length);
      const models = (await (await fetch(`${url}/api/models`, { headers: { authorization: 'Bearer planner-token-for-serve-store' } })).json()) as unknown[];
      assert.ok(models.length > 0, 'the examples were loaded into the new store');
      assert.ok(existsSync(join(store, 'plenty.sqlite')));
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
