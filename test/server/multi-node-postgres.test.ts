import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { repoRoot } from '../helpers/paths.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';
import { seededRandom } from '../helpers/random.js';
import { WORKS_MODEL } from './works-model.js';

/*
 * Two API nodes (`plenty serve --store postgres://…`, child processes on real ports) on one
 * PostgreSQL database: a plan published through one is the other's at its next request; a burst
 * of reports from three enterprises, every report sent to both nodes on purpose, one node
 * SIGKILLed in the middle of it; then, through the survivor and the database: every acknowledged
 * report stored exactly once (one `created` answer at most), the running totals the sums of the
 * stored reports, each report's alerts raised once and one current alert per item equal to its
 * total.
 */

const PLANNER = 'planner-token-for-multi-node-tests';
/** What each enterprise reports: its output, and its input of steel for the bolt works. */
const REPORTS_OF: Record<string, { readonly outputs: readonly string[]; readonly inputs: readonly string[] }> = {
  'steel-mill': { outputs: ['steel'], inputs: [] },
  'bolt-works': { outputs: ['bolt'], inputs: ['steel'] },
  'nut-works': { outputs: ['nut'], inputs: [] },
};
const PER_ENTERPRISE = 40;

interface Answer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface Node {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
  call(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<Answer>;
}

/** `plenty serve --port 0 --store <url>`, once it says where it listens. */
async function serve(name: string, store: string): Promise<Node> {
  const env: NodeJS.ProcessEnv = { ...process.env, PLENTY_PLANNER_TOKEN: PLANNER };
  delete env.PLENTY_STORE;
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', '0', '--store', store], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = (await lines[Symbol.asyncIterator]().next()).value as string | undefined;
  lines.on('line', () => undefined);
  assert.match(first ?? '', /^listening on http:\/\/127\.0\.0\.1:\d+$/, stderr);
  const url = (first ?? '').slice('listening on '.length);
  return {
    name,
    child,
    exited,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${o.token ?? PLANNER}` };
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, { method, headers, ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }) });
      const text = await res.text();
      return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
  };
}

/** Solves a scenario on `node` and waits for its plan's id. */
async function solve(node: Node, scenario: number): Promise<number> {
  const started = await node.call('POST', `/api/scenarios/${scenario}/solve`, { body: {} });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  let job = await node.call('GET', `/api/jobs/${started.body.jobId}`);
  for (let k = 0; k < 1200 && (job.body.status === 'queued' || job.body.status === 'running'); k++) {
    await new Promise((r) => setTimeout(r, 50));
    job = await node.call('GET', `/api/jobs/${started.body.jobId}`);
  }
  assert.equal(job.body.status, 'done', JSON.stringify(job.body));
  return job.body.result.planId as number;
}

/** bolt_shop's activity in period 1 as the enterprise plan of `node` shows it, with the plan's id. */
async function boltPlanOn(node: Node): Promise<{ planId: number; activity: number }> {
  const p = await node.call('GET', '/api/enterprises/bolt-works/plan');
  assert.equal(p.status, 200, JSON.stringify(p.body));
  const t = (p.body.techniques as { technique: string; period: string; activity: number }[]).find((x) => x.technique === 'bolt_shop' && x.period === '1');
  assert.ok(t !== undefined, JSON.stringify(p.body.techniques));
  const activity = t.activity;
  return { planId: p.body.planId as number, activity };
}

describe('two API nodes on one PostgreSQL, one SIGKILLed in a burst of reports', () => {
  let db: TestDatabase;
  let a: Node;
  let b: Node;
  before(async () => {
    db = await testDatabase();
    [a, b] = await Promise.all([serve('A', db.url), serve('B', db.url)]);
  });
  after(async () => {
    for (const n of [a, b]) if (n !== undefined && n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await db.drop();
  });

  test('a plan published through one node is the other\'s at once; every acknowledged report stored once, totals and alerts agree', async (t) => {
    // Two plans: the model's, and one with twice the bolts.
    assert.equal((await a.call('POST', '/api/models', { body: { format: 'yaml', text: WORKS_MODEL, id: 'works' } })).status, 201);
    const s1 = await a.call('POST', '/api/scenarios', { body: { modelId: 'works', name: 'base', overrides: [] } });
    const s2 = await b.call('POST', '/api/scenarios', { body: { modelId: 'works', name: 'more bolts', overrides: [{ kind: 'target', product: 'bolt', factor: 2 }] } });
    assert.equal(s1.status, 201, JSON.stringify(s1.body));
    assert.equal(s2.status, 201, JSON.stringify(s2.body));
    const [plan1, plan2] = await Promise.all([solve(a, s1.body.id as number), solve(b, s2.body.id as number)]);

    const tokens = new Map<string, string>();
    for (const [k, enterprise] of Object.keys(REPORTS_OF).entries()) {
      const r = await [a, b][k % 2].call('POST', '/api/enterprises', { body: { id: enterprise } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      tokens.set(enterprise, r.body.token as string);
    }

    // Published through A, read through B at once (and the other way), each node having kept the previous plan.
    assert.equal((await a.call('POST', `/api/plans/${plan1}/publish`)).status, 200);
    const onB1 = await boltPlanOn(b);
    assert.equal(onB1.planId, plan1);
    assert.equal((await a.call('GET', '/api/published')).body.planId, plan1);
    assert.equal((await b.call('POST', `/api/plans/${plan2}/publish`)).status, 200);
    const onA2 = await boltPlanOn(a);
    assert.equal(onA2.planId, plan2, 'A sees the plan published through B at its next request');
    assert.equal((await b.call('GET', '/api/published')).body.planId, plan2);
    const onB2 = await boltPlanOn(b);
    assert.equal(onB2.planId, plan2, 'B no longer answers from the plan it kept');
    // Labour binds: 3 per set of a bolt and a nut makes 100/3 bolts; 2 × 2 + 1 per set with twice the bolts, 2 × 100/5.
    assert.ok(Math.abs(onB1.activity - 100 / 3) < 1e-6, String(onB1.activity));
    assert.ok(Math.abs(onA2.activity - 40) < 1e-6, String(onA2.activity));
    assert.equal(onB2.activity, onA2.activity);

    // The burst: every report to both nodes, in a seeded order, 24 requests in flight.
    const random = seededRandom(1913);
    const amount = (): number => Math.round(random() * 1e4) / 1e3;
    const reports: { enterprise: string; reportId: string; period: string; outputs: Record<string, number>; inputs: Record<string, number> }[] = [];
    for (const enterprise of Object.keys(REPORTS_OF)) {
      for (let k = 0; k < PER_ENTERPRISE; k++) {
        const what = REPORTS_OF[enterprise];
        reports.push({
          enterprise,
          reportId: `r-${k}`, // the same ids for every enterprise: unique per enterprise only
          period: k % 2 === 0 ? '1' : '2',
          outputs: Object.fromEntries(what.outputs.map((i) => [i, amount()])),
          inputs: Object.fromEntries(what.inputs.map((i) => [i, amount()])),
        });
      }
    }
    const requests = reports.flatMap((r, k) => (random() < 0.5 ? [[r, a], [r, b]] : [[r, b], [r, a]]).map(([report, node]) => ({ report: report as (typeof reports)[number], node: node as Node, k })));
    const answers: { key: string; node: string; status: number | 'error' }[] = [];
    let next = 0;
    const killAt = Math.floor(requests.length * 0.4);
    let killed: Promise<unknown> | undefined;
    const worker = async (): Promise<void> => {
      while (next < requests.length) {
        const n = next++;
        if (n === killAt) {
          b.child.kill('SIGKILL');
          killed = b.exited;
        }
        const { report, node } = requests[n];
        const key = `${report.enterprise}/${report.reportId}`;
        try {
          const r = await node.call('POST', '/api/reports', { token: tokens.get(report.enterprise)!, body: report });
          answers.push({ key, node: node.name, status: r.status });
        } catch {
          answers.push({ key, node: node.name, status: 'error' });
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    await killed;
    assert.equal(b.child.signalCode, 'SIGKILL');

    const count = (node: string, ok: boolean): number => answers.filter((x) => x.node === node && (x.status !== 'error') === ok).length;
    t.diagnostic(`A answered ${count('A', true)}; B answered ${count('B', true)}, then ${count('B', false)} failed (killed after ${killAt} of ${requests.length} requests started)`);
    const acknowledged = new Set(answers.filter((x) => x.status === 200 || x.status === 201).map((x) => x.key));
    const created = new Map<string, number>();
    for (const x of answers) if (x.status === 201) created.set(x.key, (created.get(x.key) ?? 0) + 1);
    const refused = answers.filter((x) => typeof x.status === 'number' && x.status !== 200 && x.status !== 201);
    assert.deepEqual(refused, [], 'no report refused (a 409 would be a repeat taken for a conflict)');
    assert.ok(answers.some((x) => x.node === 'B' && x.status === 'error'), 'B died in the burst: some of its requests failed');
    assert.ok(answers.some((x) => x.node === 'B' && x.status !== 'error'), 'B answered some before it died');
    for (const r of reports) assert.ok(acknowledged.has(`${r.enterprise}/${r.reportId}`), `every report was sent to A too: ${r.enterprise}/${r.reportId} acknowledged`);
    for (const [key, n] of created) assert.equal(n, 1, `${key} answered created ${n} times`);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      // Both nodes started at once on an empty database: the built-in examples were loaded once.
      const versions = (await client.query<{ id: string; n: number }>("SELECT id, COUNT(*)::int AS n FROM models WHERE id <> 'works' GROUP BY id")).rows;
      assert.ok(versions.length > 0);
      assert.deepEqual(versions.filter((v) => v.n !== 1), [], 'one version of each example');

      // Every acknowledged report stored once, with the body sent.
      const stored = (await client.query<{ enterprise: string; report_id: string; period: string; body: string }>('SELECT enterprise, report_id, period, body FROM reports')).rows;
      const storedKeys = stored.map((r) => `${r.enterprise}/${r.report_id}`);
      assert.equal(new Set(storedKeys).size, storedKeys.length, 'no report stored twice');
      assert.deepEqual(new Set(storedKeys), acknowledged, 'the stored reports are exactly the acknowledged ones');
      for (const r of reports) {
        const s = stored.find((x) => x.enterprise === r.enterprise && x.report_id === r.reportId)!;
        const body = JSON.parse(s.body) as typeof r;
        assert.deepEqual([body.period, body.outputs, body.inputs], [r.period, r.outputs, r.inputs]);
      }
      const viaSurvivor = await a.call('GET', '/api/reports');
      assert.equal(viaSurvivor.status, 200);
      assert.deepEqual(new Set((viaSurvivor.body as { enterprise: string; reportId: string }[]).map((x) => `${x.enterprise}/${x.reportId}`)), acknowledged);

      // Running totals: the sums of the stored reports.
      const sums = new Map<string, number>();
      for (const s of stored) {
        const body = JSON.parse(s.body) as { outputs: Record<string, number>; inputs: Record<string, number> };
        for (const [kind, m] of [['output', body.outputs], ['input', body.inputs]] as const) {
          for (const [item, v] of Object.entries(m)) sums.set(`${s.enterprise}/${s.period}/${kind}/${item}`, (sums.get(`${s.enterprise}/${s.period}/${kind}/${item}`) ?? 0) + v);
        }
      }
      const totals = (await client.query<{ enterprise: string; period: string; kind: string; item: string; amount: number }>('SELECT enterprise, period, kind, item, amount FROM report_totals')).rows;
      assert.equal(totals.length, sums.size);
      for (const t of totals) {
        const want = sums.get(`${t.enterprise}/${t.period}/${t.kind}/${t.item}`);
        assert.ok(want !== undefined && Math.abs(t.amount - want) <= 1e-9 * Math.max(1, want), `${t.enterprise}/${t.period}/${t.kind}/${t.item}: total ${t.amount}, stored reports sum to ${want}`);
      }

      // Alerts: each stored report raised one per item it names, once; one current alert per
      // enterprise, period, item and side, whose actual is the item's total (the reports were
      // taken one after another across both nodes).
      const alerts = (await client.query<{ enterprise: string; period: string; item: string; kind: string; actual: number; report_id: string; superseded: boolean }>('SELECT enterprise, period, item, kind, actual, report_id, superseded FROM alerts')).rows;
      const side = (kind: string): string => (kind.startsWith('input') ? 'input' : 'output');
      const perReport = new Map<string, number>();
      for (const x of alerts) {
        const k = `${x.enterprise}/${x.report_id}/${side(x.kind)}/${x.item}`;
        perReport.set(k, (perReport.get(k) ?? 0) + 1);
      }
      for (const [k, n] of perReport) assert.equal(n, 1, `alert ${k} raised ${n} times`);
      for (const s of stored) {
        const body = JSON.parse(s.body) as { outputs: Record<string, number>; inputs: Record<string, number> };
        const named = Object.keys(body.outputs).length + Object.keys(body.inputs).length;
        assert.equal(alerts.filter((x) => x.enterprise === s.enterprise && x.report_id === s.report_id).length, named, `alerts of ${s.enterprise}/${s.report_id}`);
      }
      const current = alerts.filter((x) => !x.superseded);
      const currentKeys = current.map((x) => `${x.enterprise}/${x.period}/${side(x.kind)}/${x.item}`);
      assert.equal(new Set(currentKeys).size, currentKeys.length, 'one current alert per enterprise, period, item and side');
      assert.equal(current.length, totals.length);
      for (const x of current) {
        const want = sums.get(`${x.enterprise}/${x.period}/${side(x.kind)}/${x.item}`)!;
        assert.ok(Math.abs(x.actual - want) <= 1e-9 * Math.max(1, want), `current alert of ${x.enterprise}/${x.period}/${x.item}: actual ${x.actual}, total ${want}`);
      }
      const viaSurvivorAlerts = await a.call('GET', '/api/alerts?superseded=all');
      assert.equal(viaSurvivorAlerts.status, 200);
      assert.equal((viaSurvivorAlerts.body as unknown[]).length, alerts.length);

      // The survivor still publishes, and reads the publication.
      assert.equal((await a.call('POST', `/api/plans/${plan1}/publish`)).status, 200);
      assert.equal((await boltPlanOn(a)).planId, plan1);
    } finally {
      await client.end();
    }
  });
});
