import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder bench/NAME of the source tree (where a benchmark keeps its Python case and README), from a compiled file's URL or a source's. */
export function benchSourceDir(moduleUrl: string, name: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return here.includes(join('dist', 'bench')) ? resolve(here, '..', '..', '..', 'bench', name) : here;
}

/**
 * Runs a Python case (`script` with `args`, by $PYTHON, else python3) and returns the JSON object
 * it prints as its last line; the reason instead, as text, when Python is missing or the case fails.
 */
export function runPythonCase<T>(script: string, args: readonly string[]): Promise<T | string> {
  return new Promise((done) => {
    const child = spawn(process.env.PYTHON ?? 'python3', [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', (e) => done(`not available (${e.message})`));
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) done(JSON.parse(line) as T);
      else done(`failed (${signal ?? `exit code ${code}`}: ${err.trim().split('\n').pop() ?? ''})`);
    });
  });
}
