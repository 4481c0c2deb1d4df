import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decomposeStoredModels } from '../../service/decompose-stored-models.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

/** A stored model version, or a scenario (its model version with its overrides), and the period whose targets count. */
export const modelRef = z.union([
  z.strictObject({ id: modelId, version: z.number().int().positive().optional(), period: z.string().min(1).optional() }),
  z.strictObject({ scenario: z.number().int().positive(), period: z.string().min(1).optional() }),
]);

export const decompositionBody = z.strictObject({
  first: modelRef,
  second: modelRef,
  resources: z.array(z.string().min(1)).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});

/**
 * POST /api/decomposition: the structural decomposition of the change from one stored model (or
 * scenario) to another of the same classification (as `plenty decompose --json`), with `failures`.
 */
export function decompositionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/decomposition', async (req) => {
    await requirePlanner(ctx.store, req);
    const body = validate(decompositionBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await decomposeStoredModels(ctx.store, body))) as unknown;
  });
}
