import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { publishPlan } from '../../bench/service/replan-latency.js';
import { requestJson } from '../../bench/service/request-json.js';
import { sampleEnterprises, sampleReport, type ReportBody } from '../../bench/service/sample-report.js';
import { startServer, type RunningServer } from '../../bench/service/start-server.js';
import { repoRoot } from '../helpers/paths.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';
import { seededRandom } from '../helpers/random.js';

/**
 * Crash test of the report store: a burst of idempotent report submissions from concurrent
 * clients, the server SIGKILLed in the middle, restarted on the same data folder. Every report
 * acknowledged (2xx) before the kill must be there exactly once, retries must not count twice, and
 * the store must open again cleanly (twice: its migrations are idempotent).
 *
 * The same suite runs on the planning service with SQLite and with PostgreSQL (`--store
 * postgres://…`, the same database across the restarts; its rows and running totals checked in
 * PostgreSQL at the end), and on the benchmark's reference server (fastify and SQLite alone), which
 * checks the harness itself.
 */

const clients = 8;
const reportsPerClient = 250;
const requestTimeoutMs = 5000;

interface Target {
  readonly name: string;
  /** A reason to skip, or false. */
  readonly skip: string | false;
  /** Reports raise alerts (`GET /api/alerts`). */
  readonly alerts: boolean;
  /** The server is killed once this many submissions have been acknowledged. */
  readonly killAfter: number;
  start(dataDir: string): Promise<RunningServer>;
  /**
   * Checks the store's own rows after the third start (the `prefix` reports: `count` of them, each
   * once). Default: the SQLite files in the data folder.
   */
  checkStore?(dataDir: string, prefix: string, count: number): Promise<void>;
  /** The token each client uses (undefined: none); also the planner's token for reading back. */
  tokens(server: RunningServer): Promise<{ planner: string | undefined; clients: (string | undefined)[]; enterprises: string[] }>;
}

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const plannerToken = `crash-test-${randomBytes(12).toString('hex')}`;

const service: Target = {
  name: 'the planning service, with the 1930 plan published',
  alerts: true,
  // Each report is checked against the plan and raises alerts (a few ms each): a shorter burst.
  killAfter: 300,
  skip: existsSync(join(repoRoot, 'src', 'cli', 'commands', 'serve.ts')) ? false : 'the planning service (plenty serve) is not in this tree yet',
  start: (dataDir) =>
    startServer({ args: [cli, 'serve', '--port', '0', '--data', dataDir], env: { PLENTY_PLANNER_TOKEN: plannerToken }, cwd: repoRoot }),
  async tokens(server) {
    // With a published plan, each report is checked against it and its alerts are written in
    // the report's transaction: the crash must leave neither half.
    await publishPlan(server.url, plannerToken);
    const enterprises = sampleEnterprises.slice(0, 4);
    const tokens: string[] = [];
    for (const e of enterprises) {
      const res = await requestJson(server.url, '/api/enterprises', { token: plannerToken, body: { id: e.id, name: e.id } });
      assert.equal(res.status, 201, `POST /api/enterprises ${e.id}: ${JSON.stringify(res.body)}`);
      const token = (res.body as { token?: unknown }).token;
      assert.equal(typeof token, 'string');
      tokens.push(token as string);
    }
    return {
      planner: plannerToken,
      clients: Array.from({ length: clients }, (_, c) => tokens[c % tokens.length]),
      enterprises: Array.from({ length: clients }, (_, c) => enterprises[c % enterprises.length].id),
    };
  },
};

/** The PostgreSQL database of each crash run (by its data folder): the same one across the restarts. */
const databases = new Map<string, TestDatabase>();
after(async () => {
  for (const db of databases.values()) await db.drop();
});
async function databaseOf(dataDir: string): Promise<TestDatabase> {
  let db = databases.get(dataDir);
  if (db === undefined) databases.set(dataDir, (db = await testDatabase()));
  return db;
}

const servicePostgres: Target = {
  ...service,
  name: 'the planning service on PostgreSQL, with the 1930 plan published',
  start: async (dataDir) =>
    startServer({ args: [cli, 'serve', '--port', '0', '--store', (await databaseOf(dataDir)).url], env: { PLENTY_PLANNER_TOKEN: plannerToken }, cwd: repoRoot }),
  async checkStore(dataDir, prefix, count) {
    const client = new pg.Client({ connectionString: (await databaseOf(dataDir)).url });
    await client.connect();
    try {
      const rows = await client.query<{ id: string; enterprise: string; period: string; body: string }>('SELECT report_id AS id, enterprise, period, body FROM reports WHERE report_id LIKE $1', [`${prefix}%`]);
      assert.equal(rows.rows.length, count, 'reports rows of this run: the stored ids and the one sent after the restart');
      assert.equal(new Set(rows.rows.map((r) => r.id)).size, count, 'no report_id twice in the table');
      const orphans = await client.query('SELECT id FROM alerts a WHERE report_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.enterprise = a.enterprise AND r.report_id = a.report_id)');
      assert.deepEqual(orphans.rows, [], 'an alert without its report');
      assert.equal((await client.query('SELECT version FROM plenty_schema_version')).rows.length, 1, 'three starts leave one schema version row');
      // The running totals were written in their reports' transactions: each report counted once.
      const sums = new Map<string, number>();
      for (const r of (await client.query<{ enterprise: string; period: string; body: string }>('SELECT enterprise, period, body FROM reports')).rows) {
        const outputs = (JSON.parse(r.body) as { outputs?: Record<string, number> }).outputs ?? {};
        for (const [item, v] of Object.entries(outputs)) sums.set(`${r.enterprise}/${r.period}/${item}`, (sums.get(`${r.enterprise}/${r.period}/${item}`) ?? 0) + v);
      }
      const totals = await client.query<{ enterprise: string; period: string; item: string; amount: number }>("SELECT enterprise, period, item, amount FROM report_totals WHERE kind = 'output'");
      assert.equal(totals.rows.length, sums.size, 'a running total per enterprise, period and item reported');
      for (const t of totals.rows) {
        const sum = sums.get(`${t.enterprise}/${t.period}/${t.item}`) ?? Number.NaN;
        assert.ok(Math.abs(t.amount - sum) <= 1e-9 * Math.max(1, Math.abs(sum)), `total of ${t.enterprise}/${t.period}/${t.item}: ${t.amount}, reports sum to ${sum}`);
      }
    } finally {
      await client.end();
    }
  },
};

const reference: Target = {
  name: 'the reference server (fastify and SQLite alone)',
  alerts: false,
  killAfter: 600,
  skip: false,
  start: (dataDir) => startServer({ args: [join(repoRoot, 'dist', 'bench', 'service', 'reference-server.js'), '--port', '0', '--data', dataDir] }),
  tokens: () =>
    Promise.resolve({
      planner: undefined,
      clients: Array.from({ length: clients }, () => undefined),
      enterprises: Array.from({ length: clients }, (_, c) => sampleEnterprises[c % sampleEnterprises.length].id),
    }),
};

/** What the clients saw of the burst. */
interface Burst {
  /** Acknowledged before the kill: reportId → the body sent. */
  readonly acknowledged: Map<string, ReportBody>;
  /** Ids sent a second time (after their acknowledgement, or concurrently with the first send). */
  readonly retried: Set<string>;
  /** Every id sent at least once. */
  readonly sent: Set<string>;
  /** Unexpected answers: `id status body`. */
  readonly unexpected: string[];
  /** Pairs sent concurrently that both came back 201 (a double insert). */
  readonly doubleCreated: string[];
  networkFailures: number;
}

const acknowledged = (status: number): boolean => status === 200 || status === 201;

async function burst(server: RunningServer, tokens: (string | undefined)[], enterpriseIds: string[], seed: number, killAfter: number): Promise<Burst> {
  const result: Burst = { acknowledged: new Map(), retried: new Set(), sent: new Set(), unexpected: [], doubleCreated: [], networkFailures: 0 };
  let killed = false;
  const kill = (): void => {
    if (killed) return;
    killed = true;
    server.child.kill('SIGKILL');
  };
  const send = async (token: string | undefined, body: ReportBody): Promise<number | undefined> => {
    result.sent.add(body.reportId);
    try {
      const res = await requestJson(server.url, '/api/reports', { token, body, signal: AbortSignal.timeout(requestTimeoutMs) });
      if (acknowledged(res.status)) {
        result.acknowledged.set(body.reportId, body);
        if (result.acknowledged.size >= killAfter) kill();
      } else {
        result.unexpected.push(`${body.reportId} ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
      return res.status;
    } catch {
      result.networkFailures += 1;
      return undefined;
    }
  };
  const client = async (c: number): Promise<void> => {
    const random = seededRandom(seed * 1000 + c);
    const enterprise = sampleEnterprises.find((e) => e.id === enterpriseIds[c]) ?? sampleEnterprises[0];
    for (let i = 0; i < reportsPerClient && !killed; i++) {
      const body = sampleReport(`crash-${seed}-c${c}-r${i}`, enterprise, String(1930 + (i % 4)), Math.round(1 + random() * 999));
      if (i % 7 === 3) {
        // The same report twice at once, as a client that timed out and resent would.
        result.retried.add(body.reportId);
        const [a, b] = await Promise.all([send(tokens[c], body), send(tokens[c], body)]);
        if (a === 201 && b === 201) result.doubleCreated.push(body.reportId);
        if (a === undefined || b === undefined) return;
        continue;
      }
      const first = await send(tokens[c], body);
      if (first === undefined) return;
      if (i % 5 === 1 && acknowledged(first)) {
        // A retry after the acknowledgement (its answer was lost, say): 200, same body.
        result.retried.add(body.reportId);
        const again = await send(tokens[c], body);
        if (again === undefined) return;
        if (again !== 200) result.unexpected.push(`${body.reportId} retried: ${again} (expected 200)`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  kill();
  await server.exited;
  return result;
}

/** A stored report: the body's fields at the top (reference server) or under `body` (the service). */
interface StoredReport {
  readonly reportId: string;
  readonly outputs?: Record<string, number>;
  readonly body?: { readonly outputs?: Record<string, number> };
}

/** The reports of `GET /api/reports`, as an array or under `reports`/`items`. */
function storedReports(body: unknown): StoredReport[] {
  const list = Array.isArray(body) ? body : ((body as { reports?: unknown; items?: unknown }).reports ?? (body as { items?: unknown }).items);
  assert.ok(Array.isArray(list), `GET /api/reports answered ${JSON.stringify(body).slice(0, 300)}`);
  for (const r of list) assert.equal(typeof (r as { reportId?: unknown }).reportId, 'string', `a report without a reportId: ${JSON.stringify(r)}`);
  return list as StoredReport[];
}

async function readBack(server: RunningServer, planner: string | undefined, prefix: string): Promise<StoredReport[]> {
  const res = await requestJson(server.url, '/api/reports', { token: planner, signal: AbortSignal.timeout(requestTimeoutMs * 2) });
  assert.equal(res.status, 200, `GET /api/reports: ${JSON.stringify(res.body).slice(0, 300)}`);
  return storedReports(res.body).filter((r) => r.reportId.startsWith(prefix));
}

/** The SQLite files in a folder (by their header), at any depth. */
function sqliteFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) found.push(...sqliteFiles(path));
    else if (stat.size >= 100) {
      const header = Buffer.alloc(16);
      const fd = openSync(path, 'r');
      readSync(fd, header, 0, 16, 0);
      closeSync(fd);
      if (header.toString('latin1') === 'SQLite format 3\0') found.push(path);
    }
  }
  return found;
}

function crashSuite(target: Target, seed: number): void {
  describe(`crash test: ${target.name}`, { skip: target.skip, timeout: 60_000 }, () => {
    test('every report acknowledged before a SIGKILL is stored exactly once after the restart', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'plenty-crash-'));
      const running: RunningServer[] = [];
      try {
        const first = await target.start(dataDir);
        running.push(first);
        const { planner, clients: tokens, enterprises } = await target.tokens(first);
        const seen = await burst(first, tokens, enterprises, seed, target.killAfter);

        // The kill came in the middle of the burst, after killAfter acknowledgements.
        assert.ok(seen.acknowledged.size >= target.killAfter, `only ${seen.acknowledged.size} acknowledged`);
        assert.ok(seen.sent.size < clients * reportsPerClient, 'the burst ended before the kill');
        assert.deepEqual(seen.unexpected, [], 'every answer before the kill is 201 or 200');
        assert.deepEqual(seen.doubleCreated, [], 'two concurrent sends of one report both answered 201');
        assert.ok(seen.retried.size > 50);

        const prefix = `crash-${seed}-`;
        const second = await target.start(dataDir);
        running.push(second);
        const stored = await readBack(second, planner, prefix);
        const ids = stored.map((r) => r.reportId);
        const distinct = new Set(ids);
        assert.equal(ids.length, distinct.size, 'no report is stored twice');
        const missing = [...seen.acknowledged.keys()].filter((id) => !distinct.has(id));
        assert.deepEqual(missing.slice(0, 10), [], `${missing.length} acknowledged reports are missing`);
        for (const id of distinct) assert.ok(seen.sent.has(id), `a report never sent: ${id}`);
        // Unacknowledged reports may or may not have landed, but no more than were in flight.
        assert.ok(distinct.size <= seen.acknowledged.size + 2 * clients, `${distinct.size} stored, ${seen.acknowledged.size} acknowledged`);
        for (const r of stored) {
          const sent = seen.acknowledged.get(r.reportId);
          const outputs = r.outputs ?? r.body?.outputs;
          if (sent !== undefined) assert.deepEqual(outputs, sent.outputs, `outputs of ${r.reportId}`);
        }
        if (target.alerts) {
          // Alerts are written in their report's transaction: every one names a stored report.
          const res = await requestJson(second.url, '/api/alerts', { token: planner, signal: AbortSignal.timeout(requestTimeoutMs * 2) });
          assert.equal(res.status, 200, `GET /api/alerts: ${JSON.stringify(res.body).slice(0, 300)}`);
          const alerts = (res.body as { reportId?: string | null }[]).filter((a) => typeof a.reportId === 'string' && a.reportId.startsWith(prefix));
          assert.ok(alerts.length > 0, 'the reports raised alerts');
          for (const a of alerts) assert.ok(distinct.has(a.reportId as string), `an alert of a report that is not stored: ${a.reportId}`);
        }
        const retriedStored = ids.filter((id) => seen.retried.has(id));
        assert.equal(retriedStored.length, new Set(retriedStored).size, 'a retried report is counted once');

        // Idempotence holds across the restart: an acknowledged report sent again is a 200 and
        // adds nothing; a new one is a 201.
        const again = [...seen.acknowledged.values()].find((r) => r.reportId.startsWith(`${prefix}c0-`));
        assert.ok(again !== undefined, 'client 0 had a report acknowledged');
        const resent = await requestJson(second.url, '/api/reports', { token: tokens[0], body: again });
        assert.equal(resent.status, 200, `resending ${again.reportId}: ${JSON.stringify(resent.body)}`);
        const c0 = sampleEnterprises.find((e) => e.id === enterprises[0]) ?? sampleEnterprises[0];
        const fresh = await requestJson(second.url, '/api/reports', { token: tokens[0], body: sampleReport(`${prefix}after`, c0, '1931', 5) });
        assert.equal(fresh.status, 201, `a new report after the restart: ${JSON.stringify(fresh.body)}`);

        // A clean stop and a third start on the same store: the migrations run again harmlessly.
        await second.stop('SIGTERM');
        const third = await target.start(dataDir);
        running.push(third);
        const storedAgain = await readBack(third, planner, prefix);
        assert.equal(storedAgain.length, distinct.size + 1);
        await third.stop('SIGTERM');

        if (target.checkStore !== undefined) {
          await target.checkStore(dataDir, prefix, distinct.size + 1);
          return;
        }
        const files = sqliteFiles(dataDir);
        assert.ok(files.length > 0, 'the data folder holds a SQLite database');
        for (const file of files) {
          const db = new Database(file, { readonly: true, fileMustExist: true });
          try {
            assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `integrity of ${file}`);
            assert.deepEqual(db.pragma('foreign_key_check'), [], `foreign keys of ${file} (an alert without its report, say)`);
            // The rows themselves, not through the API: one per distinct id, the same ids.
            const rows = db.prepare('SELECT report_id AS id FROM reports WHERE report_id LIKE ?').all(`${prefix}%`) as { id: string }[];
            assert.equal(rows.length, distinct.size + 1, 'reports rows of this run: the stored ids and the one sent after the restart');
            assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'no report_id twice in the table');
            const versioned = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
            if (versioned !== undefined) {
              const rows = db.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number };
              assert.equal(rows.n, 1, 'three starts leave one schema version row');
            }
          } finally {
            db.close();
          }
        }
      } finally {
        for (const s of running) await s.stop('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}

crashSuite(reference, 1);
crashSuite(service, 2);
crashSuite(servicePostgres, 3);
