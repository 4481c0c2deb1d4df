import type { z } from 'zod';
import type { ReplanJobInput } from './job-input.js';
import type { JobTask } from './job-task.js';
import type { PlentyStore } from '../store/index.js';
import { publishedOr404 } from './published-plan.js';
import type { replanBodySchema } from './replan-body.js';
import { replanTask } from './replan-task.js';
import { serviceContext } from './service-context.js';
import { ServiceError } from './service-error.js';

/** A re-plan request: the solve options, the first period re-planned, the past's trade and stocks as reported. */
export type ReplanRequest = z.output<typeof replanBodySchema>;

/**
 * The re-plan of the published plan from a period on, checked now: the period must be one of the
 * plan's (refused, code `unknown-id`), the stored reports must fit it (`the reports`), and the
 * request the plan (`the request`). The past is fixed at what the reports say happened; the
 * objective is the request's, else the published plan's. Returns the job's input (what it
 * started from) and its task: solve the future with progress and cancellation, and store the
 * re-plan's document (replan-document.ts) as a plan of the published plan's scenario.
 */
export async function replanPublished(store: PlentyStore, request: ReplanRequest): Promise<{ input: ReplanJobInput; task: JobTask }> {
  const pub = await publishedOr404(serviceContext(store));
  const c = pub.compiled;
  if (!c.periods.index.has(request.fromPeriod)) {
    throw new ServiceError('refused', 'unknown-id', `no period ${request.fromPeriod} in the plan (periods: ${c.periods.ids.join(', ')})`, [{ path: ['fromPeriod'], message: 'unknown period', value: request.fromPeriod }]);
  }
  return replanTask(store, { plan: pub.plan, compiled: c, execution: pub.execution }, request);
}
