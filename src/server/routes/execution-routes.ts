import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { authenticate, requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { validate } from '../validate.js';

/** A 501 for a part of plan execution that is not in this version yet. */
export function notYet(what: string): ApiError {
  return new ApiError(501, 'not-implemented', `${what}: not available in this version of the service yet`);
}

const alertsQuery = z.strictObject({ level: z.enum(['normal', 'warning', 'critical']).optional(), enterprise: z.string().min(1).optional(), period: z.string().min(1).optional() });
const periodQuery = z.strictObject({ period: z.string().min(1).optional() });
const distributionQuery = z.strictObject({ product: z.string().min(1).optional(), period: z.string().min(1).optional() });
const replanBody = z.strictObject({ fromPeriod: z.string().min(1) });

/** Plan execution: alerts, fulfilment, re-planning, distribution. */
export function executionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.get('/api/alerts', async (req) => {
    const who = authenticate(store, req);
    const q = validate(alertsQuery, req.query, 'query');
    if (who.role === 'enterprise' && q.enterprise !== undefined && q.enterprise !== who.enterprise) throw new ApiError(403, 'forbidden', 'an enterprise reads its own alerts only');
    const enterprise = who.role === 'enterprise' ? who.enterprise : q.enterprise;
    return store.alerts.list({ ...(enterprise === undefined ? {} : { enterprise }), ...(q.level === undefined ? {} : { level: q.level }), ...(q.period === undefined ? {} : { period: q.period }) });
  });

  app.get('/api/fulfilment', async (req) => {
    requirePlanner(store, req);
    validate(periodQuery, req.query, 'query');
    throw notYet('fulfilment');
  });

  app.post('/api/replan', async (req) => {
    requirePlanner(store, req);
    validate(replanBody, req.body, 'body');
    throw notYet('re-planning');
  });

  app.get('/api/distribution', async (req) => {
    requirePlanner(store, req);
    validate(distributionQuery, req.query, 'query');
    throw notYet('distribution');
  });
}
