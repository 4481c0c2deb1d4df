import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from './oracle.js';
import type { Session, TargetName } from './target.js';

/** Longest a case may run before it counts as a hang and its thread is ended, in milliseconds. */
export const CASE_TIMEOUT_MS = 60_000;

const WORKER_URL = new URL('./case-worker.js', import.meta.url);

/**
 * A session whose cases run in a worker thread (case-worker.ts). A case that has not finished
 * after `timeoutMs` is a `hang` finding: the thread is ended and the next case gets a new one.
 * `payload` turns a case into what the worker needs (plain data: byte arrays, strings, numbers).
 */
export function workerSession<C>(target: TargetName, payload: (c: C) => unknown, timeoutMs = CASE_TIMEOUT_MS): Session<C> {
  let worker: Worker | undefined;
  let next = 0;
  // The scratch folder of the case files: made here, so that it goes even when a hung thread is ended.
  const scratch = mkdtempSync(join(tmpdir(), `plenty-fuzz-${target}-`));
  const pending = new Map<number, (answer: { findings?: Finding[]; error?: string }) => void>();
  const start = (): Worker => {
    const w = new Worker(WORKER_URL, { workerData: { target, scratch } });
    w.on('message', (a: { id: number; findings?: Finding[]; error?: string }) => {
      pending.get(a.id)?.(a);
      pending.delete(a.id);
    });
    w.on('error', (err) => {
      for (const [id, resolve] of pending) {
        resolve({ error: `the case thread failed: ${err.stack ?? err.message}` });
        pending.delete(id);
      }
    });
    return w;
  };
  const ask = async (kind: 'run' | 'reset' | 'close', body?: unknown): Promise<{ findings?: Finding[]; error?: string; timedOut?: boolean }> => {
    worker ??= start();
    const w = worker;
    const id = next++;
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<{ findings?: Finding[]; error?: string }>((resolve) => pending.set(id, resolve));
    w.postMessage({ id, kind, payload: body });
    const timeout = new Promise<{ timedOut: true }>((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
    });
    const a = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    if ('timedOut' in a) {
      pending.delete(id);
      worker = undefined;
      await w.terminate();
    }
    return a;
  };
  return {
    async run(c) {
      const a = await ask('run', payload(c));
      if (a.timedOut === true) return [{ kind: 'hang', message: `${target}: a case ran for more than ${timeoutMs / 1000} s (its thread was ended)`, signature: `${target}: hang (more than ${timeoutMs / 1000} s)` }];
      if (a.error !== undefined) throw new Error(`fuzz ${target} case thread: ${a.error}`);
      return a.findings ?? [];
    },
    async reset() {
      if (worker !== undefined) await ask('reset');
    },
    async close() {
      if (worker !== undefined) await ask('close');
      await worker?.terminate();
      worker = undefined;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
