import { uncertaintyOf } from '../analysis/uncertainty-of.js';
import { compileEconomy } from '../compile/index.js';
import { inputError } from '../model/errors.js';
import { parseDemand } from '../model/parse-demand.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';

/** One drawn coefficient replacing the random one in its draw. */
export interface DrawnCoefficient {
  readonly draw: number;
  readonly row: string;
  readonly column: string;
  readonly value: number;
}

/** The options of a Monte Carlo run, named as in the request (`POST /api/models/:id/uncertainty`). */
export interface UncertaintyOptions {
  /** Relative standard deviation of every coefficient of A. */
  readonly rsd: number;
  readonly demandRsd?: number | undefined;
  readonly extensionRsd?: number | undefined;
  readonly distribution?: 'lognormal' | 'normal' | undefined;
  /** Default 1000, or the last draw of `drawsTable`. */
  readonly draws?: number | undefined;
  readonly seed?: number | undefined;
  readonly drawsTable?: readonly DrawnCoefficient[] | undefined;
  /** A final demand per product. */
  readonly demand?: Readonly<Record<string, number>> | undefined;
  readonly period?: string | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/** The bounds of a run answered in one request: most draws, and most numbers (draws × rows × products) kept. */
export interface UncertaintyBounds {
  readonly draws: number;
  readonly kept: number;
}

/**
 * Monte Carlo over the coefficients of a stored model version (analysis/uncertainty-of.ts, as
 * `plenty uncertainty --json`), with the model id, version and `failures`. A run beyond `bounds`
 * is refused (`too-large`, located at `draws`), as are options that do not fit the model, both as
 * `the uncertainty analysis`.
 */
export async function uncertaintyOfStoredModel(store: PlentyStore, id: string, version: number | undefined, o: UncertaintyOptions, bounds: UncertaintyBounds): Promise<Record<string, unknown>> {
  const { model: m, economy } = await storedModel(store, id, version);
  return refusedInput('the uncertainty analysis', () => {
    const c = compileEconomy(economy);
    const draws = o.draws ?? (o.drawsTable !== undefined ? Math.max(...o.drawsTable.map((e) => e.draw)) : 1000);
    const kept = draws * (c.resources.ids.length + 1) * c.items.ids.length;
    if (draws > bounds.draws || kept > bounds.kept) {
      throw inputError('too-large', `${draws} draws of ${c.resources.ids.length + 1} × ${c.items.ids.length} multipliers are more than the service answers in a request (${bounds.draws} draws, ${bounds.kept.toLocaleString('en-GB')} numbers): ask for fewer draws, or run plenty uncertainty`, { path: ['draws'] }, draws);
    }
    const demand = o.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: o.demand }), { file: 'body.demand', format: 'json' });
    const r = uncertaintyOf(economy, c, {
      rsd: o.rsd,
      ...(o.demandRsd !== undefined ? { demandRsd: o.demandRsd } : {}),
      ...(o.extensionRsd !== undefined ? { extensionRsd: o.extensionRsd } : {}),
      ...(o.distribution !== undefined ? { distribution: o.distribution } : {}),
      draws,
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(o.drawsTable !== undefined ? { drawsTable: o.drawsTable.map((e, k) => ({ ...e, location: { path: ['drawsTable', k] } })) } : {}),
      ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
      ...(o.period !== undefined ? { period: o.period } : {}),
      tolerance: o.tolerance,
      maxIterations: o.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      names: { rsd: 'rsd', demandRsd: 'demandRsd', extensionRsd: 'extensionRsd', distribution: 'distribution', draws: 'draws', seed: 'seed', drawsTable: 'drawsTable', demand: 'demand', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' },
    });
    return { ...(r.json as object), modelId: m.id, version: m.version, failures: r.failures };
  });
}
