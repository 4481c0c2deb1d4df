import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReportBatch } from '../../src/service/report-batch.js';
import { openSqliteStore } from '../../src/store/index.js';

describe('group commit of reports', () => {
  test('one transaction per turn; the same id twice in a batch is a repeat, then a conflict; a failing report fails alone', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    try {
      await store.enterprises.add('mill', 'mill');
      const batch = new ReportBatch(store);
      const body = (n: number) => ({ reportId: 'a', enterprise: 'mill', period: '1', outputs: { steel: n }, inputs: {} });
      let sawEarlier = false;
      const answers = await Promise.allSettled([
        batch.submit({ reportId: 'a', enterprise: 'mill', period: '1', body: body(1) }),
        batch.submit({ reportId: 'a', enterprise: 'mill', period: '1', body: body(1) }),
        batch.submit({ reportId: 'a', enterprise: 'mill', period: '1', body: body(2) }),
        batch.submit({ reportId: 'b', enterprise: 'nobody', period: '1', body: { ...body(1), reportId: 'b', enterprise: 'nobody' } }),
        batch.submit({ reportId: 'c', enterprise: 'mill', period: '1', body: { ...body(3), reportId: 'c' }, then: async (_r, tx) => { sawEarlier = store.sqlite.db.inTransaction && (await tx.reports.get('mill', 'a')) !== undefined; } }),
        batch.submit({ reportId: 'd', enterprise: 'mill', period: '1', body: { ...body(4), reportId: 'd' }, then: () => Promise.reject(new Error('alerts failed')) }),
      ]);
      const kinds = answers.map((a) => (a.status === 'fulfilled' ? a.value.kind : (a.reason as Error).message));
      assert.deepEqual(kinds.slice(0, 3), ['created', 'repeated', 'conflict']);
      assert.match(kinds[3], /FOREIGN KEY/);
      assert.equal(kinds[4], 'created');
      assert.equal(kinds[5], 'alerts failed');
      assert.ok(sawEarlier, 'a report sees the earlier ones of its batch, in the same transaction');
      assert.deepEqual((await store.reports.list()).map((r) => r.reportId), ['a', 'c']);
      const totals = await store.reports.totals('mill', '1');
      assert.equal(totals.outputs.get('steel'), 1 + 3, 'the failed report left no totals behind');
    } finally {
      await store.close();
    }
  });

  test('a transaction that cannot commit answers every report of the batch with its error and stores none', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    try {
      await store.enterprises.add('mill', 'mill');
      const batch = new ReportBatch(store);
      // A deferred foreign key is checked at commit: the whole transaction fails there.
      store.sqlite.db.pragma('defer_foreign_keys = ON');
      const answers = await Promise.allSettled([
        batch.submit({ reportId: 'x', enterprise: 'mill', period: '1', body: { reportId: 'x' } }),
        batch.submit({ reportId: 'y', enterprise: 'nobody', period: '1', body: { reportId: 'y' } }),
      ]);
      assert.deepEqual(answers.map((a) => a.status), ['rejected', 'rejected']);
      assert.equal(await store.reports.count(), 0);
    } finally {
      await store.close();
    }
  });
});
