import type { CompiledEconomy } from '../compile/types.js';
import { actualActivity, prepareReplan, solveReplan } from '../execution/index.js';
import type { ExecutionPlan } from '../execution/types.js';
import { jsonText } from '../report/json-text.js';
import type { PlanWithResult, PlentyStore } from '../store/index.js';
import type { ReplanJobInput } from './job-input.js';
import { checkWholePlantSolver } from './check-whole-plant-solver.js';
import type { JobTask } from './job-task.js';
import { publishedReports } from './published-reports.js';
import { refusedInput } from './refused-input.js';
import { reportedPast } from './replan-body.js';
import { replanDocument } from './replan-document.js';
import { cancellable, planObjective } from './solve-task.js';

/** The plan a re-plan starts from: its record, its scenario's compiled economy, its arrays. */
export interface ReplanBase {
  readonly plan: PlanWithResult;
  readonly compiled: CompiledEconomy;
  readonly execution: ExecutionPlan;
}

/**
 * Checks a re-plan request against its base plan and the reports stored now (refused, naming
 * `the reports` or `the request`, when they do not fit) and returns the job's input and task:
 * solve the future with progress and cancellation (whole plants by branch and bound to the
 * request's `mipGap`, or as the relaxation with `relaxIntegers`), the past fixed at what the reports say
 * happened, the objective the request's, else the base plan's; store the re-plan's document
 * (replan-document.ts) as a plan of the base plan's scenario. Used by `replanPublished` and by a
 * solve worker rebuilding the job from its stored input (with the reports stored when it runs).
 */
export async function replanTask(store: PlentyStore, base: ReplanBase, request: Omit<ReplanJobInput, 'basePlanId' | 'reports'>): Promise<{ input: ReplanJobInput; task: JobTask }> {
  const c = base.compiled;
  const reports = await publishedReports(store, c);
  const actuals = (await refusedInput('the reports', () => actualActivity(c, base.execution, reports))).activity;
  const stored = (base.plan.result as { objective?: unknown }).objective;
  const objective = request.objective === undefined ? (stored as ReturnType<typeof planObjective> | undefined) ?? { kind: 'maxmin' as const } : planObjective(request.objective);
  const prepared = await refusedInput('the request', () => {
    checkWholePlantSolver(c, request);
    return prepareReplan(c, { fromPeriod: request.fromPeriod, solver: request.solver ?? 'auto', actuals, plan: base.execution, objective, ...(request.reported === undefined ? {} : { reported: reportedPast(request.reported) }) });
  });
  const plan = base.plan;
  const input: ReplanJobInput = { basePlanId: plan.id, ...request, reports: reports.length };
  const task: JobTask = async (jobCtx) => {
    const r = await solveReplan(prepared, {
      solver: cancellable(request.solver ?? 'auto', jobCtx.signal),
      ...(request.gap === undefined ? {} : { gap: request.gap }),
      ...(request.timeLimit === undefined ? {} : { timeLimit: request.timeLimit }),
      ...(request.mipGap === undefined ? {} : { mipGap: request.mipGap }),
      ...(request.relaxIntegers === true ? { relaxIntegers: true } : {}),
    });
    if (jobCtx.signal.aborted) throw new Error('cancelled');
    const text = jsonText(replanDocument(c, r, { basePlanId: plan.id, reports: reports.length }));
    return async (tx) => {
      const added = await tx.plans.add(
        { scenarioId: plan.scenarioId, modelId: plan.modelId, modelVersion: plan.modelVersion, inputsHash: `replan:${plan.id}:${request.fromPeriod}`, objectiveKind: objective.kind, solver: r.solver, status: r.status, objective: r.status === 'optimal' ? r.objectiveValue : null },
        text,
      );
      return added.id;
    };
  };
  return { input, task };
}
