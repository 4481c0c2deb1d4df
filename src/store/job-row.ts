import type { JobRecord, JobStatus } from './types.js';

/** A row of the jobs table, as both stores return it. */
export interface JobRow {
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

export const jobRecordOf = (r: JobRow): JobRecord => ({
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

