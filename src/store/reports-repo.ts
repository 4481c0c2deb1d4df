import type { Database } from 'better-sqlite3';
import { canonicalJson } from './canonical-json.js';
import { now } from './now.js';
import type { ReportRecord } from './types.js';

interface Row {
  report_id: string;
  enterprise: string;
  period: string;
  body: string;
  created_at: string;
}

const toRecord = (r: Row): ReportRecord => ({ reportId: r.report_id, enterprise: r.enterprise, period: r.period, body: JSON.parse(r.body) as unknown, createdAt: r.created_at });

/** What happened to a report submitted under a client-chosen id. */
export type ReportOutcome =
  | { readonly kind: 'created'; readonly report: ReportRecord }
  | { readonly kind: 'repeated'; readonly report: ReportRecord }
  | { readonly kind: 'conflict'; readonly report: ReportRecord };

/** Enterprises' reports of actual output and use; idempotent by report id. */
export class ReportsRepo {
  constructor(private readonly db: Database) {}

  /**
   * Stores a report unless one with its id exists: the same body again is a repeat (nothing
   * stored), a different body under the same id a conflict. Bodies compare as canonical JSON.
   * Runs inside the caller's transaction when there is one (`then` sees the stored report).
   */
  submit(reportId: string, enterprise: string, period: string, body: unknown, then?: (report: ReportRecord) => void): ReportOutcome {
    return this.db.transaction((): ReportOutcome => {
      const text = canonicalJson(body);
      const old = this.db.prepare('SELECT * FROM reports WHERE report_id = ?').get(reportId) as Row | undefined;
      if (old !== undefined) return { kind: old.body === text ? 'repeated' : 'conflict', report: toRecord(old) };
      const createdAt = now();
      this.db.prepare('INSERT INTO reports (report_id, enterprise, period, body, created_at) VALUES (?, ?, ?, ?, ?)').run(reportId, enterprise, period, text, createdAt);
      const report: ReportRecord = { reportId, enterprise, period, body: JSON.parse(text) as unknown, createdAt };
      then?.(report);
      return { kind: 'created', report };
    })();
  }

  get(reportId: string): ReportRecord | undefined {
    const r = this.db.prepare('SELECT * FROM reports WHERE report_id = ?').get(reportId) as Row | undefined;
    return r === undefined ? undefined : toRecord(r);
  }

  list(filter: { readonly enterprise?: string; readonly period?: string } = {}): ReportRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM reports WHERE (@enterprise IS NULL OR enterprise = @enterprise) AND (@period IS NULL OR period = @period) ORDER BY created_at, report_id')
      .all({ enterprise: filter.enterprise ?? null, period: filter.period ?? null }) as Row[];
    return rows.map(toRecord);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  }
}
