import type { z } from 'zod';
import { actualActivity, prepareReplan, solveReplan } from '../execution/index.js';
import type { JobTask } from '../server/job-runner.js';
import type { PlentyStore } from '../store/index.js';
import { publishedOr404 } from './published-plan.js';
import { publishedReports } from './published-reports.js';
import { refusedInput } from './refused-input.js';
import { reportedPast, type replanBodySchema } from './replan-body.js';
import { replanDocument } from './replan-document.js';
import { serviceContext } from './service-context.js';
import { jsonText } from '../report/json-text.js';
import { ServiceError } from './service-error.js';
import { cancellable, planObjective } from './solve-task.js';

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
export async function replanPublished(store: PlentyStore, request: ReplanRequest): Promise<{ input: Record<string, unknown>; task: JobTask }> {
  const pub = await publishedOr404(serviceContext(store));
  const c = pub.compiled;
  if (!c.periods.index.has(request.fromPeriod)) {
    throw new ServiceError('refused', 'unknown-id', `no period ${request.fromPeriod} in the plan (periods: ${c.periods.ids.join(', ')})`, [{ path: ['fromPeriod'], message: 'unknown period', value: request.fromPeriod }]);
  }
  const reports = await publishedReports(store, c);
  const actuals = (await refusedInput('the reports', () => actualActivity(c, pub.execution, reports))).activity;
  const stored = (pub.plan.result as { objective?: unknown }).objective;
  const objective = request.objective === undefined ? (stored as ReturnType<typeof planObjective> | undefined) ?? { kind: 'maxmin' as const } : planObjective(request.objective);
  const prepared = await refusedInput('the request', () =>
    prepareReplan(c, { fromPeriod: request.fromPeriod, solver: request.solver ?? 'auto', actuals, plan: pub.execution, objective, ...(request.reported === undefined ? {} : { reported: reportedPast(request.reported) }) }),
  );
  const base = pub.plan;
  const task: JobTask = async (jobCtx) => {
    const r = await solveReplan(prepared, {
      solver: cancellable(request.solver ?? 'auto', jobCtx.signal),
      ...(request.gap === undefined ? {} : { gap: request.gap }),
      ...(request.timeLimit === undefined ? {} : { timeLimit: request.timeLimit }),
    });
    if (jobCtx.signal.aborted) throw new Error('cancelled');
    const text = jsonText(replanDocument(c, r, { basePlanId: base.id, reports: reports.length }));
    return async (tx) => {
      const plan = await tx.plans.add(
        { scenarioId: base.scenarioId, modelId: base.modelId, modelVersion: base.modelVersion, inputsHash: `replan:${base.id}:${request.fromPeriod}`, objectiveKind: objective.kind, solver: r.solver, status: r.status, objective: r.status === 'optimal' ? r.objectiveValue : null },
        text,
      );
      return plan.id;
    };
  };
  return { input: { basePlanId: base.id, ...request, reports: reports.length }, task };
}
