import type { Report } from '../execution/types.js';
import type { PlentyStore, ReportRecord } from '../store/index.js';

/** A stored report as the execution functions take it. */
export function reportOf(r: ReportRecord): Report {
  const b = r.body as Partial<Report>;
  return {
    reportId: r.reportId,
    enterprise: r.enterprise,
    period: r.period,
    outputs: b.outputs ?? {},
    inputs: b.inputs ?? {},
    ...(b.technique === undefined ? {} : { technique: b.technique }),
  };
}

/**
 * The stored reports that can apply to a compiled economy: those of its enterprises and periods
 * (reports made against another model are left out).
 */
export async function reportsFor(store: PlentyStore, enterprises: ReadonlySet<string>, periods: ReadonlyMap<string, number>, filter: { readonly enterprise?: string; readonly period?: string } = {}): Promise<Report[]> {
  return (await store.reports.list(filter))
    .filter((r) => enterprises.has(r.enterprise) && periods.has(r.period))
    .map(reportOf);
}
