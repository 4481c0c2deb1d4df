import type { Economy } from '../model/types.js';
import type { ModelRecord, PlentyStore, ScenarioRecord } from '../store/index.js';
import { notFound } from './api-error.js';
import type { EconomyCache } from './economy-cache.js';
import type { Jobs } from './job-runner.js';
import { applyOverrides, type Override } from './overrides.js';

/** What every route needs: the store, the job runner, parsed models. */
export interface ServerContext {
  readonly store: PlentyStore;
  readonly jobs: Jobs;
  readonly economies: EconomyCache;
  /** The planner token handed out by /api/session (only when the service was started open). */
  readonly sessionToken: string | undefined;
}

/** A stored model version (the latest without `version`), or 404. */
export async function modelOr404(ctx: ServerContext, id: string, version?: number): Promise<ModelRecord> {
  const m = await ctx.store.models.get(id, version);
  if (m === undefined) throw notFound(version === undefined ? 'model' : `version ${version} of a model`, id);
  return m;
}

/** A scenario, or 404. */
export async function scenarioOr404(ctx: ServerContext, id: number): Promise<ScenarioRecord> {
  const s = await ctx.store.scenarios.get(id);
  if (s === undefined) throw notFound('scenario', id);
  return s;
}

/** The economy of a scenario: its model version with its overrides applied. */
export async function scenarioEconomy(ctx: ServerContext, s: ScenarioRecord): Promise<Economy> {
  return applyOverrides(ctx.economies.get(await modelOr404(ctx, s.modelId, s.modelVersion)), s.overrides as Override[]);
}
