import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generatePlanModel } from '../../bench/plan-gen/generate-plan-model.js';
import { buildServer } from '../../src/server/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/index.js';
import { repoRoot } from '../helpers/paths.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';

const TOKEN = 'planner-token-for-solve-workers';
/** Long enough (about 10³·⁵ items × periods, the weighted LP by HiGHS) that a solve takes seconds, so that it can be killed or cancelled while it runs. */
const MODEL = JSON.stringify(generatePlanModel({ size: 3000, seed: 1 }).model);
const SOLVE = { objective: 'weighted', solver: 'highs' };

/** Two works in two years, 100 labour each (as test/server/execution.test.ts): a plan to publish and re-plan. */
const WORKS = `
name: Works in two years
periods: ['1', '2']
products:
  - { id: steel, unit: t, storable: false }
  - { id: bolt, unit: thousand, storable: false }
resources:
  - { id: labour, unit: person-year, available: 100 }
techniques:
  - { id: steel_shop, produces: { steel: 1 }, uses: { labour: 1 }, enterprise: steel-mill }
  - { id: bolt_shop, produces: { bolt: 1 }, consumes: { steel: 0.5 }, uses: { labour: 1.5 }, enterprise: bolt-works }
targets:
  - { product: bolt, amount: 1 }
`;

/** A `plenty worker` process and the lines it printed. */
interface Worker {
  readonly id: string;
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<void>;
}

let db: TestDatabase;
let store: PostgresStore;
let api: FastifyInstance;
let scenarioId: number;
const workers: Worker[] = [];

async function startWorker(): Promise<Worker> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PLENTY_STORE;
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'worker', '--store', db.url, '--lease-seconds', '4'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  const ready = new Promise<string>((resolve, reject) => {
    reader.on('line', (line) => {
      lines.push(line);
      const m = /^worker (\S+) ready/.exec(line);
      if (m !== null) resolve(m[1]);
    });
    void exited.then(() => reject(new Error(`the worker exited before it was ready: ${stderr}`)));
  });
  const w: Worker = { id: await ready, child, lines, exited };
  workers.push(w);
  return w;
}

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await api.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` }, ...(body === undefined ? {} : { payload: body as object }) });
  return { status: r.statusCode, body: r.body === '' ? null : (JSON.parse(r.body) as unknown) };
}

/** Polls `probe` every 100 ms until it answers something other than undefined; fails after `limitMs` saying what it waited for. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, limitMs = 240_000): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`waited ${limitMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A job's progress once it runs with the solver's progress shown; undefined before that. A job
 * that ended first fails the test at once (the model must be big enough to be seen mid-solve).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function runningWithProgress(job: any): { fraction: number; text: string } | undefined {
  if (['done', 'failed', 'cancelled'].includes(job.status as string)) throw new Error(`the job ended before its progress was seen: ${JSON.stringify(job)}`);
  return job.status === 'running' && typeof job.progress?.text === 'string' && (job.progress.text as string).startsWith('stage') ? (job.progress as { fraction: number; text: string }) : undefined;
}

const plansOf = async (scenario: number): Promise<number> => Number((await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM plans WHERE scenario_id = $1', [scenario])).rows[0].n);

before(async () => {
  db = await testDatabase();
  store = await openPostgresStore(db.url);
  await store.tokens.add(TOKEN, 'planner', null, 'test');
  await store.models.add('big', 'Generated plan', MODEL, 'json');
  scenarioId = (await store.scenarios.add('big', 1, 'base', [])).id;
  // An API node whose jobs run only on `plenty worker` processes.
  api = await buildServer({ store, workers: 0 });
  await Promise.all([startWorker(), startWorker()]);
});

after(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await api.close();
  await store.close();
  await db.drop();
});

describe('solve workers on one PostgreSQL: jobs from an API node run in `plenty worker` processes', () => {
  test('a worker SIGKILLed in the middle of a solve: the job is queued again and completes on the other worker, with exactly one plan', async () => {
    const started = await call('POST', `/api/scenarios/${scenarioId}/solve`, SOLVE);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const jobId = started.body.jobId as number;
    const first = await waitFor('a worker to take the job', async () => (await store.queue.leaseOf(jobId))?.owner ?? undefined);
    const victim = workers.find((w) => w.id === first);
    assert.ok(victim !== undefined, `the job's lease names a worker of this test (${first})`);
    // Mid-solve: the API node shows it running with the solver's progress, written by the worker.
    await waitFor('the solve to report progress', async () => runningWithProgress((await call('GET', `/api/jobs/${jobId}`)).body));
    victim.child.kill('SIGKILL');
    await victim.exited;
    const done = await waitFor('the job to end', async () => {
      const j = await call('GET', `/api/jobs/${jobId}`);
      return ['done', 'failed', 'cancelled'].includes(j.body.status as string) ? j.body : undefined;
    });
    assert.equal(done.status, 'done', JSON.stringify(done));
    const lease = await store.queue.leaseOf(jobId);
    assert.equal(lease?.attempt, 2);
    const survivor = workers.find((w) => w !== victim && w.child.exitCode === null);
    assert.equal(lease?.owner, survivor?.id);
    assert.ok(survivor?.lines.some((l) => l === `job ${jobId}: done, plan ${done.result.planId}`), survivor?.lines.join('\n'));
    assert.equal(await plansOf(scenarioId), 1);
    const plan = await store.plans.get(done.result.planId as number);
    assert.equal(plan?.status, 'optimal');
    // Two workers again for what follows.
    await startWorker();
  });

  test('progress written by the worker is read by the API node; a cancel from the API node stops the solve on its worker, and no plan is stored', async () => {
    const before = await plansOf(scenarioId);
    const started = await call('POST', `/api/scenarios/${scenarioId}/solve`, SOLVE);
    const jobId = started.body.jobId as number;
    const progress = await waitFor('the solve to report progress', async () => runningWithProgress((await call('GET', `/api/jobs/${jobId}`)).body));
    assert.ok(progress.fraction > 0 && progress.fraction < 1, JSON.stringify(progress));
    assert.match(progress.text as string, /^stage 1\/1, iteration \d+/);
    const owner = await store.queue.leaseOf(jobId);
    const runner = workers.find((w) => w.id === owner?.owner);
    assert.ok(runner !== undefined);
    const cancelled = await call('DELETE', `/api/jobs/${jobId}`);
    assert.equal(cancelled.body.cancelled, true);
    assert.equal(cancelled.body.job.status, 'cancelled');
    await waitFor('the worker to stop the solve', () => (runner.lines.some((l) => l.startsWith(`job ${jobId}: stopped (cancelled`)) ? true : undefined), 60_000);
    assert.equal((await call('GET', `/api/jobs/${jobId}`)).body.status, 'cancelled');
    assert.equal(await plansOf(scenarioId), before);
  });

  test('a re-plan submitted to the API node is rebuilt from its stored input and run by a worker', async () => {
    await store.models.add('works', 'Works in two years', WORKS, 'yaml');
    const scenario = (await store.scenarios.add('works', 1, 'base', [])).id;
    const endOf = (jobId: number): Promise<any> => // eslint-disable-line @typescript-eslint/no-explicit-any
      waitFor(`job ${jobId} to end`, async () => {
        const j = await call('GET', `/api/jobs/${jobId}`);
        return ['done', 'failed', 'cancelled'].includes(j.body.status as string) ? j.body : undefined;
      });
    const solved = await endOf((await call('POST', `/api/scenarios/${scenario}/solve`, {})).body.jobId as number);
    assert.equal(solved.status, 'done', JSON.stringify(solved));
    const base = solved.result.planId as number;
    assert.equal((await call('POST', `/api/plans/${base}/publish`)).status, 200);
    const started = await call('POST', '/api/replan', { fromPeriod: '2' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const jobId = started.body.jobId as number;
    const job = await store.jobs.get(jobId);
    assert.deepEqual(job?.input, { basePlanId: base, fromPeriod: '2', reports: 0 });
    const done = await endOf(jobId);
    assert.equal(done.status, 'done', JSON.stringify(done));
    const owner = (await store.queue.leaseOf(jobId))?.owner;
    assert.ok(workers.some((w) => w.id === owner && w.lines.includes(`job ${jobId}: done, plan ${done.result.planId}`)));
    const plan = await call('GET', `/api/plans/${done.result.planId}`);
    assert.equal(plan.body.status, 'optimal');
    assert.equal(plan.body.result.replan.basePlanId, base);
    assert.deepEqual(plan.body.result.replan.past.periods, ['1']);
  });

  test('a worker stopped by SIGTERM mid-solve gives the job back at once; another worker completes it, with one plan', async () => {
    const before = await plansOf(scenarioId);
    const started = await call('POST', `/api/scenarios/${scenarioId}/solve`, SOLVE);
    const jobId = started.body.jobId as number;
    const first = await waitFor('a worker to take the job', async () => (await store.queue.leaseOf(jobId))?.owner ?? undefined);
    const stopping = workers.find((w) => w.id === first);
    assert.ok(stopping !== undefined);
    stopping.child.kill('SIGTERM');
    await stopping.exited;
    assert.equal(stopping.child.exitCode, 0);
    assert.ok(stopping.lines.includes(`job ${jobId}: given back to the queue`), stopping.lines.join('\n'));
    const done = await waitFor('the job to end', async () => {
      const j = await call('GET', `/api/jobs/${jobId}`);
      return ['done', 'failed', 'cancelled'].includes(j.body.status as string) ? j.body : undefined;
    });
    assert.equal(done.status, 'done', JSON.stringify(done));
    const lease = await store.queue.leaseOf(jobId);
    assert.equal(lease?.attempt, 2);
    assert.notEqual(lease?.owner, stopping.id);
    assert.equal(await plansOf(scenarioId), before + 1);
  });
});
