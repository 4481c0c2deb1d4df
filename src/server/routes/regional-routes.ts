import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
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
    return JSON.parse(jsonSafe(await regionaliseStoredModel(ctx.store, id, version, body))) as unknown;
  });
}
