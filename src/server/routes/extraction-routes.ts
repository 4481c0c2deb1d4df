import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { extractEconomy } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import { InputError } from '../../model/errors.js';
import { requirePlanner } from '../auth.js';
import { storedModel } from '../../service/stored-model.js';
import type { ServerContext } from '../context.js';
import { extractionBody, extractionRequestOf } from '../extraction-body.js';
import { unprocessable } from '../input-issues.js';
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
    const { model: m, economy } = await storedModel(ctx.store, id, version);
    try {
      const r = extractEconomy(economy, compileEconomy(economy), extractionRequestOf(body));
      return JSON.parse(jsonSafe({ ...r.json, modelId: m.id, version: m.version, failures: r.failures })) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the extraction');
      throw err;
    }
  });
}
