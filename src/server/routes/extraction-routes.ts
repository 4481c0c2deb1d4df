import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { extractStoredModel } from '../../service/extract-stored-model.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { extractionBody } from '../extraction-body.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

const idParams = z.strictObject({ id: modelId });
const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/**
 * POST /api/models/:id/extraction: hypothetical extraction of sectors or regions of a model
 * version, and the key-sector ranking (as `plenty extract --json`), with `failures`.
 */
export function extractionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/models/:id/extraction', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(extractionBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await extractStoredModel(ctx.store, id, version, body))) as unknown;
  });
}
