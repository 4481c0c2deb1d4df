import { now } from '../now.js';
import type { JobsRepository } from '../plenty-store.js';
import type { JobChange, JobRecord } from '../types.js';
import type { Sql } from './sql.js';
import { jobRecordOf, type JobRow } from '../job-row.js';

/** Jobs (solves, re-plans) in PostgreSQL. */
export class PgJobsRepo implements JobsRepository {
  constructor(private readonly sql: Sql) {}

  async add(kind: string, input: unknown): Promise<JobRecord> {
    const t = now();
    const text = JSON.stringify(input);
    const r = await this.sql.query<{ id: number }>("INSERT INTO jobs (kind, status, input, created_at, updated_at) VALUES ($1, 'queued', $2, $3, $3) RETURNING id", [kind, text, t]);
    return { id: r.rows[0].id, kind, status: 'queued', input: JSON.parse(text) as unknown, progress: { fraction: null, text: null }, planId: null, error: null, createdAt: t, updatedAt: t };
  }

  async get(id: number): Promise<JobRecord | undefined> {
    const r = await this.sql.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return r.rows.length === 0 ? undefined : jobRecordOf(r.rows[0]);
  }

  async update(id: number, change: JobChange): Promise<boolean> {
    const r = await this.sql.query(
      `UPDATE jobs SET status = COALESCE($2, status),
         progress_fraction = CASE WHEN $3::boolean THEN $4::double precision ELSE progress_fraction END,
         progress_text = CASE WHEN $5::boolean THEN $6::text ELSE progress_text END,
         plan_id = COALESCE($7, plan_id), error = COALESCE($8, error), updated_at = $9
       WHERE id = $1 AND status IN ('queued', 'running') AND ($10::integer IS NULL OR (status = 'running' AND attempt = $10 AND lease_owner = $11))`,
      [id, change.status ?? null, change.fraction !== undefined, change.fraction ?? null, change.text !== undefined, change.text ?? null, change.planId ?? null, change.error ?? null, now(), change.lease?.attempt ?? null, change.lease?.owner ?? null],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async failUnfinished(reason: string): Promise<number> {
    const r = await this.sql.query("UPDATE jobs SET status = 'failed', error = $1, updated_at = $2 WHERE status IN ('queued', 'running')", [reason, now()]);
    return r.rowCount ?? 0;
  }
}
