import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_DEPTH, MAX_TOP, structuralPathsOf } from '../../analysis/structural-paths-of.js';
import { compileEconomy } from '../../compile/index.js';
import { InputError } from '../../model/errors.js';
import { parseDemand } from '../../model/parse-demand.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import { requirePlanner } from '../auth.js';
import { storedModel } from '../../service/stored-model.js';
import type { ServerContext } from '../context.js';
import { unprocessable } from '../input-issues.js';
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
    const { model: m, economy } = await storedModel(ctx.store, id, version);
    try {
      const c = compileEconomy(economy);
      const demand = body.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: body.demand }), { file: 'body.demand', format: 'json' });
      const r = structuralPathsOf(economy, c, {
        ...(body.resource !== undefined ? { resource: body.resource } : {}),
        ...(body.region !== undefined ? { region: body.region } : {}),
        ...(body.product !== undefined ? { product: body.product } : {}),
        ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
        ...(body.period !== undefined ? { period: body.period } : {}),
        ...(body.top !== undefined ? { top: body.top } : {}),
        ...(body.depth !== undefined ? { depth: body.depth } : {}),
        ...(body.threshold !== undefined ? { threshold: body.threshold } : {}),
        tolerance: body.tolerance ?? 1e-12,
        maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
        names: { resource: 'resource', region: 'region', product: 'product', demand: 'demand', period: 'period', top: 'top', depth: 'depth', threshold: 'threshold', tolerance: 'tolerance', maxIterations: 'maxIterations' },
      });
      return JSON.parse(jsonSafe({ ...r.json, modelId: m.id, version: m.version, failures: r.failures })) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the structural paths');
      throw err;
    }
  });
}
