import type { JobRecord, JobStatus, PlentyStore } from '../store/index.js';
import type { JobInput } from '../service/job-input.js';
import type { JobContext, JobTask } from '../service/job-task.js';

export type { JobContext, JobTask };

/** A job as the API shows it. */
export interface JobView {
  readonly id: number;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: { readonly fraction?: number; readonly text?: string };
  readonly result?: { readonly planId: number };
  readonly error?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Where the service's jobs run: in this process (JobRunner, the SQLite store's) or on solve
 * workers through PostgreSQL (QueuedJobs). Routes submit a job's typed input with its task:
 * the in-process runner runs the task; the queue stores the input, from which a worker on any
 * machine rebuilds the task (src/service/job-task-of.ts).
 */
export interface Jobs {
  submit(job: JobInput, task: JobTask): Promise<JobView>;
  get(id: number): Promise<JobView | undefined>;
  /** Cancels a queued or running job; false when it had already finished. */
  cancel(id: number): Promise<boolean>;
  /** Stops what this process runs (jobs of other processes go on). */
  close(): Promise<void>;
}

/** A stored job as the API shows it (progress, plan and error as the row holds them). */
export function jobView(job: JobRecord): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: { ...(job.progress.fraction === null ? {} : { fraction: job.progress.fraction }), ...(job.progress.text === null ? {} : { text: job.progress.text }) },
    ...(job.planId === null ? {} : { result: { planId: job.planId } }),
    ...(job.error === null ? {} : { error: job.error }),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

interface Pending {
  readonly id: number;
  readonly task: JobTask;
  readonly controller: AbortController;
}

/** Least time between two progress writes to the store, in milliseconds. */
export const PROGRESS_WRITE_MS = 1000;

/**
 * Runs long computations off the request: a job is stored as queued and answered at once; up to
 * `concurrency` run at a time (the LP solves themselves run in worker threads, so the event loop
 * stays free), their progress kept in memory and written to the store at most once a second.
 * Cancelling a queued job drops it; cancelling a running one aborts its solve.
 */
export class JobRunner implements Jobs {
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending>();
  private readonly live = new Map<number, { fraction: number | null; text: string | null; written: number }>();
  private readonly waiters: (() => void)[] = [];
  /** Jobs whose end the store refused to record, with why (shown as failed). */
  private readonly unstored = new Map<number, string>();
  private closed = false;

  private constructor(
    private readonly store: PlentyStore,
    private readonly concurrency: number,
  ) {}

  /**
   * A runner over the store, the only process running its jobs (the SQLite store: one service
   * process per file); jobs a previous process left queued or running are marked failed first.
   * Never on a shared PostgreSQL: there other processes' running jobs are not abandoned (QueuedJobs).
   */
  static async start(store: PlentyStore, concurrency = 1): Promise<JobRunner> {
    if (store.kind === 'postgres') throw new Error('jobs on a PostgreSQL store run on solve workers (QueuedJobs), not in one process');
    await store.jobs.failUnfinished('interrupted: the service stopped before the job finished');
    return new JobRunner(store, concurrency);
  }

  async submit(submitted: JobInput, task: JobTask): Promise<JobView> {
    const job = await this.store.jobs.add(submitted.kind, submitted.input);
    this.queue.push({ id: job.id, task, controller: new AbortController() });
    queueMicrotask(() => this.pump());
    return this.view(job);
  }

  async get(id: number): Promise<JobView | undefined> {
    const job = await this.store.jobs.get(id);
    return job === undefined ? undefined : this.view(job);
  }

  /** Cancels a queued or running job; false when it had already finished. */
  async cancel(id: number): Promise<boolean> {
    const q = this.queue.findIndex((p) => p.id === id);
    if (q >= 0) this.queue.splice(q, 1);
    this.running.get(id)?.controller.abort();
    return this.store.jobs.update(id, { status: 'cancelled' });
  }

  /** Resolves when no job is queued or running. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancels everything and waits for running jobs to stop. */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.queue.map((p) => p.id), ...this.running.keys()]) {
      try {
        await this.cancel(id);
      } catch {
        // A store that refuses the write (found damaged): the job is stopped all the same.
        this.running.get(id)?.controller.abort();
      }
    }
    this.queue.length = 0;
    await this.idle();
  }

  private view(job: JobRecord): JobView {
    const live = this.live.get(job.id);
    const fraction = live?.fraction ?? job.progress.fraction;
    const text = live?.text ?? job.progress.text;
    const unstored = this.unstored.get(job.id);
    if (unstored !== undefined) return { id: job.id, kind: job.kind, status: 'failed', progress: {}, error: unstored, createdAt: job.createdAt, updatedAt: job.updatedAt };
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      progress: { ...(fraction === null ? {} : { fraction }), ...(text === null ? {} : { text }) },
      ...(job.planId === null ? {} : { result: { planId: job.planId } }),
      ...(job.error === null ? {} : { error: job.error }),
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    };
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift() as Pending;
      this.running.set(next.id, next);
      void this.run(next);
    }
    if (this.queue.length === 0 && this.running.size === 0) for (const w of this.waiters.splice(0)) w();
  }

  private async run(p: Pending): Promise<void> {
    try {
      await this.runStored(p);
    } catch (err) {
      // The store refused a write (found damaged, disk full): the job's end cannot be stored, so
      // it is kept here and shown as failed until the service stops.
      this.unstored.set(p.id, `the job's outcome could not be stored: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.live.delete(p.id);
    this.running.delete(p.id);
    this.pump();
  }

  private async runStored(p: Pending): Promise<void> {
    const { id, controller } = p;
    if (this.store.open && (await this.store.jobs.update(id, { status: 'running', fraction: 0, text: 'started' }))) {
      const live = { fraction: 0 as number | null, text: 'started' as string | null, written: Date.now() };
      this.live.set(id, live);
      const ctx: JobContext = {
        signal: controller.signal,
        progress: (fraction, text) => {
          live.fraction = fraction;
          live.text = text;
          const t = Date.now();
          if (t - live.written >= PROGRESS_WRITE_MS && this.store.open) {
            live.written = t;
            // Progress is kept in memory too; a store that refuses it fails the job at its end.
            this.store.jobs.update(id, { fraction, text }).catch(() => undefined);
          }
        },
      };
      try {
        const save = await p.task(ctx);
        if (this.store.open && !controller.signal.aborted) {
          await this.store.transaction(async (tx) => {
            const planId = await save(tx);
            if (!(await tx.jobs.update(id, { status: 'done', fraction: 1, text: 'done', planId }))) throw new Error('the job was cancelled');
          });
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (this.store.open && !controller.signal.aborted) await this.store.jobs.update(id, { status: 'failed', error: message });
      }
    }
  }
}
