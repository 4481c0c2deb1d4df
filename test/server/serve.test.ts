import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths.js';

test('plenty serve: first line "listening on", a planner token on a fresh store, the examples loaded, a clean stop', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-serve-'));
  const env = { ...process.env };
  delete env.PLENTY_PLANNER_TOKEN;
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', '0', '--data', dir, '--fresh'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = (await lines.next()).value as string;
    assert.match(first, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.slice('listening on '.length);
    const second = (await lines.next()).value as string;
    const token = /planner token .*: (\S+)$/.exec(second)?.[1];
    assert.ok(token !== undefined, second);
    const models = (await (await fetch(`${url}/api/models`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[];
    const examples = readdirSync(join(repoRoot, 'examples')).filter((d) => readdirSync(join(repoRoot, 'examples', d)).includes('economy.yaml'));
    assert.deepEqual(models.map((m) => m.id).sort(), examples.sort());
    assert.equal((await fetch(`${url}/api/models`)).status, 401);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
