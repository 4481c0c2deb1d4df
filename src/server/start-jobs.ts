import { PostgresStore, type PlentyStore } from '../store/index.js';
import { JobRunner, type Jobs } from './job-runner.js';
import { QueuedJobs } from './queued-jobs.js';
import { SolveWorker, type SolveWorkerOptions } from './solve-worker.js';

/** How a service runs its jobs. */
export interface JobsOptions {
  /** SQLite: jobs run at once in this process (default 1). */
  readonly concurrency?: number;
  /**
   * PostgreSQL: jobs this process runs at once as a solve worker of its own (default 1, so that a
   * single node needs nothing else); 0 for an API node whose jobs run on `plenty worker` processes.
   */
  readonly workers?: number;
  /** PostgreSQL: the in-process worker's lease and renewal (SolveWorkerOptions). */
  readonly worker?: Omit<SolveWorkerOptions, 'concurrency'>;
}

/**
 * The service's jobs over its store: on SQLite run in this process (JobRunner, as always); on
 * PostgreSQL queued for solve workers (QueuedJobs), with `workers` of them running in this
 * process unless 0. Closing stops this process's worker (its running jobs go back to the queue).
 */
export async function startJobs(store: PlentyStore, options: JobsOptions = {}): Promise<Jobs> {
  if (!(store instanceof PostgresStore)) return JobRunner.start(store, options.concurrency ?? 1);
  const jobs = await QueuedJobs.start(store);
  const workers = options.workers ?? 1;
  if (workers === 0) return jobs;
  const worker = await SolveWorker.start(store, { ...options.worker, concurrency: workers });
  return {
    submit: (job, task) => jobs.submit(job, task),
    get: (id) => jobs.get(id),
    cancel: (id) => jobs.cancel(id),
    close: () => worker.stop(),
  };
}
