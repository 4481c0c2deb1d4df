import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uncertaintyOfStoredModel } from '../../service/uncertainty-of-stored-model.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

const idParams = z.strictObject({ id: modelId });
const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/** Most draws one request may ask for: the run is answered in the request, so it is kept short. */
export const MAX_HTTP_DRAWS = 2000;
/** Most numbers (draws × rows × products) one request may keep: about 3 s on the service’s thread for the 1930 example (1,500 draws) on a loaded 2-core machine. */
export const MAX_HTTP_KEPT = 2_000_000;

const drawEntry = z.strictObject({ draw: z.number().int().min(1), row: z.string().min(1), column: z.string().min(1), value: z.number().min(0).max(1e30) });

export const uncertaintyBody = z.strictObject({
  rsd: z.number().min(0).max(10).meta({ description: 'relative standard deviation of every coefficient of A' }),
  demandRsd: z.number().min(0).max(10).optional(),
  extensionRsd: z.number().min(0).max(10).optional(),
  distribution: z.enum(['lognormal', 'normal']).optional(),
  draws: z.number().int().min(1).max(MAX_HTTP_DRAWS).optional().meta({ description: `number of draws (default 1000; at most ${MAX_HTTP_DRAWS} here, and draws × rows × products at most ${MAX_HTTP_KEPT.toLocaleString('en-GB')}: more with plenty uncertainty)` }),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  drawsTable: z.array(drawEntry).max(100_000).optional().meta({ description: 'drawn coefficients replacing the random ones in their draw (the CSV table of draws as rows)' }),
  demand: z.record(z.string().min(1), z.number()).optional(),
  period: z.string().min(1).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});

/**
 * POST /api/models/:id/uncertainty: Monte Carlo over the coefficients of a model version (as
 * `plenty uncertainty --json`). Answered in the request, so bounded: at most MAX_HTTP_DRAWS draws
 * and MAX_HTTP_KEPT numbers kept (a 422 naming `draws` beyond); larger runs are for the CLI.
 */
export function uncertaintyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/models/:id/uncertainty', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(uncertaintyBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await uncertaintyOfStoredModel(ctx.store, id, version, body, { draws: MAX_HTTP_DRAWS, kept: MAX_HTTP_KEPT }))) as unknown;
  });
}
