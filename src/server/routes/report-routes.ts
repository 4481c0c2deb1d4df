import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT } from '../../model/magnitude.js';
import { ApiError } from '../api-error.js';
import { reportBatchOf } from '../../service/report-batch-of.js';
import { submitReport } from '../../service/submit-report.js';
import { authenticate } from '../auth.js';
import type { ServerContext } from '../context.js';
import { idText } from '../id-text.js';
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

/**
 * /api/reports: enterprises' reports of what they actually made and used. Idempotent by the
 * report id, which each enterprise chooses for its own reports (two enterprises may use the same
 * id): the first submission is stored (201), the same body again answers the stored report (200)
 * and stores nothing, a different body under an id the enterprise has used is a 409.
 */
export function reportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  // Reports still waiting for their transaction are written before the service stops.
  app.addHook('onClose', async () => reportBatchOf(store).flush());

  app.post('/api/reports', async (req, reply) => {
    const who = await authenticate(store, req);
    const body = validate(reportBody, req.body, 'body');
    if (who.role === 'enterprise' && who.enterprise !== body.enterprise) throw new ApiError(403, 'forbidden', `this token belongs to enterprise ${JSON.stringify(who.enterprise)}: it may report for itself only`);
    const outcome = await submitReport(store, body, ['body']);
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
