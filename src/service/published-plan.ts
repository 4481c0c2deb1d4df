import { compileEconomy } from '../compile/compile-economy.js';
import type { CompiledEconomy } from '../compile/types.js';
import { reportAlertBasis, type ReportAlertBasis } from '../execution/report-alerts.js';
import { executionPlanOf } from '../execution/execution-plan-of.js';
import type { ExecutionPlan } from '../execution/types.js';
import type { PlanWithResult } from '../store/index.js';
import { scenarioEconomy } from './scenario-economy.js';
import type { ServiceContext } from './service-context.js';
import { notFound, notPublished, ServiceError } from './service-error.js';
import { storedScenario } from './stored-scenario.js';
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

const byContext = new WeakMap<ServiceContext, Omit<PublishedPlan, 'publishedAt'>>();

const compiledByScenario = new WeakMap<ServiceContext, Map<number, CompiledEconomy>>();

/** The compiled economy of a plan's scenario (kept: scenarios never change). */
export async function compiledOfPlan(ctx: ServiceContext, plan: PlanWithResult): Promise<CompiledEconomy> {
  if (plan.scenarioId === null) throw new ServiceError('conflict', 'no-scenario', `plan ${plan.id} has no scenario`);
  let cache = compiledByScenario.get(ctx);
  if (cache === undefined) compiledByScenario.set(ctx, (cache = new Map()));
  let c = cache.get(plan.scenarioId);
  if (c === undefined) {
    c = compileEconomy(await scenarioEconomy(ctx.store, await storedScenario(ctx.store, plan.scenarioId)));
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
export async function publishedPlan(ctx: ServiceContext): Promise<PublishedPlan | undefined> {
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
export async function publishedOr404(ctx: ServiceContext): Promise<PublishedPlan> {
  const p = await publishedPlan(ctx);
  if (p === undefined) throw notPublished();
  return p;
}
