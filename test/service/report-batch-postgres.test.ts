import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { ReportBatch } from '../../src/service/report-batch.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/index.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';

describe('group commit of reports on PostgreSQL', () => {
  let db: TestDatabase;
  let admin: pg.Client;
  before(async () => {
    db = await testDatabase();
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  after(async () => {
    await admin.end();
    await db.drop();
  });

  /** An empty store (the tables emptied) with the enterprise `mill`. */
  async function emptyStore(): Promise<PostgresStore> {
    const store = await openPostgresStore(db.url);
    await admin.query('TRUNCATE reports, report_totals, report_coverage, alerts, tokens, enterprises CASCADE');
    await store.enterprises.add('mill', 'mill');
    return store;
  }

  test('one transaction per turn; the same id twice in a batch is a repeat, then a conflict; a failing report fails alone', async () => {
    const store = await emptyStore();
    try {
      const batch = new ReportBatch(store);
      const body = (n: number) => ({ reportId: 'a', enterprise: 'mill', period: '1', outputs: { steel: n }, inputs: {} });
      let sawEarlier = false;
      let seenOutside = -1;
      const answers = await Promise.allSettled([
        batch.submit({ reportId: 'a', enterprise: 'mill', period: '1', body: body(1) }),
        batch.submit({ reportId: 'a', enterprise: 'mill', period: '1', body: body(1) }),
        batch.submit({ reportId: 'a', enterprise: 'mill', period: '1', body: body(2) }),
        batch.submit({ reportId: 'b', enterprise: 'nobody', period: '1', body: { ...body(1), reportId: 'b', enterprise: 'nobody' } }),
        batch.submit({
          reportId: 'c',
          enterprise: 'mill',
          period: '1',
          body: { ...body(3), reportId: 'c' },
          then: async (_r, tx) => {
            sawEarlier = (await tx.reports.get('mill', 'a')) !== undefined;
            seenOutside = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0].n;
          },
        }),
        batch.submit({ reportId: 'd', enterprise: 'mill', period: '1', body: { ...body(4), reportId: 'd' }, then: () => Promise.reject(new Error('alerts failed')) }),
      ]);
      const kinds = answers.map((a) => (a.status === 'fulfilled' ? a.value.kind : (a.reason as Error).message));
      assert.deepEqual(kinds.slice(0, 3), ['created', 'repeated', 'conflict']);
      assert.match(kinds[3], /violates foreign key constraint/);
      assert.equal(kinds[4], 'created');
      assert.equal(kinds[5], 'alerts failed');
      assert.ok(sawEarlier, 'a report sees the earlier ones of its batch');
      assert.deepEqual((await store.reports.list()).map((r) => r.reportId), ['a', 'c']);
      assert.equal(seenOutside, 0, 'report a was not committed before report c: one transaction for the batch');
      const totals = await store.reports.totals('mill', '1');
      assert.equal(totals.outputs.get('steel'), 1 + 3, 'the failed report left no totals behind');
    } finally {
      await store.close();
    }
  });

  test('a batch whose connection the server ends answers every report with the error and stores none', async () => {
    const store = await emptyStore();
    try {
      const batch = new ReportBatch(store);
      const end = async (): Promise<void> => {
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'plenty' AND datname = current_database()");
      };
      const answers = await Promise.allSettled([
        batch.submit({ reportId: 'x', enterprise: 'mill', period: '1', body: { outputs: { steel: 1 } } }),
        batch.submit({ reportId: 'y', enterprise: 'mill', period: '1', body: { outputs: { steel: 2 } }, then: end }),
        batch.submit({ reportId: 'z', enterprise: 'mill', period: '1', body: { outputs: { steel: 3 } } }),
      ]);
      assert.deepEqual(answers.map((a) => a.status), ['rejected', 'rejected', 'rejected']);
      for (const a of answers) assert.match(store.unavailable((a as PromiseRejectedResult).reason) ?? '', /PostgreSQL server/, String((a as PromiseRejectedResult).reason));
      assert.equal(await store.reports.count(), 0);
      assert.equal((await store.reports.totals('mill', '1')).outputs.size, 0);
    } finally {
      await store.close();
    }
  });
});
