import type { ReportOutcome, ReportRecord, Store } from '../store/index.js';

/** A checked report waiting for its transaction: what to store and what to do once it is stored. */
export interface PendingReport {
  readonly reportId: string;
  readonly enterprise: string;
  readonly period: string;
  readonly body: unknown;
  /** Runs in the report's transaction once it is stored (not for a repeat or a conflict): its alerts. */
  readonly then?: (report: ReportRecord) => void;
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
  constructor(private readonly store: Store) {}

  /** Queues a checked report; resolves once it is durably stored (or found stored), rejects with its error. */
  submit(report: PendingReport): Promise<ReportOutcome> {
    return new Promise<ReportOutcome>((resolve, reject) => {
      this.waiting.push({ report, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes the reports queued so far in one transaction and answers them. */
  flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    const { store } = this;
    const results: ({ readonly ok: true; readonly outcome: ReportOutcome } | { readonly ok: false; readonly error: unknown })[] = [];
    try {
      store.transaction(() => {
        for (const { report: r } of batch) {
          try {
            results.push({ ok: true, outcome: store.reports.submit(r.reportId, r.enterprise, r.period, r.body, r.then) });
          } catch (error) {
            // SQLite may have rolled back the whole transaction (a full disk, an I/O error): then fail the batch.
            if (!store.db.inTransaction) throw error;
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
