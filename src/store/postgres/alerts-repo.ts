import { ALERT_KINDS, alertSide } from '../../execution/alerts.js';
import { now } from '../now.js';
import type { AlertsRepository } from '../plenty-store.js';
import type { AlertFilter, AlertKind, AlertLevel, AlertRecord, NewAlert } from '../types.js';
import { LOCK_CLASS } from './locks.js';
import type { Sql } from './sql.js';

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
  superseded: boolean;
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
  superseded: r.superseded,
  createdAt: r.created_at,
});

/** The kinds of the same side (output or input) as `kind`: an alert supersedes the older alerts of these. */
const sameSide = (kind: AlertKind): AlertKind[] => ALERT_KINDS.filter((k) => alertSide(k) === alertSide(kind));

const ADD = `
  WITH older AS (
    UPDATE alerts SET superseded = true WHERE enterprise = $1 AND period = $2 AND item = $3 AND kind IN ($12, $13) AND NOT superseded
  )
  INSERT INTO alerts (enterprise, period, item, kind, level, planned, actual, deviation, message, report_id, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`;

/**
 * Alerts in PostgreSQL. Adding one takes an advisory lock of its enterprise, period, item and side
 * first, so that of two alerts of one key added on two nodes at once the later one supersedes the
 * earlier (one stays current).
 */
export class PgAlertsRepo implements AlertsRepository {
  constructor(private readonly sql: Sql) {}

  add(a: NewAlert): Promise<AlertRecord> {
    return this.sql.atomic(async (sql) => {
      const deviation = a.deviation !== null && Number.isFinite(a.deviation) ? a.deviation : null;
      const [k1, k2] = sameSide(a.kind);
      await sql.query("SELECT pg_advisory_xact_lock($1, hashtext('alert:' || $2 || '/' || $3 || '/' || $4 || '/' || $5))", [LOCK_CLASS, a.enterprise, a.period, a.item, alertSide(a.kind)]);
      const createdAt = now();
      const r = await sql.query<{ id: number }>(ADD, [a.enterprise, a.period, a.item, a.kind, a.level, a.planned, a.actual, deviation, a.message, a.reportId, createdAt, k1, k2]);
      return { ...a, deviation, id: r.rows[0].id, superseded: false, createdAt };
    });
  }

  async list(filter: AlertFilter = {}): Promise<AlertRecord[]> {
    const r = await this.sql.query<Row>(
      `SELECT * FROM alerts WHERE ($1::text IS NULL OR enterprise = $1) AND ($2::text IS NULL OR level = $2) AND ($3::text IS NULL OR period = $3)
         AND ($4::text IS NULL OR kind = $4) AND ($5::boolean IS NULL OR superseded = $5) ORDER BY id`,
      [filter.enterprise ?? null, filter.level ?? null, filter.period ?? null, filter.kind ?? null, filter.superseded ?? null],
    );
    return r.rows.map(toRecord);
  }
}
