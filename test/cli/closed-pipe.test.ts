import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths.js';

const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

test('a reader that closes the pipe early (plenty … | head -c 100) ends plenty quietly: exit 0, no stack trace', async () => {
  // 1,500 draws of the 1930 example print far more than a pipe holds, so writes go on after the reader has gone.
  const child = spawn(process.execPath, [main, 'uncertainty', 'examples/ussr-1930/economy.yaml', '--rsd', '0.1', '--draws', '300', '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const first = await new Promise<Buffer>((resolve) => child.stdout.once('data', resolve));
  assert.ok(first.length > 0, 'plenty wrote its output');
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 0, `exit status; stderr: ${stderr}`);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled| {4}at /, 'no unhandled error or stack trace');
});
