import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/server/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { repoRoot } from '../helpers/paths.js';

export interface Answer {
  readonly status: number;
  // Answers are JSON documents of many shapes; tests read them field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface Harness {
  readonly url: string;
  readonly store: SqliteStore;
  readonly app: FastifyInstance;
  readonly dir: string;
  /** A planner token stored in the store. */
  readonly planner: string;
  call(method: string, path: string, options?: { body?: unknown; raw?: string; token?: string | null; headers?: Record<string, string> }): Promise<Answer>;
  close(): Promise<void>;
}

export const PLANNER_TOKEN = 'planner-token-for-tests';

/** A service over a real SQLite file in a temporary folder, listening on a free loopback port. */
export async function startServer(options: Partial<Omit<ServerOptions, 'store'>> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-server-'));
  const store = openSqliteStore({ dir });
  await store.tokens.add(PLANNER_TOKEN, 'planner', null);
  const app = await buildServer({ store, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    store,
    app,
    dir,
    planner: PLANNER_TOKEN,
    async call(method, path, o = {}) {
      const token = o.token === undefined ? PLANNER_TOKEN : o.token;
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (o.raw !== undefined) body = o.raw;
      else if (o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The text of a built-in example model file. */
export function exampleText(...parts: string[]): string {
  return readFileSync(join(repoRoot, 'examples', ...parts), 'utf8');
}

/** Polls a job until it finishes (done, failed or cancelled); fails after `limitMs`. */
export async function waitForJob(h: Harness, jobId: number, limitMs = 30_000): Promise<Answer> {
  const until = Date.now() + limitMs;
  for (;;) {
    const a = await h.call('GET', `/api/jobs/${jobId}`);
    if (a.status !== 200) return a;
    if (a.body.status === 'done' || a.body.status === 'failed' || a.body.status === 'cancelled') return a;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${String(a.body.status)} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Uploads a model, solves its base scenario and publishes the plan; returns the plan's id. */
export async function publishModel(h: Harness, text: string, modelId: string): Promise<number> {
  const upload = await h.call('POST', '/api/models', { body: { format: 'yaml', text, id: modelId } });
  if (upload.status !== 201) throw new Error(`upload of ${modelId}: ${upload.status} ${JSON.stringify(upload.body)}`);
  const s = await h.call('POST', '/api/scenarios', { body: { modelId, name: 'base' } });
  const job = await waitForJob(h, (await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} })).body.jobId);
  const planId = job.body.result.planId as number;
  const published = await h.call('POST', `/api/plans/${planId}/publish`);
  if (published.status !== 200) throw new Error(`publishing plan ${planId}: ${published.status}`);
  return planId;
}
