import type { Database, Transaction } from 'better-sqlite3';
import { canonicalJson } from './canonical-json.js';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { ReportOutcome, ReportRecord, ReportTotals } from './types.js';

interface Row {
  report_id: string;
  enterprise: string;
  period: string;
  body: string;
  created_at: string;
}

const toRecord = (r: Row): ReportRecord => ({ reportId: r.report_id, enterprise: r.enterprise, period: r.period, body: JSON.parse(r.body) as unknown, createdAt: r.created_at });

export type { ReportOutcome };

type Submit = (reportId: string, enterprise: string, period: string, body: unknown) => ReportOutcome;

/** The amounts of a report body by item key (`outputs` or `inputs`), numbers only. */
function amounts(body: unknown, field: 'outputs' | 'inputs'): [string, number][] {
  const m = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (m === null || typeof m !== 'object') return [];
  return Object.entries(m as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
}

/**
 * Enterprises' reports of actual output and use; idempotent by report id, which is chosen by the
 * enterprise and unique per enterprise (two enterprises may use the same id). Alongside the reports,
 * running totals per enterprise, period, kind and item key, and the techniques reported on,
 * updated in the report's own transaction (what incremental alerts read).
 */
export class ReportsRepo {
  private readonly sql: Statements;
  private readonly submitting: Transaction<Submit>;
  constructor(db: Database) {
    this.sql = statements(db);
    this.submitting = db.transaction((reportId: string, enterprise: string, period: string, body: unknown): ReportOutcome => {
      const text = canonicalJson(body);
      const old = this.sql('SELECT * FROM reports WHERE enterprise = ? AND report_id = ?').get(enterprise, reportId) as Row | undefined;
      if (old !== undefined) return { kind: old.body === text ? 'repeated' : 'conflict', report: toRecord(old) };
      const createdAt = now();
      this.sql('INSERT INTO reports (enterprise, report_id, period, body, created_at) VALUES (?, ?, ?, ?, ?)').run(enterprise, reportId, period, text, createdAt);
      const add = this.sql('INSERT INTO report_totals (enterprise, period, kind, item, amount) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET amount = amount + excluded.amount');
      for (const kind of ['output', 'input'] as const) for (const [item, v] of amounts(body, `${kind}s`)) add.run(enterprise, period, kind, item, v);
      const technique = body !== null && typeof body === 'object' ? (body as { technique?: unknown }).technique : undefined;
      this.sql('INSERT OR IGNORE INTO report_coverage (enterprise, period, technique) VALUES (?, ?, ?)').run(enterprise, period, typeof technique === 'string' ? technique : '');
      const report: ReportRecord = { reportId, enterprise, period, body: JSON.parse(text) as unknown, createdAt };
      return { kind: 'created', report };
    });
  }

  /**
   * Stores a report unless its enterprise has one with its id: the same body again is a repeat
   * (nothing stored), a different body under the same id a conflict. Bodies compare as canonical JSON.
   * Runs inside the caller's transaction when there is one (as a savepoint: if it throws, only
   * its own writes are undone); what must happen with the report or not at all (its alerts) the
   * caller does in that transaction after a `created`.
   */
  submit(reportId: string, enterprise: string, period: string, body: unknown): ReportOutcome {
    return this.submitting(reportId, enterprise, period, body);
  }

  /** Nothing to take: SQLite runs one transaction at a time. */
  lockEnterprises(_enterprises: readonly string[]): void {
    // One writer at a time already.
  }

  /** The running totals of an enterprise's reports for a period (all kinds and item keys as reported). */
  totals(enterprise: string, period: string): ReportTotals {
    const outputs = new Map<string, number>();
    const inputs = new Map<string, number>();
    for (const r of this.sql('SELECT kind, item, amount FROM report_totals WHERE enterprise = ? AND period = ?').all(enterprise, period) as { kind: string; item: string; amount: number }[]) {
      (r.kind === 'output' ? outputs : inputs).set(r.item, r.amount);
    }
    const techniques = (this.sql('SELECT technique FROM report_coverage WHERE enterprise = ? AND period = ?').all(enterprise, period) as { technique: string }[]).map((r) => (r.technique === '' ? null : r.technique));
    return { techniques, outputs, inputs };
  }

  /** An enterprise's report by its id. */
  get(enterprise: string, reportId: string): ReportRecord | undefined {
    const r = this.sql('SELECT * FROM reports WHERE enterprise = ? AND report_id = ?').get(enterprise, reportId) as Row | undefined;
    return r === undefined ? undefined : toRecord(r);
  }

  list(filter: { readonly enterprise?: string; readonly period?: string } = {}): ReportRecord[] {
    const rows = this.sql('SELECT * FROM reports WHERE (@enterprise IS NULL OR enterprise = @enterprise) AND (@period IS NULL OR period = @period) ORDER BY created_at, enterprise, report_id').all({ enterprise: filter.enterprise ?? null, period: filter.period ?? null }) as Row[];
    return rows.map(toRecord);
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  }
}
