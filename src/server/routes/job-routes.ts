import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../api-error.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { validate } from '../validate.js';
import { numericId } from './scenario-routes.js';

const idParams = z.strictObject({ id: numericId });

/** /api/jobs/:id: status and progress of a long computation; DELETE cancels it. */
export function jobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/jobs/:id', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    const job = await ctx.jobs.get(id);
    if (job === undefined) throw notFound('job', id);
    return job;
  });

  app.delete('/api/jobs/:id', async (req) => {
    await requirePlanner(ctx.store, req);
    const { id } = validate(idParams, req.params, 'params');
    if ((await ctx.jobs.get(id)) === undefined) throw notFound('job', id);
    const cancelled = await ctx.jobs.cancel(id);
    return { cancelled, job: await ctx.jobs.get(id) };
  });
}
