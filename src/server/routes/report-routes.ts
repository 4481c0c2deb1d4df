import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { collectReports, reportAlerts } from '../../execution/index.js';
import type { Report } from '../../execution/types.js';
import { InputError } from '../../model/errors.js';
import { ApiError } from '../api-error.js';
import { authenticate } from '../auth.js';
import type { ServerContext } from '../context.js';
import { unprocessable } from '../input-issues.js';
import { publishedPlan } from '../published-plan.js';
import { ReportBatch } from '../report-batch.js';
import { validate } from '../validate.js';
import { enterpriseId } from './enterprise-routes.js';

const quantities = z.record(z.string().min(1), z.number().finite().nonnegative());
export const reportBody = z.strictObject({
  reportId: z.string().min(1).max(200),
  enterprise: enterpriseId,
  period: z.string().min(1).max(100),
  technique: z.string().min(1).optional(),
  outputs: quantities.default({}),
  inputs: quantities.default({}),
});
const listQuery = z.strictObject({ enterprise: enterpriseId.optional(), period: z.string().min(1).optional() });

/**
 * /api/reports: enterprises' reports of what they actually made and used. Idempotent by the
 * client's report id: the first submission is stored (201), the same body again answers the
 * stored report (200) and stores nothing, a different body under the same id is a 409.
 */
export function reportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const batch = new ReportBatch(store);
  app.addHook('onClose', async () => batch.flush());

  app.post('/api/reports', async (req, reply) => {
    const who = authenticate(store, req);
    const body = validate(reportBody, req.body, 'body');
    if (who.role === 'enterprise' && who.enterprise !== body.enterprise) throw new ApiError(403, 'forbidden', `this token belongs to enterprise ${JSON.stringify(who.enterprise)}: it may report for itself only`);
    if (store.enterprises.get(body.enterprise) === undefined) {
      throw new ApiError(422, 'unknown-id', `no enterprise ${JSON.stringify(body.enterprise)}: register it first (POST /api/enterprises)`, [{ path: ['body', 'enterprise'], message: 'unknown enterprise', value: body.enterprise }]);
    }
    // Against the published plan: the report is checked (422 with located issues) and, once
    // stored, the alerts of the items it names are raised in the same transaction, from the
    // running totals of its enterprise and period.
    const pub = publishedPlan(ctx);
    const report: Report = { reportId: body.reportId, enterprise: body.enterprise, period: body.period, outputs: body.outputs, inputs: body.inputs, ...(body.technique === undefined ? {} : { technique: body.technique }) };
    if (pub !== undefined) {
      try {
        collectReports(pub.compiled, [report]);
      } catch (err) {
        if (err instanceof InputError) throw unprocessable(err, 'the report');
        throw err;
      }
    }
    // Written with the other reports of this turn of the event loop in one transaction, answered once it commits.
    const outcome = await batch.submit({
      reportId: body.reportId,
      enterprise: body.enterprise,
      period: body.period,
      body,
      ...(pub === undefined
        ? {}
        : {
            then: () => {
              for (const a of reportAlerts(pub.alertBasis, report, store.reports.totals(body.enterprise, body.period))) {
                store.alerts.add({ enterprise: a.enterprise, period: a.period, item: a.item, kind: a.kind, level: a.level, planned: a.planned, actual: a.actual, deviation: a.deviation, message: a.message, reportId: body.reportId });
              }
            },
          }),
    });
    if (outcome.kind === 'conflict') {
      throw new ApiError(409, 'conflict', `report ${JSON.stringify(body.reportId)} was already submitted with a different body; choose a new report id for a new report`);
    }
    return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.report);
  });

  app.get('/api/reports', async (req) => {
    const who = authenticate(store, req);
    const q = validate(listQuery, req.query, 'query');
    if (who.role === 'enterprise' && q.enterprise !== undefined && q.enterprise !== who.enterprise) throw new ApiError(403, 'forbidden', 'an enterprise reads its own reports only');
    const enterprise = who.role === 'enterprise' ? who.enterprise : q.enterprise;
    return store.reports.list({ ...(enterprise === undefined ? {} : { enterprise }), ...(q.period === undefined ? {} : { period: q.period }) });
  });
}
