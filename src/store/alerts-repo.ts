import type { Database } from 'better-sqlite3';
import { ALERT_KINDS, alertSide } from '../execution/alerts.js';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { AlertFilter, AlertKind, AlertLevel, AlertRecord, NewAlert } from './types.js';

interface Row {
  id: number;
  enterprise: string;
  period: string;
  item: string;
  kind: AlertKind;
  level: AlertLevel;
  planned: number;
  actual: number;
  deviation: number | null;
  message: string;
  report_id: string | null;
  superseded: number;
  created_at: string;
}

const toRecord = (r: Row): AlertRecord => ({
  id: r.id,
  enterprise: r.enterprise,
  period: r.period,
  item: r.item,
  kind: r.kind,
  level: r.level,
  planned: r.planned,
  actual: r.actual,
  deviation: r.deviation,
  message: r.message,
  reportId: r.report_id,
  superseded: r.superseded === 1,
  createdAt: r.created_at,
});

export type { AlertFilter };

/** The kinds of the same side (output or input) as `kind`: an alert supersedes the older alerts of these. */
const sameSide = (kind: AlertKind): AlertKind[] => ALERT_KINDS.filter((k) => alertSide(k) === alertSide(kind));

/**
 * Alerts raised when reports stray from the plan. One alert is current per enterprise, period,
 * item and side (output or input): adding one marks the older current alerts of that key
 * superseded (kept, not deleted).
 */
export class AlertsRepo {
  private readonly sql: Statements;
  constructor(private readonly db: Database) {
    this.sql = statements(db);
  }

  add(a: NewAlert): AlertRecord {
    return this.db.transaction((): AlertRecord => {
      const createdAt = now();
      const deviation = a.deviation !== null && Number.isFinite(a.deviation) ? a.deviation : null;
      const [k1, k2] = sameSide(a.kind);
      this.sql('UPDATE alerts SET superseded = 1 WHERE enterprise = ? AND period = ? AND item = ? AND kind IN (?, ?) AND superseded = 0').run(a.enterprise, a.period, a.item, k1, k2);
      const info = this.sql('INSERT INTO alerts (enterprise, period, item, kind, level, planned, actual, deviation, message, report_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(a.enterprise, a.period, a.item, a.kind, a.level, a.planned, a.actual, deviation, a.message, a.reportId, createdAt);
      return { ...a, deviation, id: Number(info.lastInsertRowid), superseded: false, createdAt };
    })();
  }

  list(filter: AlertFilter = {}): AlertRecord[] {
    const rows = this.sql(
      'SELECT * FROM alerts WHERE (@enterprise IS NULL OR enterprise = @enterprise) AND (@level IS NULL OR level = @level) AND (@period IS NULL OR period = @period) AND (@kind IS NULL OR kind = @kind) AND (@superseded IS NULL OR superseded = @superseded) ORDER BY id',
    ).all({
      enterprise: filter.enterprise ?? null,
      level: filter.level ?? null,
      period: filter.period ?? null,
      kind: filter.kind ?? null,
      superseded: filter.superseded === undefined ? null : filter.superseded ? 1 : 0,
    }) as Row[];
    return rows.map(toRecord);
  }
}
