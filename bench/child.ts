import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a benchmark case (a compiled script beside this file) in a fresh Node process and parses
 * the JSON line it prints last. Its progress lines go straight to stderr. Rejects when it fails.
 */
export function runCase<T>(script: string, args: readonly string[]): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) done(JSON.parse(line) as T);
      else fail(new Error(`${script} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}
