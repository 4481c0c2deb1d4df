import { z } from 'zod';
import { replanBodySchema } from './replan-body.js';
import { solveOptionsSchema } from './solve-options.js';

/** A solve job's stored input: the scenario and the request's options. */
export const solveJobInputSchema = z.strictObject({ scenarioId: z.number().int().positive(), options: solveOptionsSchema });

/** A re-plan job's stored input: the request's body, the plan re-planned, and how many reports it was asked with. */
export const replanJobInputSchema = replanBodySchema.extend({ basePlanId: z.number().int().positive(), reports: z.number().int().nonnegative() });

export type SolveJobInput = z.output<typeof solveJobInputSchema>;
export type ReplanJobInput = z.output<typeof replanJobInputSchema>;

/**
 * What a job runs, as stored in its row (kind and input): the document a solve worker rebuilds
 * the task from, on whichever machine takes it. No closure crosses a process boundary.
 */
export type JobInput = { readonly kind: 'solve'; readonly input: SolveJobInput } | { readonly kind: 'replan'; readonly input: ReplanJobInput };

/** A stored job's kind and input, checked; throws one sentence naming the job when they are not a job Plenty knows. */
export function jobInputOf(id: number, kind: string, input: unknown): JobInput {
  const schema = kind === 'solve' ? solveJobInputSchema : kind === 'replan' ? replanJobInputSchema : undefined;
  if (schema === undefined) throw new Error(`job ${id}: unknown kind ${JSON.stringify(kind)} (solve or replan)`);
  const r = schema.safeParse(input);
  if (!r.success) throw new Error(`job ${id}: its stored ${kind} input is not valid: ${r.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`);
  return kind === 'solve' ? { kind: 'solve', input: r.data as SolveJobInput } : { kind: 'replan', input: r.data as ReplanJobInput };
}
