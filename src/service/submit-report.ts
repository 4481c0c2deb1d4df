import { checkReport, checkReportTotals, reportAlerts } from '../execution/index.js';
import type { Report } from '../execution/types.js';
import type { PlentyStore, ReportRecord } from '../store/index.js';
import { reportEconomy } from './model-enterprises.js';
import { publishedPlan } from './published-plan.js';
import { refusedInput } from './refused-input.js';
import { reportBatchOf } from './report-batch-of.js';
import { serviceContext } from './service-context.js';
import { ServiceError } from './service-error.js';

/** A report as an enterprise sends it: what it actually made and used in a period. */
export interface ReportInput {
  readonly reportId: string;
  readonly enterprise: string;
  readonly period: string;
  readonly technique?: string | undefined;
  readonly outputs: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number>>;
}

/**
 * Stores an enterprise's report, idempotent by its report id (per enterprise): `created` the
 * first time, `repeated` (nothing stored) for the same body again; a different body under a used
 * id is a conflict. The enterprise must be registered and named by the published plan's model
 * (else the newest stored model naming it): the report is checked against that economy (its
 * period, technique and the items its techniques make and use; refused as `the report`, located
 * under `at`, the report's place in the caller's input). Once stored, in the same transaction
 * (written with the reports of the same turn of the event loop: report-batch.ts), the running
 * totals of the items it names are checked (a total beyond the magnitude rule undoes it) and,
 * against the published plan, its alerts are raised, superseding the older alerts of the same items.
 */
export async function submitReport(store: PlentyStore, input: ReportInput, at: readonly (string | number)[] = []): Promise<{ kind: 'created' | 'repeated'; report: ReportRecord }> {
  if ((await store.enterprises.get(input.enterprise)) === undefined) {
    throw new ServiceError('refused', 'unknown-id', `no enterprise ${JSON.stringify(input.enterprise)}: register it first (POST /api/enterprises)`, [{ path: ['enterprise'], message: 'unknown enterprise', value: input.enterprise }]);
  }
  const ctx = serviceContext(store);
  // The publication is read once per report (one indexed row: every node sees a new one at once),
  // so that the report's checks and its alerts go by one plan.
  const pub = await publishedPlan(ctx);
  const c = await reportEconomy(ctx, input.enterprise, pub);
  if (c === undefined) {
    throw new ServiceError('refused', 'unknown-id', `no model names enterprise ${JSON.stringify(input.enterprise)} any more: publish or store a model whose techniques name it`, [{ path: ['enterprise'], message: 'no model names this enterprise', value: input.enterprise }]);
  }
  const report: Report = { reportId: input.reportId, enterprise: input.enterprise, period: input.period, outputs: input.outputs, inputs: input.inputs, ...(input.technique === undefined ? {} : { technique: input.technique }) };
  const outcome = await refusedInput('the report', async () => {
    checkReport(c, report, at);
    return reportBatchOf(store).submit({
      reportId: input.reportId,
      enterprise: input.enterprise,
      period: input.period,
      body: input,
      then: async (_report, tx) => {
        const totals = await tx.reports.totals(input.enterprise, input.period);
        checkReportTotals(c, report, totals, at);
        if (pub === undefined || pub.compiled !== c) return;
        for (const a of reportAlerts(pub.alertBasis, report, totals)) {
          await tx.alerts.add({ enterprise: a.enterprise, period: a.period, item: a.item, kind: a.kind, level: a.level, planned: a.planned, actual: a.actual, deviation: a.deviation, message: a.message, reportId: input.reportId });
        }
      },
    });
  });
  if (outcome.kind === 'conflict') {
    throw new ServiceError('conflict', 'conflict', `report ${JSON.stringify(input.reportId)} of ${JSON.stringify(input.enterprise)} was already submitted with a different body; choose a new report id for a new report`);
  }
  return { kind: outcome.kind, report: outcome.report };
}
