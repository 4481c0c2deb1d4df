import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { analyzeBody } from '../../service/analysis-body.js';
import { analyseModel } from '../../service/analyse-model.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

const idParams = z.strictObject({ id: modelId });
const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/**
 * POST /api/models/:id/analyze: the input–output analysis of a model version (as `plenty analyze
 * --json`), with `failures` (the sentence of each solve that did not succeed; then no numbers of
 * it) and `notes` (analyses left out).
 */
export function analysisRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/models/:id/analyze', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(analyzeBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await analyseModel(ctx.store, id, version, body))) as unknown;
  });
}
