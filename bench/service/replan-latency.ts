import { requestJson, type JsonResponse } from './request-json.js';

export interface ReplanLatency {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** What the re-plans gave (plan status), or what went wrong. */
  readonly note: string;
}

interface Job {
  readonly status?: string;
  readonly result?: { readonly planId?: unknown };
  readonly error?: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function expect(res: JsonResponse, status: number, what: string): Record<string, unknown> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return (res.body ?? {}) as Record<string, unknown>;
}

/** Polls `GET /api/jobs/:id` every `everyMs` until the job has ended; its last state. */
export async function waitForJob(url: string, token: string, jobId: unknown, everyMs = 2, limitMs = 120_000): Promise<Job> {
  const until = Date.now() + limitMs;
  for (;;) {
    const job = expect(await requestJson(url, `/api/jobs/${String(jobId)}`, { token }), 200, `GET /api/jobs/${String(jobId)}`) as Job;
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return job;
    if (Date.now() > until) throw new Error(`job ${String(jobId)} still ${String(job.status)} after ${limitMs} ms`);
    await sleep(everyMs);
  }
}

/** Makes sure the 1930 example has a published plan: a scenario without overrides, solved and published. */
export async function publishPlan(url: string, token: string): Promise<void> {
  const published = await requestJson(url, '/api/published', { token });
  if (published.status === 200) return;
  const models = expect(await requestJson(url, '/api/models', { token }), 200, 'GET /api/models') as unknown;
  const list = (Array.isArray(models) ? models : ((models as { models?: unknown }).models ?? [])) as { id: string; name?: string }[];
  const model = list.find((m) => /1930|ussr/i.test(`${m.id} ${m.name ?? ''}`));
  if (model === undefined) throw new Error(`no 1930 model among ${list.map((m) => m.id).join(', ')}`);
  const scenario = expect(await requestJson(url, '/api/scenarios', { token, body: { modelId: model.id, name: 'bench', overrides: [] } }), 201, 'POST /api/scenarios');
  const solve = expect(await requestJson(url, `/api/scenarios/${String(scenario.id)}/solve`, { token, body: {} }), 202, 'POST /api/scenarios/:id/solve');
  const job = await waitForJob(url, token, solve.jobId);
  if (job.status !== 'done') throw new Error(`solving the 1930 scenario: ${String(job.status)} ${JSON.stringify(job.error)}`);
  expect(await requestJson(url, `/api/plans/${String(job.result?.planId)}/publish`, { token, body: {} }), 200, 'POST /api/plans/:id/publish');
}

/**
 * Time from `POST /api/replan` to its job done, `runs` times (after one untimed run), for the
 * 1930 example's published plan re-optimised from `fromPeriod`. Each run's plan is read back and
 * must be optimal before its time counts.
 */
export async function replanLatency(url: string, token: string, runs: number, fromPeriod = '1931'): Promise<ReplanLatency> {
  await publishPlan(url, token);
  const times: number[] = [];
  const statuses = new Set<string>();
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const started = expect(await requestJson(url, '/api/replan', { token, body: { fromPeriod } }), 202, 'POST /api/replan');
    const job = await waitForJob(url, token, started.jobId);
    const ms = performance.now() - t0;
    if (job.status !== 'done') throw new Error(`re-plan job ${String(job.status)}: ${JSON.stringify(job.error)}`);
    const plan = expect(await requestJson(url, `/api/plans/${String(job.result?.planId)}`, { token }), 200, 'GET /api/plans/:id');
    statuses.add(String(plan.status));
    if (!/optimal/i.test(String(plan.status))) throw new Error(`the re-plan is ${String(plan.status)}, not optimal`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { runs, medianMs, minMs: times[0], maxMs: times[times.length - 1], note: `plan status ${[...statuses].join(', ')}, from period ${fromPeriod}` };
}
