import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { newToken } from '../../store/index.js';
import { ApiError, notFound } from '../api-error.js';
import { requirePlanner, requirePlannerOr } from '../auth.js';
import type { PlanDoc } from '../compare-plans.js';
import { modelOr404, type ServerContext } from '../context.js';
import { enterprisePlan } from '../enterprise-plan.js';
import { validate } from '../validate.js';
import { notYet } from './execution-routes.js';

export const enterpriseId = z.string().min(1).max(200);
const body = z.strictObject({ id: enterpriseId, name: z.string().min(1).max(200).optional() });
const idParams = z.strictObject({ id: enterpriseId });

/** /api/enterprises: registration (with a token shown once) and each enterprise's own view. */
export function enterpriseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post('/api/enterprises', async (req, reply) => {
    requirePlanner(store, req);
    const b = validate(body, req.body, 'body');
    if (store.enterprises.get(b.id) !== undefined) throw new ApiError(409, 'exists', `enterprise ${JSON.stringify(b.id)} exists`);
    const token = newToken('enterprise');
    const e = store.transaction(() => {
      const made = store.enterprises.add(b.id, b.name ?? b.id);
      store.tokens.add(token, 'enterprise', b.id);
      return made;
    });
    return reply.code(201).send({ ...e, token });
  });

  app.get('/api/enterprises', async (req) => {
    requirePlanner(store, req);
    return store.enterprises.list();
  });

  app.get('/api/enterprises/:id/plan', async (req) => {
    const { id } = validate(idParams, req.params, 'params');
    requirePlannerOr(store, req, id);
    if (store.enterprises.get(id) === undefined) throw notFound('enterprise', id);
    const pub = store.plans.published();
    if (pub === undefined) throw new ApiError(404, 'not-published', 'no plan has been published yet');
    const plan = store.plans.get(pub.planId);
    if (plan === undefined) throw notFound('plan', pub.planId);
    const economy = ctx.economies.get(modelOr404(ctx, plan.modelId, plan.modelVersion));
    return { enterprise: id, planId: plan.id, modelId: plan.modelId, modelVersion: plan.modelVersion, publishedAt: pub.publishedAt, techniques: enterprisePlan(economy, (plan.result as PlanDoc).activity, id) };
  });

  for (const side of ['suppliers', 'customers'] as const) {
    app.get(`/api/enterprises/:id/${side}`, async (req) => {
      const { id } = validate(idParams, req.params, 'params');
      requirePlannerOr(store, req, id);
      throw notYet(`supply assignments (${side})`);
    });
  }
}
