import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { compareStoredPlans } from '../../service/compare-stored-plans.js';
import { publishPlan } from '../../service/publish-plan.js';
import { publishedPlanRecord } from '../../service/published-plan-record.js';
import { storedPlan } from '../../service/stored-plan.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { validate } from '../validate.js';
import { numericId } from './scenario-routes.js';

const idParams = z.strictObject({ id: numericId });
const pairParams = z.strictObject({ a: numericId, b: numericId });
const listQuery = z.strictObject({ scenario: numericId.optional() });

/** /api/plans: computed plans, comparisons, the published plan. */
export function planRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  app.get('/api/plans', async (req) => {
    await requirePlanner(store, req);
    const { scenario } = validate(listQuery, req.query, 'query');
    return await store.plans.list(scenario);
  });

  app.get('/api/plans/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    return await storedPlan(store, id);
  });

  app.get('/api/plans/:a/compare/:b', async (req) => {
    await requirePlanner(store, req);
    const { a, b } = validate(pairParams, req.params, 'params');
    return await compareStoredPlans(store, a, b);
  });

  app.post('/api/plans/:id/publish', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    return await publishPlan(store, id);
  });

  app.get('/api/published', async (req) => {
    await requirePlanner(store, req);
    return await publishedPlanRecord(store);
  });
}
