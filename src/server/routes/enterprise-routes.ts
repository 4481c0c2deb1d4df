import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { newToken } from '../../store/index.js';
import { ApiError, notFound } from '../api-error.js';
import { requirePlanner, requirePlannerOr } from '../auth.js';
import { publishedOr404 } from '../published-plan.js';
import { supplyOf } from '../supply-cache.js';
import type { ServerContext } from '../context.js';
import { enterprisePlan, enterpriseUnits } from '../enterprise-plan.js';
import { idText } from '../id-text.js';
import { enterprisesOfStoredModel, modelEnterprises, notNamedByModels } from '../model-enterprises.js';
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
    if ((await store.enterprises.get(b.id)) !== undefined) throw new ApiError(409, 'exists', `enterprise ${JSON.stringify(b.id)} exists`);
    const known = await modelEnterprises(ctx);
    if (!known.includes(b.id)) throw notNamedByModels(b.id, known);
    const token = newToken('enterprise');
    const e = await store.transaction(async (tx) => {
      // Again inside the transaction: a concurrent registration of the same id may have come first.
      if ((await tx.enterprises.get(b.id)) !== undefined) throw new ApiError(409, 'exists', `enterprise ${JSON.stringify(b.id)} exists`);
      const made = await tx.enterprises.add(b.id, b.name ?? b.id);
      await tx.tokens.add(token, 'enterprise', b.id);
      return made;
    });
    return reply.code(201).send({ ...e, token });
  });

  app.get('/api/enterprises', async (req) => {
    await requirePlanner(store, req);
    return await store.enterprises.list();
  });

  app.get('/api/enterprises/names', async (req) => {
    await requirePlanner(store, req);
    const { model } = validate(namesQuery, req.query, 'query');
    const names = model === undefined ? await modelEnterprises(ctx) : await enterprisesOfStoredModel(ctx, model);
    if (names === undefined) throw notFound('model', model ?? '');
    const registered = new Set((await store.enterprises.list()).map((e) => e.id));
    return { ...(model === undefined ? {} : { model }), names: names.map((id) => ({ id, registered: registered.has(id) })) };
  });

  app.get('/api/enterprises/:id/plan', async (req) => {
    const { id } = validate(idParams, req.params, 'params');
    await requirePlannerOr(store, req, id);
    if ((await store.enterprises.get(id)) === undefined) throw notFound('enterprise', id);
    const pub = await publishedOr404(ctx);
    const plan = pub.plan;
    const techniques = enterprisePlan(pub.compiled, pub.document.activity, id);
    return { enterprise: id, planId: plan.id, modelId: plan.modelId, modelVersion: plan.modelVersion, publishedAt: pub.publishedAt, periods: pub.compiled.periods.ids, techniques, units: enterpriseUnits(pub.compiled, techniques) };
  });

  for (const side of ['suppliers', 'customers'] as const) {
    app.get(`/api/enterprises/:id/${side}`, async (req) => {
      const { id } = validate(idParams, req.params, 'params');
      const { period } = validate(periodQuery, req.query, 'query');
      await requirePlannerOr(store, req, id);
      if ((await store.enterprises.get(id)) === undefined) throw notFound('enterprise', id);
      const pub = await publishedOr404(ctx);
      if (period !== undefined && !pub.compiled.periods.index.has(period)) throw new ApiError(400, 'invalid-request', `no period ${period} in the plan`, [{ path: ['query', 'period'], message: 'unknown period', value: period }]);
      const s = await supplyOf(ctx, pub);
      const mine = s.assignments.filter((a) => (side === 'suppliers' ? a.to === id : a.from === id) && (period === undefined || a.period === period));
      return { enterprise: id, planId: pub.plan.id, status: s.status, ...(s.message === undefined ? {} : { message: s.message }), assignments: mine };
    });
  }
}
