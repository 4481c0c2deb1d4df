import pg from 'pg';
import { sampleEnterprises, sampleReport } from './sample-report.js';

export interface PostgresRateOptions {
  /** A database the table may be created in. */
  readonly url: string;
  /** Connections inserting at once, each in a loop of its own. */
  readonly connections: number;
  /** Reports per transaction (1: a commit per report, as the service acknowledges them without group commit). */
  readonly perTransaction: number;
  /** `synchronous_commit` of the inserting sessions. */
  readonly synchronousCommit: 'on' | 'off';
  readonly seconds: number;
}

/**
 * Reports per second PostgreSQL alone stores into a reports table (the same columns and
 * primary key as the service's, prepared inserts of the same JSON bodies) from node-postgres
 * clients on this machine: the ceiling under any number of API nodes writing to that server.
 * Checks the row count before returning.
 */
export async function postgresInsertRate(options: PostgresRateOptions): Promise<number> {
  const table = `rate_${options.connections}_${options.perTransaction}_${options.synchronousCommit}`;
  const setup = new pg.Client({ connectionString: options.url });
  await setup.connect();
  try {
    await setup.query(`DROP TABLE IF EXISTS ${table}`);
    await setup.query(`CREATE TABLE ${table} (enterprise text NOT NULL, report_id text NOT NULL, period text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL, PRIMARY KEY (enterprise, report_id))`);
  } finally {
    await setup.end();
  }
  const until = process.hrtime.bigint() + BigInt(Math.round(options.seconds * 1e9));
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: options.connections }, async (_, c) => {
      const client = new pg.Client({ connectionString: options.url });
      await client.connect();
      try {
        await client.query(`SET synchronous_commit = ${options.synchronousCommit}`);
        let n = 0;
        const insert = { name: `insert_${table}`, text: `INSERT INTO ${table} (enterprise, report_id, period, body, created_at) VALUES ($1, $2, $3, $4, $5)` };
        while (process.hrtime.bigint() < until) {
          if (options.perTransaction > 1) await client.query('BEGIN');
          for (let k = 0; k < options.perTransaction; k++, n++) {
            const report = sampleReport(`rate-${c}-${n}`, sampleEnterprises[n % sampleEnterprises.length], '1930', 1 + (n % 997));
            await client.query({ ...insert, values: [report.enterprise, report.reportId, report.period, JSON.stringify(report), new Date().toISOString()] });
          }
          if (options.perTransaction > 1) await client.query('COMMIT');
        }
        return n;
      } finally {
        await client.end();
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const check = new pg.Client({ connectionString: options.url });
  await check.connect();
  try {
    const rows = Number((await check.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const sent = counts.reduce((a, b) => a + b, 0);
    if (rows !== sent) throw new Error(`PostgreSQL baseline: ${rows} rows after ${sent} inserts`);
    await check.query(`DROP TABLE ${table}`);
    return sent / seconds;
  } finally {
    await check.end();
  }
}
