import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { run, type Runner } from 'graphile-worker';
import { JOB_TASK, type ClaimedJob } from '../store/postgres/job-queue.js';
import type { PostgresStore } from '../store/index.js';
import { jobInputOf } from '../service/job-input.js';
import { PROGRESS_WRITE_MS, type JobContext } from './job-runner.js';
import { jobTaskOf } from '../service/job-task-of.js';
import { QueuedJobs, queueLogger } from './queued-jobs.js';

/** How a solve worker runs. */
export interface SolveWorkerOptions {
  /** Jobs run at once (each LP solve in a worker thread of its own). Default 1. */
  readonly concurrency?: number;
  /**
   * How long a claimed job is held without a renewal, in milliseconds (default 30 000): a worker
   * that died is noticed this long after its last renewal, and its job queued again.
   */
  readonly leaseMs?: number;
  /** How often a running job's lease is renewed and its cancellation looked for, in milliseconds (default 1000). */
  readonly renewMs?: number;
  /** Attempts before a job whose workers keep dying fails (default 3). */
  readonly maxAttempts?: number;
  /** The worker's name in the jobs table's lease_owner (default host:pid:random). */
  readonly id?: string;
  /** Told one line per event of a job (taken, done, failed, stopped, given back): `plenty worker` prints them. */
  readonly log?: (line: string) => void;
}

/** Thrown inside the completing transaction when the lease was lost: the plan is not stored. */
class LeaseLost extends Error {
  constructor() {
    super('the job was cancelled or taken by another worker');
  }
}

/**
 * A solve worker over a PostgreSQL store (issue 13 item 5): takes jobs from the queue
 * (graphile-worker: LISTEN/NOTIFY, several at once), claims each on its jobs row under a lease
 * (src/store/postgres/job-queue.ts), rebuilds its task from the stored kind and input, runs it
 * with progress written to the row at most once a second, renews the lease every second — and
 * stops the solve when the renewal finds the job cancelled or no longer its own — and stores the
 * plan and the job's end in one transaction that holds only while the lease does. Every
 * `leaseMs / 2` it sweeps expired leases (any worker's): their jobs are queued again, so a job
 * whose worker died completes on another, with one plan. `stop` gives its running jobs back to
 * the queue at once; a message that reaches a stopping worker is sent again, never dropped.
 */
export class SolveWorker {
  private readonly running = new Map<number, { readonly controller: AbortController; readonly claimed: ClaimedJob }>();
  private runner: Runner | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private stopping = false;

  private constructor(
    private readonly store: PostgresStore,
    readonly id: string,
    readonly concurrency: number,
    readonly leaseMs: number,
    private readonly renewMs: number,
    private readonly maxAttempts: number,
    private readonly log: (line: string) => void,
  ) {
  }

  /** Starts a worker: graphile-worker's schema brought up to date, then jobs taken as they come. */
  static async start(store: PostgresStore, options: SolveWorkerOptions = {}): Promise<SolveWorker> {
    const concurrency = options.concurrency ?? 1;
    const leaseMs = options.leaseMs ?? 30_000;
    const renewMs = options.renewMs ?? 1000;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`a solve worker's concurrency is a whole number of at least 1, not ${concurrency}`);
    if (!(leaseMs >= 2 * renewMs)) throw new Error(`a solve worker's lease (${leaseMs} ms) must be at least twice its renewal interval (${renewMs} ms)`);
    await QueuedJobs.start(store); // the queue's schema, brought up to date once
    const worker = new SolveWorker(store, options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`, concurrency, leaseMs, renewMs, options.maxAttempts ?? 3, options.log ?? (() => undefined));
    worker.runner = await run({
      pgPool: store.pool,
      concurrency,
      noHandleSignals: true,
      pollInterval: 2000,
      logger: queueLogger,
      taskList: { [JOB_TASK]: (payload) => worker.take(payload) },
    });
    worker.sweeper = setInterval(() => void worker.sweep(), Math.max(250, Math.floor(leaseMs / 2)));
    worker.sweeper.unref();
    return worker;
  }

  /** Jobs this worker is running now. */
  get runningJobs(): readonly number[] {
    return [...this.running.keys()];
  }

  /** Stops taking jobs, gives the running ones back to the queue (another worker takes them at once), and waits for them to stop. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearInterval(this.sweeper);
    // The queue stops handing this worker messages before its jobs are given back, so that the
    // message sent with a job given back goes to another worker (take() passes on any that still comes).
    const stopped = this.runner?.stop();
    for (const { controller, claimed } of this.running.values()) {
      controller.abort();
      if (await this.store.queue.release(claimed.id, claimed.lease).catch(() => false)) this.log(`job ${claimed.id}: given back to the queue`);
    }
    await stopped;
  }

  private async sweep(): Promise<void> {
    if (this.stopping) return;
    try {
      const swept = await this.store.queue.sweep(this.maxAttempts);
      for (const id of swept.requeued) this.log(`job ${id}: its worker stopped answering; queued again`);
      for (const id of swept.failed) this.log(`job ${id}: its worker stopped answering; no attempt left, failed`);
    } catch {
      // The database is unreachable for now: the next sweep tries again.
    }
  }

  /**
   * One queue message: claim its job (nothing when it is no longer queued) and run it. Throws only
   * when the claim itself fails (the database is unreachable): the queue sends the message again
   * later. Whatever happens once the job is claimed ends on the job's row, or with its lease.
   */
  private async take(payload: unknown): Promise<void> {
    const id = Number((payload as { jobId?: unknown } | null)?.jobId);
    if (!Number.isSafeInteger(id)) return;
    if (this.stopping) {
      // A message taken while this worker stops (its job perhaps one it has just given back): sent
      // again for another worker, since the queue forgets a message once its task returns.
      await this.store.queue.resend(id);
      return;
    }
    const claimed = await this.store.queue.claim(id, this.id, this.leaseMs);
    if (claimed === undefined) return;
    const controller = new AbortController();
    this.running.set(id, { controller, claimed });
    const { lease } = claimed;
    this.log(`job ${id}: ${claimed.kind}, attempt ${lease.attempt}, started`);
    const renewal = setInterval(() => {
      this.store.queue.renew(id, lease, this.leaseMs).then(
        (held) => {
          if (!held) controller.abort();
        },
        () => undefined,
      );
    }, this.renewMs);
    let written = Date.now();
    const jobCtx: JobContext = {
      signal: controller.signal,
      progress: (fraction, text) => {
        const t = Date.now();
        if (t - written < PROGRESS_WRITE_MS) return;
        written = t;
        this.store.jobs.update(id, { fraction, text, lease }).catch(() => undefined);
      },
    };
    try {
      const task = await jobTaskOf(this.store, jobInputOf(id, claimed.kind, claimed.input));
      const save = await task(jobCtx);
      if (controller.signal.aborted) {
        this.log(`job ${id}: stopped (${this.stopping ? 'the worker stops' : 'cancelled, or taken by another worker'})`);
        return;
      }
      const planId = await this.store.transaction(async (tx) => {
        const planId = await save(tx);
        if (!(await tx.jobs.update(id, { status: 'done', fraction: 1, text: 'done', planId, lease }))) throw new LeaseLost();
        return planId;
      });
      this.log(`job ${id}: done, plan ${planId}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (controller.signal.aborted || err instanceof LeaseLost) {
        this.log(`job ${id}: stopped (${this.stopping ? 'the worker stops' : 'cancelled, or taken by another worker'}), nothing stored`);
      } else {
        this.log(`job ${id}: failed: ${message}`);
        await this.store.jobs.update(id, { status: 'failed', error: message, lease }).catch(() => undefined);
      }
    } finally {
      clearInterval(renewal);
      this.running.delete(id);
    }
  }
}
