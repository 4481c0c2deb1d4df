import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uncertaintyOf } from '../../analysis/uncertainty-of.js';
import { compileEconomy } from '../../compile/index.js';
import { inputError, InputError } from '../../model/errors.js';
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
    const { model: m, economy } = await storedModel(ctx.store, id, version);
    try {
      const c = compileEconomy(economy);
      const draws = body.draws ?? (body.drawsTable !== undefined ? Math.max(...body.drawsTable.map((e) => e.draw)) : 1000);
      const kept = draws * (c.resources.ids.length + 1) * c.items.ids.length;
      if (draws > MAX_HTTP_DRAWS || kept > MAX_HTTP_KEPT) {
        throw inputError('too-large', `${draws} draws of ${c.resources.ids.length + 1} × ${c.items.ids.length} multipliers are more than the service answers in a request (${MAX_HTTP_DRAWS} draws, ${MAX_HTTP_KEPT.toLocaleString('en-GB')} numbers): ask for fewer draws, or run plenty uncertainty`, { path: ['draws'] }, draws);
      }
      const demand = body.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: body.demand }), { file: 'body.demand', format: 'json' });
      const r = uncertaintyOf(economy, c, {
        rsd: body.rsd,
        ...(body.demandRsd !== undefined ? { demandRsd: body.demandRsd } : {}),
        ...(body.extensionRsd !== undefined ? { extensionRsd: body.extensionRsd } : {}),
        ...(body.distribution !== undefined ? { distribution: body.distribution } : {}),
        draws,
        ...(body.seed !== undefined ? { seed: body.seed } : {}),
        ...(body.drawsTable !== undefined ? { drawsTable: body.drawsTable.map((e, k) => ({ ...e, location: { path: ['drawsTable', k] } })) } : {}),
        ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
        ...(body.period !== undefined ? { period: body.period } : {}),
        tolerance: body.tolerance,
        maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
        names: { rsd: 'rsd', demandRsd: 'demandRsd', extensionRsd: 'extensionRsd', distribution: 'distribution', draws: 'draws', seed: 'seed', drawsTable: 'drawsTable', demand: 'demand', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' },
      });
      return JSON.parse(jsonSafe({ ...r.json, modelId: m.id, version: m.version, failures: r.failures })) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the uncertainty analysis');
      throw err;
    }
  });
}
