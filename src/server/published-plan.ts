import { compileEconomy } from '../compile/compile-economy.js';
import type { CompiledEconomy } from '../compile/types.js';
import { reportAlertBasis, type ReportAlertBasis } from '../execution/report-alerts.js';
import { executionPlanOf } from '../execution/execution-plan-of.js';
import type { ExecutionPlan } from '../execution/types.js';
import type { PlanWithResult } from '../store/index.js';
import { ApiError, notFound } from './api-error.js';
import { scenarioEconomy, scenarioOr404, type ServerContext } from './context.js';
import { decodeOptimalPlan } from '../report/decode-plan.js';
import type { DecodedOptimalPlan } from '../report/plan-document-schema.js';

/** The plan in execution: its record and decoded document, its scenario's compiled economy, and its arrays. */
export interface PublishedPlan {
  readonly plan: PlanWithResult;
  readonly document: DecodedOptimalPlan;
  readonly publishedAt: string;
  readonly compiled: CompiledEconomy;
  readonly execution: ExecutionPlan;
  /** The plan-wide part of a report's alerts (priority dependencies, owners, thresholds). */
  readonly alertBasis: ReportAlertBasis;
}

const byContext = new WeakMap<ServerContext, Omit<PublishedPlan, 'publishedAt'>>();

const compiledByScenario = new WeakMap<ServerContext, Map<number, CompiledEconomy>>();

/** The compiled economy of a plan's scenario (kept: scenarios never change). */
export async function compiledOfPlan(ctx: ServerContext, plan: PlanWithResult): Promise<CompiledEconomy> {
  if (plan.scenarioId === null) throw new ApiError(409, 'no-scenario', `plan ${plan.id} has no scenario`);
  let cache = compiledByScenario.get(ctx);
  if (cache === undefined) compiledByScenario.set(ctx, (cache = new Map()));
  let c = cache.get(plan.scenarioId);
  if (c === undefined) {
    c = compileEconomy(await scenarioEconomy(ctx, await scenarioOr404(ctx, plan.scenarioId)));
    cache.set(plan.scenarioId, c);
    if (cache.size > 16) cache.delete(cache.keys().next().value as number);
  }
  return c;
}

/**
 * The published plan, or undefined when none is. Its record, compiled economy and arrays are
 * kept by plan id (a stored plan never changes; a publication names another id), so that a
 * request does not read and parse the plan again.
 */
export async function publishedPlan(ctx: ServerContext): Promise<PublishedPlan | undefined> {
  const pub = await ctx.store.plans.published();
  if (pub === undefined) return undefined;
  let kept = byContext.get(ctx);
  if (kept?.plan.id !== pub.planId) {
    const plan = await ctx.store.plans.get(pub.planId);
    if (plan === undefined) throw notFound('plan', pub.planId);
    const compiled = await compiledOfPlan(ctx, plan);
    const document = decodeOptimalPlan(plan.result, `plan ${plan.id}`);
    const execution = executionPlanOf(compiled, document);
    kept = { plan, document, compiled, execution, alertBasis: reportAlertBasis(compiled, execution) };
    byContext.set(ctx, kept);
  }
  return { ...kept, publishedAt: pub.publishedAt };
}

/** The published plan, or a 404 saying none is. */
export async function publishedOr404(ctx: ServerContext): Promise<PublishedPlan> {
  const p = await publishedPlan(ctx);
  if (p === undefined) throw new ApiError(404, 'not-published', 'no plan has been published yet: POST /api/plans/:id/publish');
  return p;
}
