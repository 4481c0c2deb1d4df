import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALERT_KINDS, type AlertKind } from '../../execution/index.js';
import { distributionOf } from '../../service/distribution-of.js';
import { fulfilmentOf } from '../../service/fulfilment-of.js';
import { replanBodySchema } from '../../service/replan-body.js';
import { replanPublished } from '../../service/replan-published.js';
import { supplyNetworkOf } from '../../service/supply-network-of.js';
import { ApiError } from '../api-error.js';
import { authenticate, requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';

const alertsQuery = z.strictObject({
  level: z.enum(['normal', 'warning', 'critical']).optional(),
  kind: z.enum(ALERT_KINDS as [AlertKind, ...AlertKind[]]).optional(),
  enterprise: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
  /** false (default): the current alerts; true: the superseded ones; all: both. */
  superseded: z.enum(['false', 'true', 'all']).default('false'),
});
const periodQuery = z.strictObject({ period: z.string().min(1).optional(), enterprise: z.string().min(1).optional() });
const supplyQuery = z.strictObject({ period: z.string().min(1).optional() });
const distributionQuery = z.strictObject({
  product: z.string().min(1),
  period: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  supply: z.coerce.number().finite().nonnegative().optional(),
});

/** Plan execution against the published plan: alerts, fulfilment, re-planning, distribution. */
export function executionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.get('/api/alerts', async (req) => {
    const who = await authenticate(store, req);
    const q = validate(alertsQuery, req.query, 'query');
    if (who.role === 'enterprise' && q.enterprise !== undefined && q.enterprise !== who.enterprise) throw new ApiError(403, 'forbidden', 'an enterprise reads its own alerts only');
    const enterprise = who.role === 'enterprise' ? who.enterprise : q.enterprise;
    return await store.alerts.list({
      ...(enterprise === undefined ? {} : { enterprise }),
      ...(q.level === undefined ? {} : { level: q.level }),
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      ...(q.period === undefined ? {} : { period: q.period }),
      ...(q.superseded === 'all' ? {} : { superseded: q.superseded === 'true' }),
    });
  });

  app.get('/api/fulfilment', async (req) => {
    await requirePlanner(store, req);
    const q = validate(periodQuery, req.query, 'query');
    return JSON.parse(jsonSafe(await fulfilmentOf(store, q))) as unknown;
  });

  app.post('/api/replan', async (req, reply) => {
    await requirePlanner(store, req);
    const body = validate(replanBodySchema, req.body, 'body');
    const { input, task } = await replanPublished(store, body);
    const job = await ctx.jobs.submit({ kind: 'replan', input }, task);
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ jobId: job.id, job });
  });

  app.get('/api/supply', async (req) => {
    await requirePlanner(store, req);
    const q = validate(supplyQuery, req.query, 'query');
    return JSON.parse(jsonSafe(await supplyNetworkOf(store, q.period))) as unknown;
  });

  app.get('/api/distribution', async (req) => {
    await requirePlanner(store, req);
    const q = validate(distributionQuery, req.query, 'query');
    return JSON.parse(jsonSafe(await distributionOf(store, q))) as unknown;
  });
}
