import type { CompiledEconomy } from '../compile/types.js';
import { actualActivity, enterpriseOfTechniques, prepareReplan, solveReplan } from '../execution/index.js';
import type { ExecutionPlan } from '../execution/types.js';
import type { PlanWithResult, PlentyStore } from '../store/index.js';
import type { JobTask } from './job-runner.js';
import { jsonSafe } from './json-safe.js';
import { replanDocument } from './replan-document.js';
import type { ReplanJobInput } from './job-input.js';
import { reportedPast } from './replan-body.js';
import { reportsFor } from './reports-of.js';
import { cancellable, planObjective } from './solve-task.js';

/** The plan a re-plan starts from: its record, its scenario's compiled economy, its arrays. */
export interface ReplanBase {
  readonly plan: PlanWithResult;
  readonly compiled: CompiledEconomy;
  readonly execution: ExecutionPlan;
}

/**
 * Checks a re-plan request against its base plan and the reports stored now (InputError when
 * they do not fit: the caller says which part) and returns the job's input and task: solve the
 * re-plan with cancellation, store the re-planned document. Used by `POST /api/replan` and by a
 * solve worker rebuilding the job from its stored input (with the reports stored when it runs).
 */
export async function replanTask(
  store: PlentyStore,
  base: ReplanBase,
  body: Omit<ReplanJobInput, 'basePlanId' | 'reports'>,
  /** Runs a check that may throw InputError, naming what was checked (the route turns it into a 422). */
  checked: <T>(what: string, check: () => T) => T = (_what, check) => check(),
): Promise<{ input: ReplanJobInput; task: JobTask }> {
  const c = base.compiled;
  const reports = await reportsFor(store, new Set(enterpriseOfTechniques(c)), c.periods.index);
  const actuals = checked('the reports', () => actualActivity(c, base.execution, reports)).activity;
  const stored = (base.plan.result as { objective?: unknown }).objective;
  const objective = body.objective === undefined ? (stored as ReturnType<typeof planObjective> | undefined) ?? { kind: 'maxmin' as const } : planObjective(body.objective);
  const prepared = checked('the request', () => prepareReplan(c, { fromPeriod: body.fromPeriod, solver: body.solver ?? 'auto', actuals, plan: base.execution, objective, ...(body.reported === undefined ? {} : { reported: reportedPast(body.reported) }) }));
  const plan = base.plan;
  const input: ReplanJobInput = { basePlanId: plan.id, ...body, reports: reports.length };
  const task: JobTask = async (jobCtx) => {
    const r = await solveReplan(prepared, {
      solver: cancellable(body.solver ?? 'auto', jobCtx.signal),
      ...(body.gap === undefined ? {} : { gap: body.gap }),
      ...(body.timeLimit === undefined ? {} : { timeLimit: body.timeLimit }),
    });
    if (jobCtx.signal.aborted) throw new Error('cancelled');
    const text = jsonSafe(replanDocument(c, r, { basePlanId: plan.id, reports: reports.length }));
    return async (tx) => {
      const added = await tx.plans.add(
        { scenarioId: plan.scenarioId, modelId: plan.modelId, modelVersion: plan.modelVersion, inputsHash: `replan:${plan.id}:${body.fromPeriod}`, objectiveKind: objective.kind, solver: r.solver, status: r.status, objective: r.status === 'optimal' ? r.objectiveValue : null },
        text,
      );
      return added.id;
    };
  };
  return { input, task };
}
