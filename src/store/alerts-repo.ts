import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { AlertLevel, AlertRecord, NewAlert } from './types.js';

interface Row {
  id: number;
  enterprise: string;
  period: string;
  item: string;
  level: AlertLevel;
  planned: number;
  actual: number;
  deviation: number | null;
  message: string;
  report_id: string | null;
  created_at: string;
}

const toRecord = (r: Row): AlertRecord => ({
  id: r.id,
  enterprise: r.enterprise,
  period: r.period,
  item: r.item,
  level: r.level,
  planned: r.planned,
  actual: r.actual,
  deviation: r.deviation,
  message: r.message,
  reportId: r.report_id,
  createdAt: r.created_at,
});

/** Alerts raised when reports stray from the plan. */
export class AlertsRepo {
  private readonly sql: Statements;
  constructor(db: Database) {
    this.sql = statements(db);
  }

  add(a: NewAlert): AlertRecord {
    const createdAt = now();
    const deviation = a.deviation !== null && Number.isFinite(a.deviation) ? a.deviation : null;
    const info = this.sql('INSERT INTO alerts (enterprise, period, item, level, planned, actual, deviation, message, report_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.enterprise, a.period, a.item, a.level, a.planned, a.actual, deviation, a.message, a.reportId, createdAt);
    return { ...a, deviation, id: Number(info.lastInsertRowid), createdAt };
  }

  list(filter: { readonly enterprise?: string; readonly level?: AlertLevel; readonly period?: string } = {}): AlertRecord[] {
    const rows = this.sql('SELECT * FROM alerts WHERE (@enterprise IS NULL OR enterprise = @enterprise) AND (@level IS NULL OR level = @level) AND (@period IS NULL OR period = @period) ORDER BY id')
      .all({ enterprise: filter.enterprise ?? null, level: filter.level ?? null, period: filter.period ?? null }) as Row[];
    return rows.map(toRecord);
  }
}
