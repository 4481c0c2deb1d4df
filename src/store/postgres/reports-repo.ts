import { canonicalJson } from '../canonical-json.js';
import { now } from '../now.js';
import type { ReportsRepository } from '../plenty-store.js';
import type { ReportFilter, ReportOutcome, ReportRecord, ReportTotals } from '../types.js';
import { LOCK_CLASS } from './locks.js';
import type { Sql } from './sql.js';

interface Row {
  report_id: string;
  enterprise: string;
  period: string;
  body: string;
  created_at: string;
}

const toRecord = (r: Row): ReportRecord => ({ reportId: r.report_id, enterprise: r.enterprise, period: r.period, body: JSON.parse(r.body) as unknown, createdAt: r.created_at });

/** The amounts of a report body by item key (`outputs` or `inputs`), numbers only. */
function amounts(body: unknown, field: 'outputs' | 'inputs'): [string, number][] {
  const m = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (m === null || typeof m !== 'object') return [];
  return Object.entries(m as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
}

/**
 * The report, its running totals and its technique in one statement: the totals and the coverage
 * are written only when the report row was (a report id new for its enterprise). A concurrent
 * submit of the same id waits for this one's transaction and then inserts nothing.
 *
 * Before anything is written the statement takes its enterprise's report lock (an advisory lock
 * held until its transaction ends; a no-op when the transaction holds it already): the
 * transactions that write one enterprise's reports — a group-committed batch holds the row locks
 * of several reports' totals, alerts and ids — run one after the other, on one node or many, so
 * they cannot deadlock one another; other enterprises' reports are written at the same time. A
 * batch of several enterprises takes all their locks first, in one order (lockEnterprises).
 */
const SUBMIT = `
  WITH stored AS (
    INSERT INTO reports (enterprise, report_id, period, body, created_at)
    SELECT $1, $2, $3, $4, $5 FROM (SELECT pg_advisory_xact_lock($10, hashtext('reports:' || $1))) AS report_writers
    ON CONFLICT (enterprise, report_id) DO NOTHING RETURNING enterprise, period
  ), totals AS (
    INSERT INTO report_totals (enterprise, period, kind, item, amount)
    SELECT s.enterprise, s.period, t.kind, t.item, t.amount FROM stored s, unnest($6::text[], $7::text[], $8::double precision[]) AS t (kind, item, amount)
    ON CONFLICT (enterprise, period, kind, item) DO UPDATE SET amount = report_totals.amount + excluded.amount
  ), coverage AS (
    INSERT INTO report_coverage (enterprise, period, technique) SELECT s.enterprise, s.period, $9 FROM stored s
    ON CONFLICT DO NOTHING
  )
  SELECT COUNT(*) AS n FROM stored`;

/**
 * Enterprises' reports in PostgreSQL, idempotent by (enterprise, report id) across every node
 * (INSERT … ON CONFLICT DO NOTHING, then a read of the stored report), with the running totals
 * and the techniques reported on updated in the same statement.
 */
export class PgReportsRepo implements ReportsRepository {
  constructor(private readonly sql: Sql) {}

  async submit(reportId: string, enterprise: string, period: string, body: unknown): Promise<ReportOutcome> {
    const text = canonicalJson(body);
    const createdAt = now();
    // Totals rows in one order (kind, then item) so that concurrent reports lock them alike.
    const rows: [string, string, number][] = [];
    for (const kind of ['input', 'output'] as const) for (const [item, v] of amounts(body, `${kind}s`).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) rows.push([kind, item, v]);
    const technique = body !== null && typeof body === 'object' ? (body as { technique?: unknown }).technique : undefined;
    const r = await this.sql.query<{ n: number }>(SUBMIT, [
      enterprise,
      reportId,
      period,
      text,
      createdAt,
      rows.map((t) => t[0]),
      rows.map((t) => t[1]),
      rows.map((t) => t[2]),
      typeof technique === 'string' ? technique : '',
      LOCK_CLASS,
    ]);
    if (r.rows[0].n === 1) return { kind: 'created', report: { reportId, enterprise, period, body: JSON.parse(text) as unknown, createdAt } };
    const old = await this.sql.query<Row>('SELECT * FROM reports WHERE enterprise = $1 AND report_id = $2', [enterprise, reportId]);
    if (old.rows.length === 0) throw new Error(`report ${reportId} of ${enterprise} was neither stored nor found (removed meanwhile?)`);
    return { kind: old.rows[0].body === text ? 'repeated' : 'conflict', report: toRecord(old.rows[0]) };
  }

  /** The enterprises' report locks (as SUBMIT takes them), in the order of their keys, each once: every transaction takes them alike. */
  async lockEnterprises(enterprises: readonly string[]): Promise<void> {
    if (enterprises.length === 0) return;
    await this.sql.query("SELECT pg_advisory_xact_lock($1, k) FROM (SELECT DISTINCT hashtext('reports:' || e) AS k FROM unnest($2::text[]) AS e ORDER BY k) AS keys", [LOCK_CLASS, [...enterprises]]);
  }

  async totals(enterprise: string, period: string): Promise<ReportTotals> {
    const outputs = new Map<string, number>();
    const inputs = new Map<string, number>();
    // The totals and the techniques in one round trip (the techniques as kind 'technique').
    const t = await this.sql.query<{ kind: string; item: string; amount: number | null }>(
      `SELECT kind, item COLLATE "C" AS item, amount FROM report_totals WHERE enterprise = $1 AND period = $2
       UNION ALL SELECT 'technique', technique COLLATE "C", NULL FROM report_coverage WHERE enterprise = $1 AND period = $2
       ORDER BY 1, 2`,
      [enterprise, period],
    );
    const techniques: (string | null)[] = [];
    for (const r of t.rows) {
      if (r.kind === 'technique') techniques.push(r.item === '' ? null : r.item);
      else (r.kind === 'output' ? outputs : inputs).set(r.item, r.amount as number);
    }
    return { techniques, outputs, inputs };
  }

  async get(enterprise: string, reportId: string): Promise<ReportRecord | undefined> {
    const r = await this.sql.query<Row>('SELECT * FROM reports WHERE enterprise = $1 AND report_id = $2', [enterprise, reportId]);
    return r.rows.length === 0 ? undefined : toRecord(r.rows[0]);
  }

  async list(filter: ReportFilter = {}): Promise<ReportRecord[]> {
    const r = await this.sql.query<Row>(
      'SELECT * FROM reports WHERE ($1::text IS NULL OR enterprise = $1) AND ($2::text IS NULL OR period = $2) ORDER BY created_at, enterprise, report_id',
      [filter.enterprise ?? null, filter.period ?? null],
    );
    return r.rows.map(toRecord);
  }

  async count(): Promise<number> {
    return (await this.sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM reports')).rows[0].n;
  }
}
