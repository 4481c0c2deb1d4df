import { leontiefSystem, planActivities } from '../compile/index.js';
import type { CompiledEconomy } from '../compile/index.js';
import { nonProductiveLoops, structuralPaths } from '../leontief/index.js';
import type { LeontiefOptions, StructuralPathsResult } from '../leontief/index.js';
import { inputError } from '../model/errors.js';
import type { Demand } from '../model/parse-demand.js';
import type { AnyEconomy } from '../model/types.js';
import { failureJson, failureSentence, structuralPathsPart, type Table } from '../report/index.js';
import { finalDemandOf } from './final-demand-of.js';

/** How the caller names its options, for errors and advice. */
export interface StructuralPathsNames {
  readonly resource: string;
  readonly region: string;
  readonly product: string;
  readonly demand: string;
  readonly period: string;
  readonly top: string;
  readonly depth: string;
  readonly threshold: string;
  readonly tolerance: string;
  readonly maxIterations: string;
}

/** What to decompose: a resource's footprint (or gross output) behind a final demand. */
export interface StructuralPathsRequest {
  /** The resource (stressor) whose footprint the paths decompose; absent: gross output (each product's output counted). */
  readonly resource?: string;
  readonly region?: string;
  readonly product?: string;
  readonly demand?: Demand;
  readonly demandLabel?: string;
  readonly period?: string;
  /** How many paths to list (default 100). */
  readonly top?: number;
  /** Most steps up the supply chain (default 6). */
  readonly depth?: number;
  /** Paths below this share of the total are not listed (default 0). */
  readonly threshold?: number;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
  readonly names: StructuralPathsNames;
}

/** The paths (a table and JSON), or the sentence saying why there are none. */
export interface StructuralPathsOutcome {
  readonly tables: readonly Table[];
  readonly json: Record<string, unknown>;
  readonly header: readonly string[];
  readonly failures: readonly string[];
  /** The library's result (for callers that check its numbers). */
  readonly result: StructuralPathsResult;
}

const DEFAULT_TOP = 100;
const DEFAULT_DEPTH = 6;
/** Most paths a request may list. */
export const MAX_TOP = 10_000;
/** Most steps a request may go up the chain. */
export const MAX_DEPTH = 20;

/**
 * Structural path analysis of an economy (`plenty paths` and `POST /api/models/:id/paths`): the
 * largest supply chains behind a resource's footprint (or gross output) for one region's final
 * demand, one unit of a product's (its multiplier), a demand file's or the model's final use,
 * ranked, with the share of the total each covers and the cumulative share of the listed ones.
 * Where several techniques make an item, the model's own plan says which one runs. Final demand's
 * direct use of the resource (households' own emissions) is no supply chain and is not in the
 * total. A solve that does not succeed gives no paths: its status and sentence.
 */
export function structuralPathsOf(economy: AnyEconomy, c: CompiledEconomy, req: StructuralPathsRequest): StructuralPathsOutcome {
  const { names } = req;
  let period = 0;
  if (req.period !== undefined) {
    const p = c.periods.index.get(req.period);
    if (p === undefined) throw inputError('unknown-id', `${names.period} names no period (periods: ${c.periods.ids.join(', ')})`, { path: [names.period] }, req.period);
    period = p;
  }
  if (req.resource !== undefined && !c.resources.index.has(req.resource)) {
    throw inputError('unknown-id', `${names.resource} names no resource (resources: ${c.resources.ids.join(', ') || 'none'})`, { path: [names.resource] }, req.resource);
  }
  const top = req.top ?? DEFAULT_TOP;
  const depth = req.depth ?? DEFAULT_DEPTH;
  const threshold = req.threshold ?? 0;
  if (!(Number.isSafeInteger(top) && top >= 1 && top <= MAX_TOP)) throw inputError('invalid-option', `${names.top} must be a whole number from 1 to ${MAX_TOP}`, { path: [names.top] }, top);
  if (!(Number.isSafeInteger(depth) && depth >= 0 && depth <= MAX_DEPTH)) throw inputError('invalid-option', `${names.depth} must be a whole number from 0 to ${MAX_DEPTH}`, { path: [names.depth] }, depth);
  if (!(threshold >= 0 && threshold < 1)) throw inputError('invalid-option', `${names.threshold} must be a share at least 0 and below 1`, { path: [names.threshold] }, threshold);
  const { y, label } = finalDemandOf(
    c,
    { period, ...(req.region !== undefined ? { region: req.region } : {}), ...(req.product !== undefined ? { product: req.product } : {}), ...(req.demand !== undefined ? { demand: req.demand, demandLabel: req.demandLabel ?? 'the demand given' } : {}) },
    names,
  );
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) throw inputError('negative', `structural paths need a non-negative final demand; ${c.items.ids[i]} has ${y[i]}`, { path: [req.demand !== undefined ? names.demand : names.period, c.items.ids[i]] }, y[i]);
  }
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const n = c.items.ids.length;
  const intensity = req.resource ?? new Float64Array(n).fill(1);
  const opts: LeontiefOptions = { tolerance: req.tolerance, maxIterations: req.maxIterations, ...(req.onProgress !== undefined ? { onProgress: req.onProgress } : {}) };
  const result = structuralPaths(sys, intensity, y, { maxPaths: top, maxDepth: depth, threshold }, opts);
  const unit = req.resource === undefined ? '' : (economy.resources[c.resources.index.get(req.resource) ?? 0]?.unit ?? '');
  const what = req.resource ?? 'gross output';
  const head = { model: economy.name, resource: req.resource ?? null, unit, demand: label, top, depth, threshold };
  if (result.status !== 'converged') {
    const loops = result.status === 'not-productive' ? nonProductiveLoops(sys).map((loop) => loop.map((i) => c.items.ids[i])) : undefined;
    const sentence = failureSentence(result, {
      what: 'the multipliers M (I − A) = s',
      ...(loops !== undefined ? { loops } : {}),
      maxIterations: { value: req.maxIterations, option: names.maxIterations },
      tolerance: { value: req.tolerance, option: names.tolerance },
    });
    return { tables: [], json: { ...head, ...failureJson(result, sentence) }, header: [`Structural paths: ${result.status}. No results.`], failures: [sentence], result };
  }
  const part = structuralPathsPart(c.items.ids, result, { what, unit, demand: label, depth });
  return { tables: [part.table], json: { ...head, ...(part.json as Record<string, unknown>) }, header: [], failures: [], result };
}
