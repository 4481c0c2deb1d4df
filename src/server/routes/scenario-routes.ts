import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createScenario } from '../../service/create-scenario.js';
import { overrideSchema } from '../../service/overrides.js';
import { scenarioWithPlans } from '../../service/scenario-with-plans.js';
import { solveOptionsSchema } from '../../service/solve-options.js';
import { solveScenario } from '../../service/solve-scenario.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { nameText } from '../name-text.js';
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
    const s = await createScenario(store, body);
    return reply.code(201).send(s);
  });

  app.get('/api/scenarios', async (req) => {
    await requirePlanner(store, req);
    return await store.scenarios.list();
  });

  app.get('/api/scenarios/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    return await scenarioWithPlans(store, id);
  });

  app.post('/api/scenarios/:id/solve', async (req, reply) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const options = validate(solveOptionsSchema, req.body ?? {}, 'body');
    const task = await solveScenario(store, id, options);
    const job = await ctx.jobs.submit({ kind: 'solve', input: { scenarioId: id, options } }, task);
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ jobId: job.id, job });
  });
}
