import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseRegionalData, type RegionalData } from '../../model/parse-regional-data.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import { ApiError } from '../api-error.js';
import { requirePlanner } from '../auth.js';
import { regionaliseStoredModel } from '../../service/regionalise-stored-model.js';
import type { ServerContext } from '../context.js';
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
    const data = (): RegionalData => regionalData(body);
    const request = {
      method: body.method,
      ...(body.delta !== undefined ? { delta: body.delta } : {}),
      ...(body.measure !== undefined ? { measure: body.measure } : {}),
      ...(body.store?.name !== undefined ? { name: body.store.name } : {}),
      tolerance: body.tolerance ?? 1e-12,
      maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      names: { measure: 'measure', delta: 'delta', tolerance: 'tolerance', maxIterations: 'maxIterations' },
    };
    return JSON.parse(jsonSafe(await regionaliseStoredModel(ctx.store, { id, version }, data, request, body.store))) as unknown;
  });
}
