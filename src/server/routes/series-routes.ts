import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { storedModelSeries } from '../../service/stored-model-series.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

/** The analyses a series can run per year beyond gross output. */
export const SERIES_ANALYSES = ['multipliers', 'footprints', 'linkages', 'labourValues'] as const;

export const seriesBody = z.strictObject({
  models: z
    .array(z.strictObject({ id: modelId, version: z.number().int().positive().optional(), year: z.string().regex(/^\d{4}$/).optional() }))
    .min(1)
    .max(100)
    .meta({ description: 'the stored models of the series; a model with several periods is one year per period; a year from the body, else the model’s period, else its id (e.g. germany-1995)' }),
  analyses: z.array(z.enum(SERIES_ANALYSES)).optional(),
  labour: z.string().min(1).optional(),
  decompose: z.boolean().optional(),
  resources: z.array(z.string().min(1)).optional().meta({ description: 'with decompose: the resources to decompose besides gross output (default every resource)' }),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});

/**
 * POST /api/series: several stored models of one classification as years (as `plenty series
 * --json`): the measures over the years, each year's analysis and, with `decompose`, the
 * decomposition between consecutive years.
 */
export function seriesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/series', async (req) => {
    await requirePlanner(ctx.store, req);
    const body = validate(seriesBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await storedModelSeries(ctx.store, body))) as unknown;
  });
}
