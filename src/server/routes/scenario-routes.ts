import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InputError } from '../../model/errors.js';
import { requirePlanner } from '../auth.js';
import { modelOr404, scenarioOr404, type ServerContext } from '../context.js';
import { nameText } from '../name-text.js';
import { unprocessable } from '../input-issues.js';
import { applyOverrides, overrideSchema } from '../overrides.js';
import { solveOptionsSchema } from '../solve-options.js';
import { solveTask } from '../solve-task.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

export const numericId = z.coerce.number().int().positive();
export const scenarioBody = z.strictObject({
  modelId,
  modelVersion: z.number().int().positive().optional(),
  name: nameText(),
  overrides: z.array(overrideSchema).max(10_000).default([]),
});
const idParams = z.strictObject({ id: numericId });

/** /api/scenarios: a model version with overrides; solving one starts a job. */
export function scenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post('/api/scenarios', async (req, reply) => {
    await requirePlanner(store, req);
    const body = validate(scenarioBody, req.body, 'body');
    const m = await modelOr404(ctx, body.modelId, body.modelVersion);
    try {
      applyOverrides(ctx.economies.get(m), body.overrides);
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the scenario');
      throw err;
    }
    const s = await store.scenarios.add(m.id, m.version, body.name, body.overrides);
    return reply.code(201).send(s);
  });

  app.get('/api/scenarios', async (req) => {
    await requirePlanner(store, req);
    return await store.scenarios.list();
  });

  app.get('/api/scenarios/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const s = await scenarioOr404(ctx, id);
    return { ...s, plans: await store.plans.list(id) };
  });

  app.post('/api/scenarios/:id/solve', async (req, reply) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const options = validate(solveOptionsSchema, req.body ?? {}, 'body');
    const s = await scenarioOr404(ctx, id);
    let task;
    try {
      task = await solveTask(ctx, s, options);
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the solve request');
      throw err;
    }
    const job = await ctx.jobs.submit({ kind: 'solve', input: { scenarioId: id, options } }, task);
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ jobId: job.id, job });
  });
}
