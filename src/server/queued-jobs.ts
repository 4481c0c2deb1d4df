import { Logger, runMigrations } from 'graphile-worker';
import type { PostgresStore } from '../store/index.js';
import { QUEUE_SCHEMA } from '../store/postgres/locks.js';
import type { JobInput } from '../service/job-input.js';
import { jobView, type Jobs, type JobTask, type JobView } from './job-runner.js';

/** graphile-worker's log: its errors and warnings on stderr, the rest dropped. */
export const queueLogger = new Logger((scope) => (level, message) => {
  if (String(level) === 'error' || String(level) === 'warning') process.stderr.write(`queue ${level}${scope.label === undefined ? '' : ` (${scope.label})`}: ${message}\n`);
});

/**
 * The service's jobs on a PostgreSQL store: submitted as a jobs row plus a queue message in one
 * transaction, run by solve workers (`plenty worker`, or `plenty serve --workers N` in this
 * process) on any machine; status and progress read from the row, so any API node answers for
 * any job; cancelling sets the row's status, which the worker running it sees within a second
 * and stops the solve. The task a route built is not used here: the worker rebuilds it from the
 * stored input. Nothing of another node's jobs is touched at start (unlike JobRunner's).
 */
export class QueuedJobs implements Jobs {
  private constructor(private readonly store: PostgresStore) {}

  /**
   * The jobs of `store`; graphile-worker's schema is created or brought up to date first, under an
   * advisory lock (graphile-worker's own migrations fail when two processes run them on an empty
   * database at once: nodes and workers started together wait for each other instead).
   */
  static async start(store: PostgresStore): Promise<QueuedJobs> {
    const client = await store.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', [...QUEUE_SCHEMA]);
      try {
        await runMigrations({ pgPool: store.pool, logger: queueLogger });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [...QUEUE_SCHEMA]);
      }
    } finally {
      client.release();
    }
    return new QueuedJobs(store);
  }

  async submit(job: JobInput, _task: JobTask): Promise<JobView> {
    return jobView(await this.store.queue.enqueue(job.kind, job.input));
  }

  async get(id: number): Promise<JobView | undefined> {
    const job = await this.store.jobs.get(id);
    return job === undefined ? undefined : jobView(job);
  }

  cancel(id: number): Promise<boolean> {
    return this.store.jobs.update(id, { status: 'cancelled' });
  }

  async close(): Promise<void> {
    // Jobs run on workers: nothing of this process to stop.
  }
}
