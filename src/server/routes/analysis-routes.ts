import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { analyzeEconomy } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { InputError } from '../../model/errors.js';
import { analysisRequestOf, analyzeBody } from '../analysis-body.js';
import { requirePlanner } from '../auth.js';
import { modelOr404, type ServerContext } from '../context.js';
import { unprocessable } from '../input-issues.js';
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
    const m = await modelOr404(ctx, id, version);
    const economy = ctx.economies.get(m);
    try {
      const c = compileEconomy(economy);
      const { request, notes } = analysisRequestOf(c, body);
      const r = analyzeEconomy(economy, c, request);
      return JSON.parse(jsonSafe({ ...r.json, modelId: m.id, version: m.version, failures: r.failures, notes })) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the analysis');
      throw err;
    }
  });
}
