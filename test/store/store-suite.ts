import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { NewAlert, PlentyStore } from '../../src/store/index.js';

/**
 * The shared suite of the PlentyStore contract (src/store/plenty-store.ts), run against every
 * implementation: `open` must give a new, empty, migrated store each time (the suite closes it).
 */
export function storeSuite(name: string, open: () => Promise<PlentyStore>): void {
  describe(`PlentyStore: ${name}`, () => {
    const opened: PlentyStore[] = [];
    const fresh = async (): Promise<PlentyStore> => {
      const s = await open();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    /** A store with a model `m` (version 1), a scenario of it and an enterprise `e`. */
    const seeded = async (): Promise<{ store: PlentyStore; scenarioId: number }> => {
      const store = await fresh();
      await store.models.add('m', 'Model', 'name: Model', 'yaml');
      const scenario = await store.scenarios.add('m', 1, 'base', []);
      await store.enterprises.add('e', 'Enterprise E');
      return { store, scenarioId: scenario.id };
    };

    const plan = (scenarioId: number | null, inputsHash: string, objective: number | null = 1) => ({
      scenarioId,
      modelId: 'm',
      modelVersion: 1,
      inputsHash,
      objectiveKind: 'min-labour',
      solver: 'highs',
      status: 'optimal',
      objective,
    });

    describe('basics', () => {
      it('says what it is, is open until closed, and closing twice is harmless', async () => {
        const store = await open();
        assert.ok(store.kind === 'sqlite' || store.kind === 'postgres');
        assert.equal(typeof store.location, 'string');
        assert.equal(store.open, true);
        assert.equal(store.damaged, undefined);
        assert.equal(store.damageOf(new Error('something else')), undefined);
        assert.equal(store.unavailable(new Error('something else')), undefined);
        await store.close();
        assert.equal(store.open, false);
        await store.close();
        await assert.rejects(store.models.count());
      });
    });

    describe('models', () => {
      it('adds a first version once: of adds of one new id at once, exactly one stores it', async () => {
        const store = await fresh();
        await store.models.add('old', 'Old', 'text', 'yaml');
        assert.equal(await store.models.addFirst('old', 'Again', 'other', 'yaml'), undefined);
        const added = await Promise.all([1, 2, 3, 4].map((k) => store.models.addFirst('new', `New ${k}`, `text ${k}`, 'yaml')));
        const stored = added.filter((m) => m !== undefined);
        assert.equal(stored.length, 1);
        assert.equal(stored[0]?.version, 1);
        assert.deepEqual(await store.models.get('new'), stored[0]);
        assert.equal(await store.models.count(), 2);
      });

      it('adds versions 1, 2, … of an id; gets the latest or a given version; lists the latest of each by id', async () => {
        const store = await fresh();
        assert.equal(await store.models.exists('b'), false);
        const b1 = await store.models.add('b', 'B one', 'text b1', 'yaml');
        const b2 = await store.models.add('b', 'B two', '{"b":2}', 'json');
        const a1 = await store.models.add('a', 'A', 'text a1', 'yaml');
        assert.deepEqual([b1.version, b2.version, a1.version], [1, 2, 1]);
        assert.equal(b2.format, 'json');
        assert.match(b1.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        assert.equal(await store.models.exists('b'), true);
        assert.deepEqual(await store.models.get('b'), b2);
        assert.deepEqual(await store.models.get('b', 1), b1);
        assert.equal(await store.models.get('b', 3), undefined);
        assert.equal(await store.models.get('nope'), undefined);
        const list = await store.models.list();
        assert.deepEqual(
          list.map((m) => [m.id, m.version, m.name]),
          [
            ['a', 1, 'A'],
            ['b', 2, 'B two'],
          ],
        );
        assert.equal('text' in list[0], false, 'the listing leaves the text out');
        assert.equal(await store.models.count(), 3, 'count is of versions');
      });

      it('gives concurrent adds of one id distinct versions without gaps', async () => {
        const store = await fresh();
        const added = await Promise.all([1, 2, 3, 4].map((k) => store.models.add('same', `v${k}`, `t${k}`, 'yaml')));
        assert.deepEqual(added.map((m) => m.version).sort(), [1, 2, 3, 4]);
        assert.equal(await store.models.count(), 4);
      });
    });

    describe('scenarios', () => {
      it('stores a scenario of a model version with its overrides; lists by id', async () => {
        const store = await fresh();
        await store.models.add('m', 'M', 'x', 'yaml');
        const overrides = [{ kind: 'target', product: 'grain', amount: 12.5 }];
        const s1 = await store.scenarios.add('m', 1, 'more grain', overrides);
        const s2 = await store.scenarios.add('m', 1, 'none', []);
        assert.ok(s1.id > 0 && s2.id > s1.id);
        assert.deepEqual(s1.overrides, overrides);
        assert.deepEqual(await store.scenarios.get(s1.id), s1);
        assert.equal(await store.scenarios.get(s2.id + 100), undefined);
        assert.deepEqual(
          (await store.scenarios.list()).map((s) => s.name),
          ['more grain', 'none'],
        );
      });

      it('refuses a scenario of a model version that is not stored', async () => {
        const store = await fresh();
        await store.models.add('m', 'M', 'x', 'yaml');
        await assert.rejects(store.scenarios.add('m', 2, 'no such version', []));
        await assert.rejects(store.scenarios.add('other', 1, 'no such model', []));
        assert.deepEqual(await store.scenarios.list(), []);
      });
    });

    describe('plans', () => {
      it('stores plans with their result; lists them (all, by scenario) without it; finds the latest by inputs', async () => {
        const { store, scenarioId } = await seeded();
        const result = { status: 'optimal', levels: { farm: 3.5 }, prices: [1, 2] };
        const p1 = await store.plans.add(plan(scenarioId, 'h1', 42), JSON.stringify(result));
        const p2 = await store.plans.add(plan(null, 'h2'), '{"x":1}');
        const p3 = await store.plans.add(plan(scenarioId, 'h1', Number.POSITIVE_INFINITY), 'null');
        assert.ok(p1.id > 0 && p2.id > p1.id && p3.id > p2.id);
        assert.equal(p1.objective, 42);
        assert.equal(p3.objective, null, 'a non-finite objective is stored as null');
        const got = await store.plans.get(p1.id);
        assert.deepEqual(got, { ...p1, result });
        assert.equal((await store.plans.get(p3.id))?.result, null);
        assert.equal(await store.plans.get(p3.id + 100), undefined);
        assert.deepEqual(
          (await store.plans.list()).map((p) => p.id),
          [p1.id, p2.id, p3.id],
        );
        assert.deepEqual(
          (await store.plans.list(scenarioId)).map((p) => p.id),
          [p1.id, p3.id],
        );
        assert.equal('result' in (await store.plans.list())[0], false, 'the listing leaves the result out');
        assert.equal((await store.plans.findByInputs('h1'))?.id, p3.id, 'the latest plan of these inputs');
        assert.equal(await store.plans.findByInputs('h9'), undefined);
      });

      it('publishes one plan at a time; nothing is published at first', async () => {
        const { store, scenarioId } = await seeded();
        assert.equal(await store.plans.published(), undefined);
        const p1 = await store.plans.add(plan(scenarioId, 'h1'), '{}');
        const p2 = await store.plans.add(plan(scenarioId, 'h2'), '{}');
        const first = await store.plans.publish(p1.id);
        assert.equal(first.planId, p1.id);
        assert.deepEqual(await store.plans.published(), first);
        const second = await store.plans.publish(p2.id);
        assert.deepEqual(await store.plans.published(), second);
        assert.ok(second.publishedAt >= first.publishedAt);
        await assert.rejects(store.plans.publish(p2.id + 100), 'an unknown plan cannot be published');
        assert.deepEqual(await store.plans.published(), second);
      });

      it('refuses a plan of a scenario that is not stored', async () => {
        const store = await fresh();
        await store.models.add('m', 'M', 'x', 'yaml');
        await assert.rejects(store.plans.add(plan(999, 'h'), '{}'));
        assert.deepEqual(await store.plans.list(), []);
      });
    });

    describe('enterprises', () => {
      it('adds, gets and lists enterprises by id; an id is added once', async () => {
        const store = await fresh();
        const z = await store.enterprises.add('zeta', 'Zeta Mill');
        await store.enterprises.add('alpha', 'Alpha Farm');
        assert.deepEqual(await store.enterprises.get('zeta'), z);
        assert.equal(await store.enterprises.get('nope'), undefined);
        assert.deepEqual(
          (await store.enterprises.list()).map((e) => e.id),
          ['alpha', 'zeta'],
        );
        await assert.rejects(store.enterprises.add('zeta', 'again'));
        assert.equal((await store.enterprises.get('zeta'))?.name, 'Zeta Mill');
      });
    });

    describe('tokens', () => {
      it('finds who holds a token, counts by role, removes by label', async () => {
        const store = await fresh();
        await store.enterprises.add('e', 'E');
        await store.tokens.add('planner-secret-1', 'planner', null, 'first');
        await store.tokens.add('planner-secret-1', 'planner', null, 'first');
        await store.tokens.add('planner-secret-2', 'planner', null, 'session');
        await store.tokens.add('enterprise-secret', 'enterprise', 'e');
        assert.deepEqual(await store.tokens.find('planner-secret-1'), { role: 'planner', enterprise: null, label: 'first' });
        assert.deepEqual(await store.tokens.find('enterprise-secret'), { role: 'enterprise', enterprise: 'e', label: null });
        assert.equal(await store.tokens.find('unknown'), undefined);
        assert.equal(await store.tokens.count('planner'), 2, 'a token added twice is stored once');
        assert.equal(await store.tokens.count('enterprise'), 1);
        assert.equal(await store.tokens.removeLabelled('session'), 1);
        assert.equal(await store.tokens.removeLabelled('session'), 0);
        assert.equal(await store.tokens.find('planner-secret-2'), undefined, 'a removed token is not found any more');
        assert.equal(await store.tokens.count('planner'), 1);
      });

      it('refuses an enterprise token of an unknown enterprise', async () => {
        const store = await fresh();
        await assert.rejects(store.tokens.add('t', 'enterprise', 'nope'));
        assert.equal(await store.tokens.count('enterprise'), 0);
      });
    });

    describe('reports', () => {
      it('answers created, then repeated for the same body (in any key order), conflict for another', async () => {
        const { store } = await seeded();
        const body = { technique: 'farm', outputs: { grain: 10 }, inputs: { labour: 2 } };
        const created = await store.reports.submit('r1', 'e', '2026-01', body);
        assert.equal(created.kind, 'created');
        assert.deepEqual(created.report.body, body);
        assert.equal(created.report.period, '2026-01');
        const repeated = await store.reports.submit('r1', 'e', '2026-01', { inputs: { labour: 2 }, outputs: { grain: 10 }, technique: 'farm' });
        assert.deepEqual(repeated, { kind: 'repeated', report: created.report });
        const conflict = await store.reports.submit('r1', 'e', '2026-01', { ...body, outputs: { grain: 11 } });
        assert.deepEqual(conflict, { kind: 'conflict', report: created.report });
        assert.equal(await store.reports.count(), 1);
        const totals = await store.reports.totals('e', '2026-01');
        assert.deepEqual([...totals.outputs], [['grain', 10]], 'a repeat or a conflict adds nothing');
      });

      it('keeps report ids per enterprise: the same id from two enterprises is two reports', async () => {
        const { store } = await seeded();
        await store.enterprises.add('f', 'F');
        assert.equal((await store.reports.submit('r1', 'e', '1', { outputs: { a: 1 } })).kind, 'created');
        assert.equal((await store.reports.submit('r1', 'f', '1', { outputs: { a: 2 } })).kind, 'created');
        assert.equal(await store.reports.count(), 2);
        assert.deepEqual((await store.reports.get('f', 'r1'))?.body, { outputs: { a: 2 } });
        assert.deepEqual((await store.reports.get('e', 'r1'))?.body, { outputs: { a: 1 } });
        assert.equal(await store.reports.get('e', 'r2'), undefined);
      });

      it('keeps running totals by enterprise, period and item, and the techniques reported on', async () => {
        const { store } = await seeded();
        await store.enterprises.add('f', 'F');
        await store.reports.submit('a', 'e', '1', { technique: 'farm', outputs: { grain: 1.5, note: 'x' }, inputs: { labour: 2 } });
        await store.reports.submit('b', 'e', '1', { technique: 'farm', outputs: { grain: 2.25 } });
        await store.reports.submit('c', 'e', '1', { outputs: { 'grain@north': 4 } });
        await store.reports.submit('d', 'e', '2', { outputs: { grain: 100 } });
        await store.reports.submit('e', 'f', '1', { outputs: { grain: 1000 } });
        const t = await store.reports.totals('e', '1');
        assert.deepEqual(
          new Map([...t.outputs].sort()),
          new Map([
            ['grain', 3.75],
            ['grain@north', 4],
          ]),
        );
        assert.deepEqual([...t.inputs], [['labour', 2]]);
        assert.deepEqual([...t.techniques].sort((x, y) => String(x).localeCompare(String(y))), ['farm', null]);
        const none = await store.reports.totals('e', '9');
        assert.deepEqual([none.techniques, none.outputs.size, none.inputs.size], [[], 0, 0]);
      });

      it('lists reports by enterprise and/or period, by the time they were stored', async () => {
        const { store } = await seeded();
        await store.enterprises.add('f', 'F');
        const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
        await store.reports.submit('r1', 'e', '1', {});
        await tick();
        await store.reports.submit('r2', 'f', '1', {});
        await tick();
        await store.reports.submit('r3', 'e', '2', {});
        const ids = async (filter?: { enterprise?: string; period?: string }) => (await store.reports.list(filter)).map((r) => `${r.enterprise}/${r.reportId}`);
        assert.deepEqual(await ids(), ['e/r1', 'f/r2', 'e/r3']);
        assert.deepEqual(await ids({ enterprise: 'e' }), ['e/r1', 'e/r3']);
        assert.deepEqual(await ids({ period: '1' }), ['e/r1', 'f/r2']);
        assert.deepEqual(await ids({ enterprise: 'f', period: '2' }), []);
      });

      it('refuses a report of an unknown enterprise', async () => {
        const store = await fresh();
        await assert.rejects(store.reports.submit('r', 'nope', '1', {}));
        assert.equal(await store.reports.count(), 0);
      });

      it('lets transactions of several enterprises\' reports, started at once in opposite orders, all commit', async () => {
        const { store } = await seeded();
        for (const id of ['f', 'g']) await store.enterprises.add(id, id.toUpperCase());
        const orders = [
          ['e', 'f', 'g'],
          ['g', 'f', 'e'],
          ['f', 'e', 'g'],
          ['g', 'e', 'f'],
        ];
        const outcomes = await Promise.all(
          orders.map((order, k) =>
            store.transaction(async (tx) => {
              await tx.reports.lockEnterprises([...order, 'unknown']);
              const kinds: string[] = [];
              for (const enterprise of order) {
                kinds.push((await tx.reports.submit(`r${k}`, enterprise, '1', { outputs: { grain: k + 1 } })).kind);
                kinds.push((await tx.reports.submit('shared', enterprise, '1', { outputs: { grain: 100 } })).kind);
              }
              return kinds;
            }),
          ),
        );
        assert.equal(outcomes.flat().filter((kind) => kind === 'created').length, 4 * 3 + 3, 'each transaction\'s own reports, and the shared id once per enterprise');
        assert.equal(await store.reports.count(), 15);
        for (const enterprise of ['e', 'f', 'g']) assert.deepEqual([...(await store.reports.totals(enterprise, '1')).outputs], [['grain', 1 + 2 + 3 + 4 + 100]]);
        await store.reports.lockEnterprises(['e']);
        assert.equal((await store.reports.submit('after', 'e', '1', {})).kind, 'created', 'a lock taken on the store itself is not kept');
      });

      it('stores a report submitted concurrently under one id once', async () => {
        const { store } = await seeded();
        const outcomes = await Promise.all([1, 2, 3, 4].map(() => store.reports.submit('same', 'e', '1', { outputs: { grain: 1 } })));
        assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['created', 'repeated', 'repeated', 'repeated']);
        assert.deepEqual([...(await store.reports.totals('e', '1')).outputs], [['grain', 1]]);
      });
    });

    describe('alerts', () => {
      const alert = (over: Partial<NewAlert>): NewAlert => ({
        enterprise: 'e',
        period: '1',
        item: 'grain',
        kind: 'under-delivery',
        level: 'warning',
        planned: 10,
        actual: 8,
        deviation: -0.2,
        message: 'short',
        reportId: null,
        ...over,
      });

      it('supersedes the older current alert of the same enterprise, period, item and side only', async () => {
        const { store } = await seeded();
        await store.reports.submit('r1', 'e', '1', {});
        const a = await store.alerts.add(alert({ reportId: 'r1' }));
        const input = await store.alerts.add(alert({ kind: 'input-over-use', item: 'grain' }));
        const otherItem = await store.alerts.add(alert({ item: 'flour' }));
        const otherPeriod = await store.alerts.add(alert({ period: '2' }));
        const b = await store.alerts.add(alert({ kind: 'over-delivery', actual: 12, deviation: 0.2 }));
        assert.equal(a.superseded, false);
        assert.equal(a.reportId, 'r1');
        const ids = async (filter: Parameters<PlentyStore['alerts']['list']>[0]) => (await store.alerts.list(filter)).map((x) => x.id);
        assert.deepEqual(await ids({ superseded: true }), [a.id]);
        assert.deepEqual(await ids({ superseded: false }), [input.id, otherItem.id, otherPeriod.id, b.id]);
        assert.deepEqual(await ids({}), [a.id, input.id, otherItem.id, otherPeriod.id, b.id]);
        assert.deepEqual(await ids({ period: '2' }), [otherPeriod.id]);
        assert.deepEqual(await ids({ kind: 'input-over-use' }), [input.id]);
        assert.deepEqual(await ids({ level: 'critical' }), []);
        assert.deepEqual(await ids({ enterprise: 'e', superseded: false, kind: 'over-delivery' }), [b.id]);
      });

      it('stores a non-finite deviation as null and refuses a report its enterprise does not have', async () => {
        const { store } = await seeded();
        const a = await store.alerts.add(alert({ deviation: Number.POSITIVE_INFINITY, planned: 0 }));
        assert.equal(a.deviation, null);
        assert.equal((await store.alerts.list())[0].deviation, null);
        await assert.rejects(store.alerts.add(alert({ reportId: 'no-such-report' })));
        assert.equal((await store.alerts.list()).length, 1);
      });
    });

    describe('jobs', () => {
      it('adds a queued job, updates it until it is finished, then never again', async () => {
        const { store, scenarioId } = await seeded();
        const job = await store.jobs.add('solve', { scenarioId, solver: 'highs' });
        assert.deepEqual([job.status, job.progress, job.planId, job.error], ['queued', { fraction: null, text: null }, null, null]);
        assert.deepEqual(job.input, { scenarioId, solver: 'highs' });
        assert.deepEqual(await store.jobs.get(job.id), job);
        assert.equal(await store.jobs.update(job.id, { status: 'running', fraction: 0.5, text: 'half' }), true);
        const running = await store.jobs.get(job.id);
        assert.deepEqual([running?.status, running?.progress], ['running', { fraction: 0.5, text: 'half' }]);
        assert.equal(await store.jobs.update(job.id, { text: 'still' }), true);
        assert.deepEqual((await store.jobs.get(job.id))?.progress, { fraction: 0.5, text: 'still' }, 'members left out are kept');
        assert.equal(await store.jobs.update(job.id, { fraction: null }), true);
        assert.deepEqual((await store.jobs.get(job.id))?.progress, { fraction: null, text: 'still' }, 'null clears');
        const p = await store.plans.add(plan(scenarioId, 'h'), '{}');
        assert.equal(await store.jobs.update(job.id, { status: 'done', fraction: 1, planId: p.id }), true);
        const done = await store.jobs.get(job.id);
        assert.deepEqual([done?.status, done?.planId], ['done', p.id]);
        assert.ok((done?.updatedAt ?? '') >= job.updatedAt);
        assert.equal(await store.jobs.update(job.id, { status: 'failed', error: 'late' }), false, 'a finished job is not changed');
        assert.equal((await store.jobs.get(job.id))?.status, 'done');
        assert.equal(await store.jobs.update(job.id + 100, { status: 'running' }), false, 'an unknown job');
        assert.equal(await store.jobs.get(job.id + 100), undefined);
      });

      it('marks the queued and running jobs failed with a reason, and only those', async () => {
        const store = await fresh();
        const queued = await store.jobs.add('solve', {});
        const running = await store.jobs.add('solve', {});
        const cancelled = await store.jobs.add('replan', {});
        await store.jobs.update(running.id, { status: 'running' });
        await store.jobs.update(cancelled.id, { status: 'cancelled' });
        assert.equal(await store.jobs.failUnfinished('interrupted'), 2);
        for (const id of [queued.id, running.id]) {
          const j = await store.jobs.get(id);
          assert.deepEqual([j?.status, j?.error], ['failed', 'interrupted']);
        }
        assert.equal((await store.jobs.get(cancelled.id))?.status, 'cancelled');
        assert.equal(await store.jobs.failUnfinished('again'), 0);
      });
    });

    describe('transactions', () => {
      it('commits every write of the body and resolves with its result', async () => {
        const { store, scenarioId } = await seeded();
        const id = await store.transaction(async (tx) => {
          const p = await tx.plans.add(plan(scenarioId, 'h'), '{}');
          await tx.plans.publish(p.id);
          assert.equal((await tx.plans.published())?.planId, p.id, 'the body sees its own writes');
          await tx.reports.submit('r', 'e', '1', { outputs: { grain: 1 } });
          return p.id;
        });
        assert.equal((await store.plans.published())?.planId, id);
        assert.equal(await store.reports.count(), 1);
      });

      it('leaves nothing of a body that throws, and rejects with its error', async () => {
        const { store, scenarioId } = await seeded();
        const before = await store.plans.add(plan(scenarioId, 'h0'), '{}');
        await store.plans.publish(before.id);
        await store.tokens.add('keep', 'planner', null, 'old');
        const boom = new Error('boom');
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.models.add('m', 'M2', 'y', 'yaml');
            const p = await tx.plans.add(plan(scenarioId, 'h1'), '{}');
            await tx.plans.publish(p.id);
            await tx.enterprises.add('g', 'G');
            await tx.tokens.add('new', 'planner', null, 'new');
            await tx.tokens.removeLabelled('old');
            await tx.reports.submit('r', 'e', '1', { outputs: { grain: 5 } });
            await tx.alerts.add({ enterprise: 'e', period: '1', item: 'grain', kind: 'over-delivery', level: 'warning', planned: 1, actual: 5, deviation: 4, message: 'm', reportId: 'r' });
            const j = await tx.jobs.add('solve', {});
            await tx.jobs.update(j.id, { status: 'done', planId: p.id });
            await tx.scenarios.add('m', 1, 'extra', []);
            throw boom;
          }),
          (err) => err === boom,
        );
        assert.equal(await store.models.count(), 1);
        assert.deepEqual(
          (await store.plans.list()).map((p) => p.id),
          [before.id],
        );
        assert.equal((await store.plans.published())?.planId, before.id);
        assert.equal(await store.enterprises.get('g'), undefined);
        assert.equal(await store.tokens.find('new'), undefined);
        assert.notEqual(await store.tokens.find('keep'), undefined);
        assert.equal(await store.reports.count(), 0);
        assert.equal((await store.reports.totals('e', '1')).outputs.size, 0);
        assert.deepEqual(await store.alerts.list(), []);
        assert.equal(await store.jobs.failUnfinished('x'), 0);
        assert.equal((await store.scenarios.list()).length, 1);
      });

      it('undoes only a failed savepoint; the rest of the transaction commits', async () => {
        const { store } = await seeded();
        const outcomes = await store.transaction(async (tx) => {
          const first = await tx.reports.submit('r1', 'e', '1', { outputs: { grain: 1 } });
          await assert.rejects(
            tx.savepoint(async (sp) => {
              await sp.reports.submit('r2', 'e', '1', { outputs: { grain: 2 } });
              throw new Error('undo r2');
            }),
            /undo r2/,
          );
          const third = await tx.savepoint(async (sp) => sp.reports.submit('r3', 'e', '1', { outputs: { grain: 4 } }));
          return [first.kind, third.kind];
        });
        assert.deepEqual(outcomes, ['created', 'created']);
        assert.deepEqual(
          (await store.reports.list()).map((r) => r.reportId),
          ['r1', 'r3'],
        );
        assert.deepEqual([...(await store.reports.totals('e', '1')).outputs], [['grain', 5]]);
      });

      it('undoes a released savepoint too when the transaction throws', async () => {
        const { store } = await seeded();
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.savepoint(async (sp) => sp.reports.submit('r1', 'e', '1', {}));
            throw new Error('no');
          }),
        );
        assert.equal(await store.reports.count(), 0);
      });

      it('refuses calls through a transaction once it has ended', async () => {
        const store = await fresh();
        let kept: Parameters<Parameters<PlentyStore['transaction']>[0]>[0] | undefined;
        await store.transaction(async (tx) => {
          kept = tx;
          return Promise.resolve();
        });
        assert.ok(kept !== undefined);
        await assert.rejects(kept.enterprises.add('late', 'Late'));
        assert.equal(await store.enterprises.get('late'), undefined);
      });

      it('shows no uncommitted write to an operation started while the transaction is open', async () => {
        const store = await fresh();
        let written!: () => void;
        const wrote = new Promise<void>((resolve) => (written = resolve));
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const first = store.transaction(async (tx) => {
          await tx.enterprises.add('a', 'A');
          written();
          await gate;
          throw new Error('roll back');
        });
        await wrote;
        const seenOutside = store.enterprises.get('a');
        const seenByOther = store.transaction(async (tx) => tx.enterprises.get('a'));
        setImmediate(release);
        await assert.rejects(first, /roll back/);
        assert.equal(await seenOutside, undefined);
        assert.equal(await seenByOther, undefined);
        assert.equal(await store.enterprises.get('a'), undefined);
      });

      it('commits concurrent transactions each whole', async () => {
        const store = await fresh();
        await store.enterprises.add('e', 'E');
        const results = await Promise.allSettled(
          [0, 1, 2, 3, 4, 5].map((k) =>
            store.transaction(async (tx) => {
              await tx.models.add('m', `M${k}`, `t${k}`, 'yaml');
              await tx.reports.submit(`r${k}`, 'e', '1', { outputs: { grain: k } });
              await new Promise((resolve) => setImmediate(resolve));
              if (k % 2 === 1) throw new Error(`odd ${k}`);
              await tx.jobs.add('solve', { k });
              return k;
            }),
          ),
        );
        assert.deepEqual(
          results.map((r) => r.status),
          ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected'],
        );
        const models = await store.models.list();
        assert.equal(models[0].version, 3, 'three model versions, numbered without gaps');
        assert.deepEqual((await store.reports.list()).map((r) => r.reportId).sort(), ['r0', 'r2', 'r4']);
        assert.deepEqual([...(await store.reports.totals('e', '1')).outputs], [['grain', 6]]);
        assert.equal(await store.jobs.failUnfinished('count'), 3);
      });
    });
  });
}
