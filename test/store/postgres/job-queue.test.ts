import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runMigrations } from 'graphile-worker';
import { queueLogger } from '../../../src/server/queued-jobs.js';
import { startJobs } from '../../../src/server/start-jobs.js';
import { openPostgresStore, type PostgresStore } from '../../../src/store/index.js';
import { testDatabase, type TestDatabase } from '../../helpers/postgres.js';

let db: TestDatabase;
let store: PostgresStore;

before(async () => {
  db = await testDatabase();
  store = await openPostgresStore(db.url);
  await runMigrations({ pgPool: store.pool, logger: queueLogger });
});
after(async () => {
  await store.close();
  await db.drop();
});

const messages = async (id: number): Promise<number> =>
  Number((await store.pool.query<{ n: string }>("SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'jobId' = $1", [String(id)])).rows[0].n);

const plans = async (): Promise<number> => Number((await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM plans')).rows[0].n);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('enqueue stores the row and its message together; a claim takes a queued job once', async () => {
  const job = await store.queue.enqueue('solve', { scenarioId: 1, options: {} });
  assert.equal(job.status, 'queued');
  assert.equal(await messages(job.id), 1);
  const a = await store.queue.claim(job.id, 'worker-a', 60_000);
  assert.deepEqual(a, { id: job.id, kind: 'solve', input: { scenarioId: 1, options: {} }, lease: { attempt: 1, owner: 'worker-a' } });
  assert.equal(await store.queue.claim(job.id, 'worker-b', 60_000), undefined);
  assert.equal((await store.jobs.get(job.id))?.status, 'running');
});

test('an expired lease is swept back to the queue with a new message; the old attempt can write nothing, not even its plan', async () => {
  const job = await store.queue.enqueue('solve', { scenarioId: 1, options: {} });
  const a = await store.queue.claim(job.id, 'worker-a', 50);
  assert.ok(a !== undefined);
  await sleep(150);
  const swept = await store.queue.sweep(3);
  assert.deepEqual(swept, { requeued: [job.id], failed: [] });
  assert.equal(await messages(job.id), 2);
  assert.equal(await store.queue.renew(job.id, a.lease, 60_000), false);
  const b = await store.queue.claim(job.id, 'worker-b', 60_000);
  assert.deepEqual(b?.lease, { attempt: 2, owner: 'worker-b' });
  // The zombie (worker-a) finishes late: its plan and its job's end are refused together.
  const before = await plans();
  await assert.rejects(
    store.transaction(async (tx) => {
      const plan = await tx.plans.add({ scenarioId: null, modelId: 'm', modelVersion: 1, inputsHash: 'h', objectiveKind: 'maxmin', solver: 'highs', status: 'optimal', objective: 1 }, '{}');
      if (!(await tx.jobs.update(job.id, { status: 'done', planId: plan.id, lease: a.lease }))) throw new Error('lease lost');
    }),
    /lease lost/,
  );
  assert.equal(await plans(), before);
  assert.equal(await store.jobs.update(job.id, { fraction: 0.5, text: 'zombie', lease: a.lease }), false);
  assert.equal(await store.jobs.update(job.id, { fraction: 0.5, text: 'stage 1/2', lease: b!.lease }), true);
  assert.equal(await store.jobs.update(job.id, { status: 'done', lease: b!.lease }), true);
  assert.equal((await store.jobs.get(job.id))?.progress.text, 'stage 1/2');
});

test('a job that used its last attempt fails; a released job is queued again at once; a cancelled job is not renewed', async () => {
  const job = await store.queue.enqueue('replan', {});
  const a = await store.queue.claim(job.id, 'worker-a', 50);
  await sleep(150);
  assert.deepEqual(await store.queue.sweep(1), { requeued: [], failed: [job.id] });
  const failed = await store.jobs.get(job.id);
  assert.equal(failed?.status, 'failed');
  assert.match(failed?.error ?? '', /stopped answering 1 times/);
  assert.ok(a !== undefined);

  const other = await store.queue.enqueue('solve', {});
  const c = await store.queue.claim(other.id, 'worker-c', 60_000);
  assert.ok(c !== undefined);
  assert.equal(await store.queue.release(other.id, c.lease), true);
  assert.equal((await store.jobs.get(other.id))?.status, 'queued');
  assert.equal(await messages(other.id), 2);
  const d = await store.queue.claim(other.id, 'worker-d', 60_000);
  assert.ok(d !== undefined);
  assert.equal(await store.jobs.update(other.id, { status: 'cancelled' }), true);
  assert.equal(await store.queue.renew(other.id, d.lease, 60_000), false);
});

test('a message passed on by a stopping worker is sent again while its job is queued, and not once the job has left the queue', async () => {
  const job = await store.queue.enqueue('solve', {});
  assert.equal(await messages(job.id), 1);
  assert.equal(await store.queue.resend(job.id), true);
  assert.equal(await messages(job.id), 2);
  const a = await store.queue.claim(job.id, 'worker-a', 60_000);
  assert.ok(a !== undefined);
  assert.equal(await store.queue.resend(job.id), false);
  assert.equal(await messages(job.id), 2);
  assert.equal(await store.queue.resend(987_654_321), false);
});

test("a node starting on a shared store leaves other nodes' queued and running jobs alone (no failUnfinished)", async () => {
  const queued = await store.queue.enqueue('solve', { scenarioId: 1, options: {} });
  const running = await store.queue.enqueue('solve', { scenarioId: 1, options: {} });
  assert.ok((await store.queue.claim(running.id, 'worker-elsewhere', 60_000)) !== undefined);
  const jobs = await startJobs(store, { workers: 0 });
  assert.equal((await jobs.get(queued.id))?.status, 'queued');
  assert.equal((await jobs.get(running.id))?.status, 'running');
  await jobs.close();
});
