import type { PlentyStore, PlentyTransaction, ReportOutcome, ReportRecord } from '../store/index.js';

/** A checked report waiting for its transaction: what to store and what to do once it is stored. */
export interface PendingReport {
  readonly reportId: string;
  readonly enterprise: string;
  readonly period: string;
  readonly body: unknown;
  /**
   * Runs in the report's transaction (its calls through `tx`) once it is stored (not for a repeat
   * or a conflict): its alerts. If it throws, the report is undone and answered with its error.
   */
  readonly then?: (report: ReportRecord, tx: PlentyTransaction) => Promise<void>;
}

interface Waiting {
  readonly report: PendingReport;
  readonly resolve: (outcome: ReportOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit of reports: the reports that arrive in the same turn of the event loop are written
 * in one transaction (one sync to disk for all), each in its own savepoint, in arrival order, and
 * each answered only once that transaction has committed. Within a batch a report sees the ones
 * before it (the same id twice: the second is a repeat or a conflict). A report that fails is
 * undone alone and answered with its error; if the transaction itself fails (or SQLite aborts it),
 * every report of the batch is answered with that error and none is stored.
 */
export class ReportBatch {
  private waiting: Waiting[] = [];
  private scheduled = false;
  constructor(private readonly store: PlentyStore) {}

  /** Queues a checked report; resolves once it is durably stored (or found stored), rejects with its error. */
  submit(report: PendingReport): Promise<ReportOutcome> {
    return new Promise<ReportOutcome>((resolve, reject) => {
      this.waiting.push({ report, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes the reports queued so far in one transaction and answers them. */
  async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    const results: ({ readonly ok: true; readonly outcome: ReportOutcome } | { readonly ok: false; readonly error: unknown })[] = [];
    try {
      await this.store.transaction(async (tx) => {
        // The batch's enterprises first, all at once: batches of other nodes wait only when they
        // share an enterprise, and cannot deadlock with this one.
        await tx.reports.lockEnterprises([...new Set(batch.map((w) => w.report.enterprise))]);
        const store = async (r: PendingReport, t: PlentyTransaction): Promise<ReportOutcome> => {
          const o = await t.reports.submit(r.reportId, r.enterprise, r.period, r.body);
          if (o.kind === 'created' && r.then !== undefined) await r.then(o.report, t);
          return o;
        };
        // A report alone needs no savepoint: if it fails, so does its transaction, and nothing
        // else is in it (two round trips fewer on PostgreSQL, where a quiet service's batches are
        // mostly of one report).
        if (batch.length === 1) {
          results.push({ ok: true, outcome: await store(batch[0].report, tx) });
          return;
        }
        for (const { report: r } of batch) {
          try {
            const outcome = await tx.savepoint((sp) => store(r, sp));
            results.push({ ok: true, outcome });
          } catch (error) {
            // Undone alone (its savepoint); when the database abandoned the whole transaction
            // (a full disk, an I/O error), the transaction rejects below and fails the batch.
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, k) => {
      const r = results[k];
      if (r.ok) w.resolve(r.outcome);
      else w.reject(r.error);
    });
  }
}
