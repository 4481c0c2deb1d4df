import { executionPlanOf } from '../execution/execution-plan-of.js';
import { decodeOptimalPlan } from '../report/decode-plan.js';
import { notFound } from './api-error.js';
import { scenarioOr404, type ServerContext } from './context.js';
import type { JobInput } from './job-input.js';
import type { JobTask } from './job-runner.js';
import { compiledOfPlan } from './published-plan.js';
import { replanTask } from './replan-task.js';
import { solveTask } from './solve-task.js';

/**
 * The task of a stored job, rebuilt from its kind and input on whichever process runs it (a solve
 * worker): a solve from its scenario and options; a re-plan from its base plan, the request's body
 * and the reports stored now. What no longer fits (a scenario or plan removed, an input the
 * current reports refuse) throws, and the job fails with that sentence.
 */
export async function jobTaskOf(ctx: ServerContext, job: JobInput): Promise<JobTask> {
  if (job.kind === 'solve') return solveTask(ctx, await scenarioOr404(ctx, job.input.scenarioId), job.input.options);
  const { basePlanId, ...rest } = job.input;
  const body = { ...rest } as Partial<typeof rest>;
  delete body.reports;
  const plan = await ctx.store.plans.get(basePlanId);
  if (plan === undefined) throw notFound('plan', basePlanId);
  const compiled = await compiledOfPlan(ctx, plan);
  const execution = executionPlanOf(compiled, decodeOptimalPlan(plan.result, `plan ${plan.id}`));
  return (await replanTask(ctx.store, { plan, compiled, execution }, body as Omit<typeof rest, 'reports'>)).task;
}
