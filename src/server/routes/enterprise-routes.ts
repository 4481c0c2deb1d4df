import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { enterpriseNames } from '../../service/enterprise-names.js';
import { enterprisePlanOf } from '../../service/enterprise-plan-of.js';
import { enterpriseSupply } from '../../service/enterprise-supply.js';
import { registerEnterprise } from '../../service/register-enterprise.js';
import { requirePlanner, requirePlannerOr } from '../auth.js';
import type { ServerContext } from '../context.js';
import { idText } from '../id-text.js';
import { validate } from '../validate.js';

/** An enterprise id: well-formed, trimmed, non-empty (id-text.ts). */
export const enterpriseId = idText(200);
export const enterpriseBody = z.strictObject({ id: enterpriseId, name: idText(200).optional() });
const idParams = z.strictObject({ id: enterpriseId });
const periodQuery = z.strictObject({ period: z.string().min(1).optional() });
const namesQuery = z.strictObject({ model: z.string().min(1).optional() });

/**
 * /api/enterprises: registration (with a token shown once) of an enterprise that the published
 * plan's model or a stored model names, and each enterprise's own view.
 */
export function enterpriseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post('/api/enterprises', async (req, reply) => {
    await requirePlanner(store, req);
    const b = validate(enterpriseBody, req.body, 'body');
    return reply.code(201).send(await registerEnterprise(store, b));
  });

  app.get('/api/enterprises', async (req) => {
    await requirePlanner(store, req);
    return await store.enterprises.list();
  });

  app.get('/api/enterprises/names', async (req) => {
    await requirePlanner(store, req);
    const { model } = validate(namesQuery, req.query, 'query');
    return await enterpriseNames(store, model);
  });

  app.get('/api/enterprises/:id/plan', async (req) => {
    const { id } = validate(idParams, req.params, 'params');
    await requirePlannerOr(store, req, id);
    return await enterprisePlanOf(store, id);
  });

  for (const side of ['suppliers', 'customers'] as const) {
    app.get(`/api/enterprises/:id/${side}`, async (req) => {
      const { id } = validate(idParams, req.params, 'params');
      const { period } = validate(periodQuery, req.query, 'query');
      await requirePlannerOr(store, req, id);
      return await enterpriseSupply(store, id, side, period);
    });
  }
}
