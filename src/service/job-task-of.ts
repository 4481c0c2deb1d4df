import { executionPlanOf } from '../execution/execution-plan-of.js';
import { decodeOptimalPlan } from '../report/decode-plan.js';
import type { PlentyStore } from '../store/index.js';
import type { JobInput } from './job-input.js';
import type { JobTask } from './job-task.js';
import { compiledOfPlan } from './published-plan.js';
import { replanTask } from './replan-task.js';
import { serviceContext } from './service-context.js';
import { solveScenario } from './solve-scenario.js';
import { storedPlan } from './stored-plan.js';

/**
 * The task of a stored job, rebuilt from its kind and input on whichever process runs it (a solve
 * worker): a solve from its scenario and options; a re-plan from its base plan, the request's body
 * and the reports stored now. What no longer fits (a scenario or plan removed, an input the
 * current reports refuse) throws, and the job fails with that sentence.
 */
export async function jobTaskOf(store: PlentyStore, job: JobInput): Promise<JobTask> {
  if (job.kind === 'solve') return solveScenario(store, job.input.scenarioId, job.input.options);
  // `reports` is how many reports the request was made with; the re-plan takes those stored now.
  const { basePlanId, ...rest } = job.input;
  const request: Omit<typeof rest, 'reports'> & { reports?: number } = { ...rest };
  delete request.reports;
  const plan = await storedPlan(store, basePlanId);
  const compiled = await compiledOfPlan(serviceContext(store), plan);
  const execution = executionPlanOf(compiled, decodeOptimalPlan(plan.result, `plan ${plan.id}`));
  return (await replanTask(store, { plan, compiled, execution }, request)).task;
}
