import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** Runs the built `plenty` command in the repository root; its exit status, stdout and stderr. */
export function plenty(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asserts a user's error: exit 1, a message on stderr matching `pattern`, no stack trace, nothing on stdout. */
export function assertUserError(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  if (r.status !== 1) throw new Error(`expected exit 1, got ${String(r.status)}: ${r.stderr}`);
  if (!pattern.test(r.stderr)) throw new Error(`stderr does not match ${String(pattern)}: ${r.stderr}`);
  if (/internal error| {4}at /.test(r.stderr)) throw new Error(`a stack trace: ${r.stderr}`);
  if (r.stdout !== '') throw new Error(`stdout is not empty: ${r.stdout}`);
}
