import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sampleEnterprises, sampleReport } from './sample-report.js';

export interface InsertRateOptions {
  /** Reports per transaction (1: a commit per report, as the service acknowledges them). */
  readonly perTransaction: number;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly seconds: number;
}

/**
 * Reports per second better-sqlite3 alone stores into the reports table (WAL journal, the given
 * `synchronous`, a prepared insert of the same JSON bodies), in a fresh temporary database; the
 * floor under any server's figure. Checks the row count before returning.
 */
export function sqliteInsertRate(options: InsertRateOptions): number {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-sqlite-rate-'));
  const db = new Database(join(dir, 'rate.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.exec('CREATE TABLE reports (report_id TEXT PRIMARY KEY, enterprise TEXT NOT NULL, period TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO reports (report_id, enterprise, period, body, created_at) VALUES (?, ?, ?, ?, ?)');
    const batch = db.transaction((from: number, count: number) => {
      for (let n = from; n < from + count; n++) {
        const report = sampleReport(`rate-${n}`, sampleEnterprises[n % sampleEnterprises.length], '1930', 1 + (n % 997));
        insert.run(report.reportId, report.enterprise, String(report.period), JSON.stringify(report), new Date().toISOString());
      }
    });
    const start = process.hrtime.bigint();
    const limit = BigInt(Math.round(options.seconds * 1e9));
    let n = 0;
    let elapsed = 0n;
    while (elapsed < limit) {
      batch(n, options.perTransaction);
      n += options.perTransaction;
      elapsed = process.hrtime.bigint() - start;
    }
    const rows = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    if (rows !== n) throw new Error(`SQLite baseline: ${rows} rows after ${n} inserts`);
    return n / (Number(elapsed) / 1e9);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
