import { regionaliseModel, type RegionaliseRequest } from '../analysis/index.js';
import { compileEconomy } from '../compile/index.js';
import { aggregatedModelText } from '../model/index.js';
import { parseRegionalData, type RegionalData } from '../model/parse-regional-data.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import { ServiceError } from './service-error.js';
import { storedModel } from './stored-model.js';

/** The options of a regionalisation, named as in the request (`POST /api/models/:id/regionalise`). */
export interface RegionaliseOptions {
  readonly method: RegionaliseRequest['method'];
  /** The FLQ's δ (FLQ only). */
  readonly delta?: number | undefined;
  /** What the regional values measure where no national values are sent: output (default) or a resource id. */
  readonly measure?: string | undefined;
  /** The regional data file: CSV sector,regional[,national]; or `regional`. */
  readonly csv?: string | undefined;
  /** The region's output or employment by sector; or `csv`. */
  readonly regional?: Readonly<Record<string, number>> | undefined;
  /** With `regional`: the nation's, by sector (else from the model). */
  readonly national?: Readonly<Record<string, number>> | undefined;
  readonly totals?: { readonly regional?: number | undefined; readonly national?: number | undefined } | undefined;
  /** Store the regional model as a new model with this id (and name). */
  readonly store?: { readonly id: string; readonly name?: string | undefined } | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/** An invalid request, its one issue located at `path` of the options. */
const invalid = (message: string, path: readonly (string | number)[], issue: string, value?: unknown): ServiceError =>
  new ServiceError('invalid-request', 'invalid-request', message, [{ path, message: issue, ...(value !== undefined ? { value } : {}) }]);

const taken = (id: string): ServiceError => new ServiceError('conflict', 'exists', `a model with id ${JSON.stringify(id)} exists: choose another id`, [{ path: ['store', 'id'], code: 'exists', message: 'taken', value: id }]);

/** The regional data the options send: their CSV text, or their `regional` (and `national`) records. */
function regionalData(o: RegionaliseOptions): RegionalData {
  if ((o.csv === undefined) === (o.regional === undefined)) throw invalid('send the regional data as `csv` or as `regional`, one of them', ['csv'], 'send csv or regional');
  if (o.csv !== undefined) {
    if (o.national !== undefined) throw invalid('`national` goes with `regional`; in `csv` it is the third column', ['national'], 'with regional only');
    const data = parseRegionalData(o.csv, 'body.csv');
    if (o.totals === undefined) return data;
    const regional = o.totals.regional ?? data.totals?.regional;
    const national = o.totals.national ?? data.totals?.national;
    return { ...data, totals: { ...(regional !== undefined ? { regional } : {}), ...(national !== undefined ? { national } : {}) } };
  }
  const regional = o.regional ?? {};
  const sectors = Object.keys(regional);
  const national = o.national;
  if (national !== undefined) {
    const missing = sectors.find((s) => !(s in national)) ?? Object.keys(national).find((s) => !(s in regional));
    if (missing !== undefined) throw invalid(`"${missing}" is in one of regional and national only`, ['national', missing], 'in one of regional and national only', missing);
  }
  const totals = o.totals;
  return {
    file: 'body.regional',
    sectors,
    rows: sectors.map((_, k) => k + 1),
    regional: sectors.map((s) => regional[s]),
    ...(national !== undefined ? { national: sectors.map((s) => national[s]) } : {}),
    ...(totals !== undefined ? { totals: { ...(totals.regional !== undefined ? { regional: totals.regional } : {}), ...(totals.national !== undefined ? { national: totals.national } : {}) } } : {}),
  };
}

/**
 * The regional table of a stored (national) model version by location quotients (analysis/
 * regionalise-model.ts, as `plenty regionalise --json`) and, with `store`, the regional model
 * stored as a new model (its id must be free: a conflict located at `store.id`, checked before
 * the work and again in the transaction that adds it). `delta` without FLQ, and regional data
 * sent both or neither way, are invalid requests; the regional data is read once the model is
 * found; data or options that do not fit are refused as `the regional table`.
 */
export async function regionaliseStoredModel(store: PlentyStore, id: string, version: number | undefined, o: RegionaliseOptions): Promise<Record<string, unknown>> {
  if (o.delta !== undefined && o.method !== 'flq') throw invalid('`delta` is the FLQ’s: send it with method flq', ['delta'], 'flq only', o.delta);
  const request: RegionaliseRequest = {
    method: o.method,
    ...(o.delta !== undefined ? { delta: o.delta } : {}),
    ...(o.measure !== undefined ? { measure: o.measure } : {}),
    ...(o.store?.name !== undefined ? { name: o.store.name } : {}),
    tolerance: o.tolerance ?? 1e-12,
    maxIterations: o.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    names: { measure: 'measure', delta: 'delta', tolerance: 'tolerance', maxIterations: 'maxIterations' },
  };
  const storeAs = o.store;
  if (storeAs !== undefined && (await store.models.exists(storeAs.id))) throw taken(storeAs.id);
  const { model: m, economy } = await storedModel(store, id, version);
  return refusedInput('the regional table', async () => {
    const r = regionaliseModel(economy, compileEconomy(economy), regionalData(o), request);
    let stored: { id: string; version: number; name: string } | undefined;
    if (storeAs !== undefined && r.economy !== undefined) {
      const text = aggregatedModelText(r.economy, 'yaml', `${storeAs.id}.yaml`);
      const economyName = r.economy.name;
      const s = await store.transaction(async (tx) => {
        if (await tx.models.exists(storeAs.id)) throw taken(storeAs.id);
        return tx.models.add(storeAs.id, economyName, text, 'yaml');
      });
      stored = { id: s.id, version: s.version, name: s.name };
    }
    return { ...(r.json as object), modelId: m.id, version: m.version, stored: stored ?? null, failures: r.failures };
  });
}
