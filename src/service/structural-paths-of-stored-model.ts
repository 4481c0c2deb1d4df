import { structuralPathsOf } from '../analysis/structural-paths-of.js';
import { compileEconomy } from '../compile/index.js';
import { parseDemand } from '../model/parse-demand.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';

/** The options of a structural path analysis, named as in the request (`POST /api/models/:id/paths`). */
export interface StructuralPathsOptions {
  /** The resource whose footprint the paths decompose; absent: gross output. */
  readonly resource?: string | undefined;
  readonly region?: string | undefined;
  readonly product?: string | undefined;
  /** A final demand per product. */
  readonly demand?: Readonly<Record<string, number>> | undefined;
  readonly period?: string | undefined;
  readonly top?: number | undefined;
  readonly depth?: number | undefined;
  readonly threshold?: number | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/**
 * Structural path analysis of a stored model version (analysis/structural-paths-of.ts, as `plenty
 * paths --json`), with the model id, version and `failures`; options that do not fit the model
 * are refused as `the structural paths`.
 */
export async function structuralPathsOfStoredModel(store: PlentyStore, id: string, version: number | undefined, o: StructuralPathsOptions): Promise<Record<string, unknown>> {
  const { model: m, economy } = await storedModel(store, id, version);
  return refusedInput('the structural paths', () => {
    const c = compileEconomy(economy);
    const demand = o.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: o.demand }), { file: 'body.demand', format: 'json' });
    const r = structuralPathsOf(economy, c, {
      ...(o.resource !== undefined ? { resource: o.resource } : {}),
      ...(o.region !== undefined ? { region: o.region } : {}),
      ...(o.product !== undefined ? { product: o.product } : {}),
      ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
      ...(o.period !== undefined ? { period: o.period } : {}),
      ...(o.top !== undefined ? { top: o.top } : {}),
      ...(o.depth !== undefined ? { depth: o.depth } : {}),
      ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
      tolerance: o.tolerance ?? 1e-12,
      maxIterations: o.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      names: { resource: 'resource', region: 'region', product: 'product', demand: 'demand', period: 'period', top: 'top', depth: 'depth', threshold: 'threshold', tolerance: 'tolerance', maxIterations: 'maxIterations' },
    });
    return { ...(r.json as object), modelId: m.id, version: m.version, failures: r.failures };
  });
}
