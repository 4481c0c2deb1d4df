import { now } from '../now.js';
import type { JobsRepository } from '../plenty-store.js';
import type { JobChange, JobRecord, JobStatus } from '../types.js';
import type { Sql } from './sql.js';

interface Row {
  id: number;
  kind: string;
  status: JobStatus;
  input: string;
  progress_fraction: number | null;
  progress_text: string | null;
  plan_id: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: Row): JobRecord => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  input: JSON.parse(r.input) as unknown,
  progress: { fraction: r.progress_fraction, text: r.progress_text },
  planId: r.plan_id,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

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
    const r = await this.sql.query<Row>('SELECT * FROM jobs WHERE id = $1', [id]);
    return r.rows.length === 0 ? undefined : toRecord(r.rows[0]);
  }

  async update(id: number, change: JobChange): Promise<boolean> {
    const r = await this.sql.query(
      `UPDATE jobs SET status = COALESCE($2, status),
         progress_fraction = CASE WHEN $3::boolean THEN $4::double precision ELSE progress_fraction END,
         progress_text = CASE WHEN $5::boolean THEN $6::text ELSE progress_text END,
         plan_id = COALESCE($7, plan_id), error = COALESCE($8, error), updated_at = $9
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, change.status ?? null, change.fraction !== undefined, change.fraction ?? null, change.text !== undefined, change.text ?? null, change.planId ?? null, change.error ?? null, now()],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async failUnfinished(reason: string): Promise<number> {
    const r = await this.sql.query("UPDATE jobs SET status = 'failed', error = $1, updated_at = $2 WHERE status IN ('queued', 'running')", [reason, now()]);
    return r.rowCount ?? 0;
  }
}
