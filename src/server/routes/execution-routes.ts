import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALERT_KINDS, distribute, distributionRegions, enterpriseOfTechniques, fulfilment, supplyNetwork, type AlertKind } from '../../execution/index.js';
import { InputError } from '../../model/errors.js';
import { ApiError } from '../api-error.js';
import { authenticate, requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { unprocessable } from '../input-issues.js';
import { jsonSafe } from '../json-safe.js';
import { publishedOr404 } from '../published-plan.js';
import { replanBodySchema } from '../replan-body.js';
import { replanTask } from '../replan-task.js';
import { reportsFor } from '../reports-of.js';
import { supplyOf } from '../supply-cache.js';
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

/** Runs a library call; its InputError becomes a 422 with located issues. */
function checked<T>(what: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof InputError) throw unprocessable(err, what);
    throw err;
  }
}

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
    const pub = await publishedOr404(ctx);
    const c = pub.compiled;
    if (q.period !== undefined && !c.periods.index.has(q.period)) throw new ApiError(400, 'invalid-request', `no period ${q.period} in the plan`, [{ path: ['query', 'period'], message: `periods: ${c.periods.ids.join(', ')}`, value: q.period }]);
    const reports = await reportsFor(store, new Set(enterpriseOfTechniques(c)), c.periods.index, q.enterprise === undefined ? {} : { enterprise: q.enterprise });
    const f = checked('the reports', () => fulfilment(c, pub.execution, reports, q.period === undefined ? {} : { period: q.period }));
    const enterprises = q.enterprise === undefined ? f.enterprises : f.enterprises.filter((e) => e.enterprise === q.enterprise);
    return JSON.parse(jsonSafe({ planId: pub.plan.id, reports: reports.length, enterprises, items: f.items, targets: f.targets })) as unknown;
  });

  app.post('/api/replan', async (req, reply) => {
    await requirePlanner(store, req);
    const body = validate(replanBodySchema, req.body, 'body');
    const pub = await publishedOr404(ctx);
    const c = pub.compiled;
    if (!c.periods.index.has(body.fromPeriod)) {
      throw new ApiError(422, 'unknown-id', `no period ${body.fromPeriod} in the plan (periods: ${c.periods.ids.join(', ')})`, [{ path: ['body', 'fromPeriod'], message: 'unknown period', value: body.fromPeriod }]);
    }
    const { input, task } = await replanTask(store, pub, body, checked);
    const job = await ctx.jobs.submit({ kind: 'replan', input }, task);
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ jobId: job.id, job });
  });

  app.get('/api/supply', async (req) => {
    await requirePlanner(store, req);
    const q = validate(supplyQuery, req.query, 'query');
    const pub = await publishedOr404(ctx);
    const c = pub.compiled;
    if (q.period !== undefined && !c.periods.index.has(q.period)) throw new ApiError(400, 'invalid-request', `no period ${q.period} in the plan`, [{ path: ['query', 'period'], message: `periods: ${c.periods.ids.join(', ')}`, value: q.period }]);
    const s = await supplyOf(ctx, pub);
    const net = supplyNetwork(c, s);
    const only = <T extends { readonly period: string }>(list: readonly T[]): readonly T[] => (q.period === undefined ? list : list.filter((x) => x.period === q.period));
    return JSON.parse(jsonSafe({ planId: pub.plan.id, ...net, flows: only(net.flows), lines: only(net.lines), unserved: only(net.unserved) })) as unknown;
  });

  app.get('/api/distribution', async (req) => {
    await requirePlanner(store, req);
    const q = validate(distributionQuery, req.query, 'query');
    const pub = await publishedOr404(ctx);
    const c = pub.compiled;
    const period = q.period ?? c.periods.ids[0];
    const category = q.category ?? 'households';
    const regions = checked('the request', () => distributionRegions(c, q.product, period, { category }));
    let supply = q.supply;
    if (supply === undefined) {
      // What the plan delivers to the category's targets of the product, scaled by reported output.
      const reports = await reportsFor(store, new Set(enterpriseOfTechniques(c)), c.periods.index, { period });
      const f = checked('the reports', () => fulfilment(c, pub.execution, reports, { period }));
      supply = 0;
      for (const t of f.targets) {
        const item = c.items.index.get(t.item);
        if (item !== undefined && c.model.products[c.itemProduct[item]].id === q.product && (t.category ?? 'households') === category) supply += t.implied;
      }
    }
    return JSON.parse(jsonSafe({ planId: pub.plan.id, product: q.product, period, category, ...distribute(supply, regions) })) as unknown;
  });
}
