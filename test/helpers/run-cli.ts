import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** Runs the built `plenty` command with `args` from the repository root: exit status and output. */
export function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The lines of `stderr` that are messages (errors and warnings), each with its newline: what a
 * test compares, since a slow run may also show a progress indicator there.
 */
export function errorLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => /^(error|warning|internal error)\b|Warning/.test(line))
    .map((line) => `${line}\n`)
    .join('');
}
