import { now } from '../now.js';
import type { JobLease, JobRecord } from '../types.js';
import type { Sql } from './sql.js';

/** The graphile-worker task that runs a job of the jobs table (its payload: `{ jobId }`). */
export const JOB_TASK = 'plenty_job';

/** A job a worker has claimed: what to run, under which lease. */
export interface ClaimedJob {
  readonly id: number;
  readonly kind: string;
  readonly input: unknown;
  readonly lease: JobLease;
}

/** What a sweep of expired leases did. */
export interface LeaseSweep {
  /** Jobs queued again (a message for each sent to the workers). */
  readonly requeued: readonly number[];
  /** Jobs that had used their last attempt: failed. */
  readonly failed: readonly number[];
}

/**
 * The message that wakes a worker for job `$1` (graphile-worker's own queue). A worker's task
 * throws only when it could not even claim the job (the database went away): graphile-worker then
 * sends the message again later (its default attempts and backoff). A message whose worker died
 * is freed by graphile-worker after 4 hours and then finds its job finished: nothing is run.
 */
const ADD_MESSAGE = `SELECT 1 FROM ${addMessage('$1::bigint')}`;

/** The call that adds the message for the job whose id is the SQL expression `id`. */
function addMessage(id: string): string {
  return `graphile_worker.add_job('${JOB_TASK}', payload => json_build_object('jobId', ${id}))`;
}

/**
 * The jobs table as a queue for solve workers on several machines (PostgreSQL only). The jobs row
 * is the truth: its status, progress and plan; graphile-worker's queue only carries a message
 * "run job N" to a free worker (LISTEN/NOTIFY, SKIP LOCKED), sent in the same transaction that
 * stores the row. A worker claims a queued job by raising its `attempt` and taking a lease
 * (`lease_owner`, `lease_until`) that it renews while it runs; a job whose lease expired (its
 * worker died or lost the database) is queued again by any worker's sweep, with a new message, and
 * every write of the old attempt (progress, the plan, the job's end) is refused from then on
 * (JobChange.lease): a late-finishing worker cannot store a second plan. Cancelling a job sets
 * its status (`cancelled`), which the running worker sees at its next renewal.
 * graphile-worker's schema must exist (its `runMigrations`) before `enqueue` or `sweep` run.
 */
export class PgJobQueue {
  constructor(private readonly sql: Sql) {}

  /** Stores the job as queued and sends its message, in one transaction. */
  async enqueue(kind: string, input: unknown): Promise<JobRecord> {
    const t = now();
    const text = JSON.stringify(input);
    const id = await this.sql.atomic(async (sql) => {
      const r = await sql.query<{ id: number }>("INSERT INTO jobs (kind, status, input, created_at, updated_at) VALUES ($1, 'queued', $2, $3, $3) RETURNING id", [kind, text, t]);
      await sql.query(ADD_MESSAGE, [r.rows[0].id]);
      return r.rows[0].id;
    });
    return { id, kind, status: 'queued', input: JSON.parse(text) as unknown, progress: { fraction: null, text: null }, planId: null, error: null, createdAt: t, updatedAt: t };
  }

  /** Takes a queued job for `owner` for `leaseMs`: its next attempt. Undefined when it is not queued (cancelled, taken, finished, unknown). */
  async claim(id: number, owner: string, leaseMs: number): Promise<ClaimedJob | undefined> {
    const r = await this.sql.query<{ attempt: number; kind: string; input: string }>(
      `UPDATE jobs SET status = 'running', attempt = attempt + 1, lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond',
         progress_fraction = 0, progress_text = 'started', updated_at = $4
       WHERE id = $1 AND status = 'queued' RETURNING attempt, kind, input`,
      [id, owner, leaseMs, now()],
    );
    if (r.rows.length === 0) return undefined;
    const row = r.rows[0];
    return { id, kind: row.kind, input: JSON.parse(row.input) as unknown, lease: { attempt: row.attempt, owner } };
  }

  /** Extends the lease by `leaseMs` from now; false when it no longer holds (the job was cancelled, or expired and was taken again). */
  async renew(id: number, lease: JobLease, leaseMs: number): Promise<boolean> {
    const r = await this.sql.query(
      `UPDATE jobs SET lease_until = now() + $4 * interval '1 millisecond' WHERE id = $1 AND status = 'running' AND attempt = $2 AND lease_owner = $3`,
      [id, lease.attempt, lease.owner, leaseMs],
    );
    return (r.rowCount ?? 0) > 0;
  }

  /** Gives a running job back (its worker stops): queued again at once, with a message; false when the lease no longer held. */
  async release(id: number, lease: JobLease): Promise<boolean> {
    return this.sql.atomic(async (sql) => {
      const r = await sql.query(
        `UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, progress_fraction = NULL, progress_text = 'queued again: its worker stopped', updated_at = $4
         WHERE id = $1 AND status = 'running' AND attempt = $2 AND lease_owner = $3`,
        [id, lease.attempt, lease.owner, now()],
      );
      if ((r.rowCount ?? 0) === 0) return false;
      await sql.query(ADD_MESSAGE, [id]);
      return true;
    });
  }

  /** Sends job `id`'s message again when the job is still queued (a stopping worker passes it on); false when it is not queued. */
  async resend(id: number): Promise<boolean> {
    const r = await this.sql.query(`SELECT ${addMessage('id')} FROM jobs WHERE id = $1 AND status = 'queued'`, [id]);
    return (r.rowCount ?? 0) > 0;
  }

  /**
   * Queues again every running job whose lease expired, with a message each, in one transaction;
   * one that has had `maxAttempts` attempts fails instead. Several workers may sweep at once: a
   * job is taken by one of them.
   */
  async sweep(maxAttempts: number): Promise<LeaseSweep> {
    return this.sql.atomic(async (sql) => {
      const r = await sql.query<{ id: number; status: string }>(
        `UPDATE jobs SET status = CASE WHEN attempt >= $1 THEN 'failed' ELSE 'queued' END,
           error = CASE WHEN attempt >= $1 THEN 'its worker stopped answering ' || attempt || ' times' ELSE error END,
           progress_text = CASE WHEN attempt >= $1 THEN progress_text ELSE 'queued again: its worker stopped answering' END,
           progress_fraction = CASE WHEN attempt >= $1 THEN progress_fraction ELSE NULL END,
           lease_owner = NULL, lease_until = NULL, updated_at = $2
         WHERE status = 'running' AND lease_until < now() RETURNING id, status`,
        [maxAttempts, now()],
      );
      const requeued = r.rows.filter((x) => x.status === 'queued').map((x) => x.id);
      for (const id of requeued) await sql.query(ADD_MESSAGE, [id]);
      return { requeued, failed: r.rows.filter((x) => x.status === 'failed').map((x) => x.id) };
    });
  }

  /** The job's attempt and lease holder (tests, and what `plenty worker` logs). */
  async leaseOf(id: number): Promise<{ attempt: number; owner: string | null } | undefined> {
    const r = await this.sql.query<{ attempt: number; lease_owner: string | null }>('SELECT attempt, lease_owner FROM jobs WHERE id = $1', [id]);
    return r.rows.length === 0 ? undefined : { attempt: r.rows[0].attempt, owner: r.rows[0].lease_owner };
  }
}
