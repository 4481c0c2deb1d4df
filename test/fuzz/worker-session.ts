import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from './oracle.js';
import type { Session, TargetName } from './target.js';

/**
 * Longest a case may run before it counts as a hang and its process is ended, in milliseconds:
 * with the large examples (long runs), and without them (the suites, whose cases take well
 * under a second each).
 */
export const CASE_TIMEOUT_MS = 60_000;
export const LIGHT_CASE_TIMEOUT_MS = 20_000;

/** The hang limit for cases made with or without the large examples. */
export const caseTimeout = (heavy: boolean): number => (heavy ? CASE_TIMEOUT_MS : LIGHT_CASE_TIMEOUT_MS);

const WORKER = fileURLToPath(new URL('./case-worker.js', import.meta.url));

type Answer = { readonly findings?: Finding[]; readonly error?: string; readonly timedOut?: true; readonly died?: string };

/**
 * A session whose cases run in a child process (case-worker.ts). A case that has not finished
 * after `timeoutMs` is a `hang` finding, one during which the process died (a fatal error) a
 * `crash` finding; either way the process is replaced for the next case. `payload` turns a case
 * into what the child needs (plain data: byte arrays, strings, numbers).
 */
export function workerSession<C>(target: TargetName, payload: (c: C) => unknown, timeoutMs = CASE_TIMEOUT_MS): Session<C> {
  let child: ChildProcess | undefined;
  let next = 0;
  // The scratch folder of the case files: made here, so that it goes even when a child is ended.
  const scratch = mkdtempSync(join(tmpdir(), `plenty-fuzz-${target}-`));
  const pending = new Map<number, (a: Answer) => void>();
  const start = (): ChildProcess => {
    const c = fork(WORKER, [target, scratch], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    c.on('message', (a: { id: number; findings?: Finding[]; error?: string }) => {
      pending.get(a.id)?.(a);
      pending.delete(a.id);
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = undefined;
      for (const [id, resolve] of pending) {
        resolve({ died: signal !== null ? `signal ${signal}` : `exit status ${String(code)}` });
        pending.delete(id);
      }
    });
    return c;
  };
  const ask = async (kind: 'run' | 'reset' | 'close', body?: unknown): Promise<Answer> => {
    child ??= start();
    const c = child;
    const id = next++;
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<Answer>((resolve) => pending.set(id, resolve));
    const timeout = new Promise<Answer>((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
    });
    c.send({ id, kind, payload: body });
    const a = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    if (a.timedOut === true) {
      pending.delete(id);
      if (child === c) child = undefined;
      const gone = new Promise((resolve) => c.once('exit', resolve));
      c.kill('SIGKILL');
      await gone;
    }
    return a;
  };
  return {
    async run(c) {
      const a = await ask('run', payload(c));
      if (a.timedOut === true) return [{ kind: 'hang', message: `${target}: a case ran for more than ${timeoutMs / 1000} s (its process was ended)`, signature: `${target}: hang (more than ${timeoutMs / 1000} s)` }];
      if (a.died !== undefined) return [{ kind: 'crash', message: `${target}: the process running the case died (${a.died}); its last words are on stderr`, signature: `${target}: crash (${a.died.replace(/\d+/g, '#')})` }];
      if (a.error !== undefined) throw new Error(`fuzz ${target} case process: ${a.error}`);
      return a.findings ?? [];
    },
    async reset() {
      if (child !== undefined) await ask('reset');
    },
    async close() {
      const c = child;
      if (c !== undefined && c.exitCode === null && c.signalCode === null) {
        const gone = new Promise((resolve) => c.once('exit', resolve));
        await ask('close');
        c.kill();
        await gone;
      }
      child = undefined;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
