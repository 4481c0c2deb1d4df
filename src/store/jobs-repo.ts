import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { JobChange, JobRecord } from './types.js';
import { jobRecordOf, type JobRow } from './job-row.js';

/** Long computations (solves, re-plans) and how far they have got. */
export class JobsRepo {
  private readonly sql: Statements;
  constructor(db: Database) {
    this.sql = statements(db);
  }

  add(kind: string, input: unknown): JobRecord {
    const t = now();
    const text = JSON.stringify(input);
    const info = this.sql("INSERT INTO jobs (kind, status, input, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?)").run(kind, text, t, t);
    return { id: Number(info.lastInsertRowid), kind, status: 'queued', input: JSON.parse(text) as unknown, progress: { fraction: null, text: null }, planId: null, error: null, createdAt: t, updatedAt: t };
  }

  get(id: number): JobRecord | undefined {
    const r = this.sql('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return r === undefined ? undefined : jobRecordOf(r);
  }

  /** Changes status and progress; a finished job (done, failed, cancelled) is never changed again. */
  update(id: number, change: JobChange): boolean {
    if (change.lease !== undefined) throw new Error("the SQLite store's jobs run in-process and have no leases");
    const info = this.sql(
        `UPDATE jobs SET status = COALESCE(@status, status), progress_fraction = CASE WHEN @setFraction THEN @fraction ELSE progress_fraction END,
         progress_text = CASE WHEN @setText THEN @text ELSE progress_text END, plan_id = COALESCE(@planId, plan_id), error = COALESCE(@error, error), updated_at = @t
         WHERE id = @id AND status IN ('queued', 'running')`,
      )
      .run({
        id,
        status: change.status ?? null,
        setFraction: change.fraction === undefined ? 0 : 1,
        fraction: change.fraction ?? null,
        setText: change.text === undefined ? 0 : 1,
        text: change.text ?? null,
        planId: change.planId ?? null,
        error: change.error ?? null,
        t: now(),
      });
    return info.changes > 0;
  }

  /** Jobs left queued or running by a previous process: marked failed. Returns how many. */
  failUnfinished(reason: string): number {
    return this.sql("UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE status IN ('queued', 'running')").run(reason, now()).changes;
  }
}
