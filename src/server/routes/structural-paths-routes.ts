import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_DEPTH, MAX_TOP } from '../../analysis/structural-paths-of.js';
import { structuralPathsOfStoredModel } from '../../service/structural-paths-of-stored-model.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

const idParams = z.strictObject({ id: modelId });
const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

export const pathsBody = z.strictObject({
  resource: z.string().min(1).optional().meta({ description: 'the resource whose footprint the paths decompose; absent: gross output' }),
  region: z.string().min(1).optional().meta({ description: 'the final demand of this region' }),
  product: z.string().min(1).optional().meta({ description: 'one unit of final demand for this product (the paths of its multiplier)' }),
  demand: z.record(z.string().min(1), z.number()).optional().meta({ description: 'a final demand per product' }),
  period: z.string().min(1).optional(),
  top: z.number().int().min(1).max(MAX_TOP).optional(),
  depth: z.number().int().min(0).max(MAX_DEPTH).optional(),
  threshold: z.number().min(0).lt(1).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});

/** POST /api/models/:id/paths: structural path analysis of a model version (as `plenty paths --json`). */
export function structuralPathsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/models/:id/paths', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(pathsBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await structuralPathsOfStoredModel(ctx.store, id, version, body))) as unknown;
  });
}
