import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { regionaliseModel } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { InputError } from '../../model/errors.js';
import { aggregatedModelText } from '../../model/index.js';
import { parseRegionalData, type RegionalData } from '../../model/parse-regional-data.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import { ApiError } from '../api-error.js';
import { requirePlanner } from '../auth.js';
import { storedModel } from '../../service/stored-model.js';
import type { ServerContext } from '../context.js';
import { unprocessable } from '../input-issues.js';
import { jsonSafe } from '../json-safe.js';
import { nameText } from '../name-text.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

const idParams = z.strictObject({ id: modelId });
const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });
const values = z.record(z.string().min(1), z.number().nonnegative());

export const regionaliseBody = z.strictObject({
  method: z.enum(['slq', 'cilq', 'flq']),
  delta: z.number().min(0).lt(1).optional(),
  measure: z.string().min(1).optional().meta({ description: 'what the regional values measure where no national values are sent: output (default) or a resource id' }),
  csv: z.string().min(1).optional().meta({ description: 'the regional data file: CSV sector,regional[,national] (docs/analysis.md); or `regional`' }),
  regional: values.optional().meta({ description: 'the region’s output or employment by sector; or `csv`' }),
  national: values.optional().meta({ description: 'with `regional`: the nation’s, by sector (else from the model)' }),
  totals: z.strictObject({ regional: z.number().nonnegative().optional(), national: z.number().nonnegative().optional() }).optional(),
  store: z.strictObject({ id: modelId, name: nameText(200).optional() }).optional().meta({ description: 'store the regional model as a new model with this id' }),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});
type RegionaliseBody = z.infer<typeof regionaliseBody>;

/** The regional data a body sends: its CSV text, or its `regional` (and `national`) records. */
function regionalData(body: RegionaliseBody): RegionalData {
  if ((body.csv === undefined) === (body.regional === undefined)) {
    throw new ApiError(400, 'invalid-request', 'send the regional data as `csv` or as `regional`, one of them', [{ path: ['body', 'csv'], message: 'send csv or regional' }]);
  }
  if (body.csv !== undefined) {
    if (body.national !== undefined) throw new ApiError(400, 'invalid-request', '`national` goes with `regional`; in `csv` it is the third column', [{ path: ['body', 'national'], message: 'with regional only' }]);
    const data = parseRegionalData(body.csv, 'body.csv');
    if (body.totals === undefined) return data;
    const regional = body.totals.regional ?? data.totals?.regional;
    const national = body.totals.national ?? data.totals?.national;
    return { ...data, totals: { ...(regional !== undefined ? { regional } : {}), ...(national !== undefined ? { national } : {}) } };
  }
  const regional = body.regional ?? {};
  const sectors = Object.keys(regional);
  const national = body.national;
  if (national !== undefined) {
    const missing = sectors.find((s) => !(s in national)) ?? Object.keys(national).find((s) => !(s in regional));
    if (missing !== undefined) throw new ApiError(400, 'invalid-request', `"${missing}" is in one of regional and national only`, [{ path: ['body', 'national', missing], message: 'in one of regional and national only', value: missing }]);
  }
  const totals = body.totals;
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
 * POST /api/models/:id/regionalise: the regional table of a stored (national) model by location
 * quotients (as `plenty regionalise --json`): the per-sector report, and with `store` the regional
 * model stored as a new model (its id and version in `stored`).
 */
export function regionalRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/models/:id/regionalise', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(regionaliseBody, req.body ?? {}, 'body');
    if (body.delta !== undefined && body.method !== 'flq') throw new ApiError(400, 'invalid-request', '`delta` is the FLQ’s: send it with method flq', [{ path: ['body', 'delta'], message: 'flq only', value: body.delta }]);
    if (body.store !== undefined && await ctx.store.models.exists(body.store.id)) throw new ApiError(409, 'exists', `a model with id ${JSON.stringify(body.store.id)} exists: choose another id`, [{ path: ['body', 'store', 'id'], code: 'exists', message: 'taken', value: body.store.id }]);
    const { model: m, economy } = await storedModel(ctx.store, id, version);
    try {
      const data = regionalData(body);
      const r = regionaliseModel(economy, compileEconomy(economy), data, {
        method: body.method,
        ...(body.delta !== undefined ? { delta: body.delta } : {}),
        ...(body.measure !== undefined ? { measure: body.measure } : {}),
        ...(body.store?.name !== undefined ? { name: body.store.name } : {}),
        tolerance: body.tolerance ?? 1e-12,
        maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
        names: { measure: 'measure', delta: 'delta', tolerance: 'tolerance', maxIterations: 'maxIterations' },
      });
      let stored: { id: string; version: number; name: string } | undefined;
      if (body.store !== undefined && r.economy !== undefined) {
        const text = aggregatedModelText(r.economy, 'yaml', `${body.store.id}.yaml`);
        const storeAs = body.store;
        const economyName = r.economy.name;
        // Checked again in the transaction that adds it: a concurrent upload may have taken the id meanwhile.
        const s = await ctx.store.transaction(async (tx) => {
          if (await tx.models.exists(storeAs.id)) throw new ApiError(409, 'exists', `a model with id ${JSON.stringify(storeAs.id)} exists: choose another id`, [{ path: ['body', 'store', 'id'], code: 'exists', message: 'taken', value: storeAs.id }]);
          return tx.models.add(storeAs.id, economyName, text, 'yaml');
        });
        stored = { id: s.id, version: s.version, name: s.name };
      }
      return JSON.parse(jsonSafe({ ...r.json, modelId: m.id, version: m.version, stored: stored ?? null, failures: r.failures })) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the regional table');
      throw err;
    }
  });
}
