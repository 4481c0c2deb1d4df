import { z } from 'zod';
import { timestamp } from './wire-number.js';

export const jobStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).meta({ id: 'JobStatus' });

/** A solve or re-plan job (GET /jobs/:id). */
export const jobSchema = z
  .strictObject({
    id: z.number(),
    kind: z.string(),
    status: jobStatus,
    progress: z.strictObject({ fraction: z.number().optional(), text: z.string().optional() }),
    result: z.strictObject({ planId: z.number() }).optional(),
    error: z.string().optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Job' });

/** A job started (202): its id and its state. */
export const jobStarted = z.strictObject({ jobId: z.number(), job: jobSchema }).meta({ id: 'JobStarted' });

/** DELETE /jobs/:id: false when the job had finished already. */
export const jobCancelled = z.strictObject({ cancelled: z.boolean(), job: jobSchema }).meta({ id: 'JobCancelled' });
