import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, notFound } from '../api-error.js';
import { requirePlanner } from '../auth.js';
import { decodeOptimalPlan } from '../../report/decode-plan.js';
import { comparePlans } from '../compare-plans.js';
import type { ServerContext } from '../context.js';
import { validate } from '../validate.js';
import { numericId } from './scenario-routes.js';

const idParams = z.strictObject({ id: numericId });
const pairParams = z.strictObject({ a: numericId, b: numericId });
const listQuery = z.strictObject({ scenario: numericId.optional() });

/** /api/plans: computed plans, comparisons, the published plan. */
export function planRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const planOr404 = async (id: number) => {
    const p = await store.plans.get(id);
    if (p === undefined) throw notFound('plan', id);
    return p;
  };

  app.get('/api/plans', async (req) => {
    await requirePlanner(store, req);
    const { scenario } = validate(listQuery, req.query, 'query');
    return await store.plans.list(scenario);
  });

  app.get('/api/plans/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    return await planOr404(id);
  });

  app.get('/api/plans/:a/compare/:b', async (req) => {
    await requirePlanner(store, req);
    const { a, b } = validate(pairParams, req.params, 'params');
    const pa = await planOr404(a);
    const pb = await planOr404(b);
    for (const [id, p] of [[a, pa], [b, pb]] as const) {
      if (p.status !== 'optimal') throw new ApiError(409, 'not-optimal', `plan ${id} has status ${p.status}: only optimal plans can be compared (a plan that did not solve has no numbers)`);
    }
    return { a: a, b: b, ...comparePlans(decodeOptimalPlan(pa.result, `plan ${a}`), decodeOptimalPlan(pb.result, `plan ${b}`)) };
  });

  app.post('/api/plans/:id/publish', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const p = await planOr404(id);
    if (p.status !== 'optimal') throw new ApiError(409, 'not-optimal', `plan ${id} has status ${p.status}: only an optimal plan can be published`);
    return await store.plans.publish(id);
  });

  app.get('/api/published', async (req) => {
    await requirePlanner(store, req);
    const pub = await store.plans.published();
    if (pub === undefined) throw new ApiError(404, 'not-published', 'no plan has been published yet: POST /api/plans/:id/publish');
    return { ...pub, plan: await planOr404(pub.planId) };
  });
}
