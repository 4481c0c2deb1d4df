import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkReport, checkReportTotals, reportAlerts } from '../../execution/index.js';
import type { Report } from '../../execution/types.js';
import { InputError } from '../../model/errors.js';
import { MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT } from '../../model/magnitude.js';
import { ApiError } from '../api-error.js';
import { authenticate } from '../auth.js';
import type { ServerContext } from '../context.js';
import { idText } from '../id-text.js';
import { unprocessable } from '../input-issues.js';
import { reportEconomy } from '../model-enterprises.js';
import { publishedPlan } from '../published-plan.js';
import { ReportBatch } from '../report-batch.js';
import { validate } from '../validate.js';
import { enterpriseId } from './enterprise-routes.js';

const amount = z.number().finite().nonnegative().max(MAX_MAGNITUDE, { error: `an amount must be at most ${MAX_MAGNITUDE_TEXT}` });
const quantities = z.record(idText(200), amount);
export const reportBody = z.strictObject({
  reportId: idText(200),
  enterprise: enterpriseId,
  period: idText(100),
  technique: idText(200).optional(),
  outputs: quantities.default({}),
  inputs: quantities.default({}),
});
const listQuery = z.strictObject({ enterprise: enterpriseId.optional(), period: z.string().min(1).optional() });

/** Runs `body`; an InputError it throws (a refused report) becomes a 422 with located issues. */
async function asReport<T>(body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof InputError) throw unprocessable(err, 'the report');
    throw err;
  }
}

/**
 * /api/reports: enterprises' reports of what they actually made and used. Idempotent by the
 * report id, which each enterprise chooses for its own reports (two enterprises may use the same
 * id): the first submission is stored (201), the same body again answers the stored report (200)
 * and stores nothing, a different body under an id the enterprise has used is a 409.
 */
export function reportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const batch = new ReportBatch(store);
  app.addHook('onClose', async () => batch.flush());

  app.post('/api/reports', async (req, reply) => {
    const who = await authenticate(store, req);
    const body = validate(reportBody, req.body, 'body');
    if (who.role === 'enterprise' && who.enterprise !== body.enterprise) throw new ApiError(403, 'forbidden', `this token belongs to enterprise ${JSON.stringify(who.enterprise)}: it may report for itself only`);
    if ((await store.enterprises.get(body.enterprise)) === undefined) {
      throw new ApiError(422, 'unknown-id', `no enterprise ${JSON.stringify(body.enterprise)}: register it first (POST /api/enterprises)`, [{ path: ['body', 'enterprise'], message: 'unknown enterprise', value: body.enterprise }]);
    }
    // Checked against the published plan's economy (else the newest stored model naming the
    // enterprise): its period, technique and items (only what its techniques make and use). Once
    // stored, in the same transaction, the running totals of the items it names are checked (a
    // total beyond the magnitude rule undoes it: 422) and, against the published plan, their
    // alerts are raised, superseding the older alerts of the same items.
    // The publication is read once per report (one indexed row: every node sees a new one at once).
    const pub = await publishedPlan(ctx);
    const c = await reportEconomy(ctx, body.enterprise, pub);
    if (c === undefined) {
      throw new ApiError(422, 'unknown-id', `no model names enterprise ${JSON.stringify(body.enterprise)} any more: publish or store a model whose techniques name it`, [{ path: ['body', 'enterprise'], message: 'no model names this enterprise', value: body.enterprise }]);
    }
    const report: Report = { reportId: body.reportId, enterprise: body.enterprise, period: body.period, outputs: body.outputs, inputs: body.inputs, ...(body.technique === undefined ? {} : { technique: body.technique }) };
    const outcome = await asReport(async () => {
      checkReport(c, report, ['body']);
      // Written with the other reports of this turn of the event loop in one transaction, answered once it commits.
      return batch.submit({
        reportId: body.reportId,
        enterprise: body.enterprise,
        period: body.period,
        body,
        then: async (_report, tx) => {
          const totals = await tx.reports.totals(body.enterprise, body.period);
          checkReportTotals(c, report, totals, ['body']);
          if (pub === undefined || pub.compiled !== c) return;
          for (const a of reportAlerts(pub.alertBasis, report, totals)) {
            await tx.alerts.add({ enterprise: a.enterprise, period: a.period, item: a.item, kind: a.kind, level: a.level, planned: a.planned, actual: a.actual, deviation: a.deviation, message: a.message, reportId: body.reportId });
          }
        },
      });
    });
    if (outcome.kind === 'conflict') {
      throw new ApiError(409, 'conflict', `report ${JSON.stringify(body.reportId)} of ${JSON.stringify(body.enterprise)} was already submitted with a different body; choose a new report id for a new report`);
    }
    return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.report);
  });

  app.get('/api/reports', async (req) => {
    const who = await authenticate(store, req);
    const q = validate(listQuery, req.query, 'query');
    if (who.role === 'enterprise' && q.enterprise !== undefined && q.enterprise !== who.enterprise) throw new ApiError(403, 'forbidden', 'an enterprise reads its own reports only');
    const enterprise = who.role === 'enterprise' ? who.enterprise : q.enterprise;
    return await store.reports.list({ ...(enterprise === undefined ? {} : { enterprise }), ...(q.period === undefined ? {} : { period: q.period }) });
  });
}
