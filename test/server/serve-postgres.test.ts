import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { repoRoot } from '../helpers/paths.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';
import { WORKS_MODEL } from './works-model.js';

/** Labour per set: 1.5 + 0.5 × 1 (steel) + 1 = 3, so 100/3 sets a year. */
const SETS = 100 / 3;
const PLANNER = 'planner-token-for-postgres-tests';

interface Node {
  readonly url: string;
  readonly child: ChildProcess;
  call(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** `plenty serve --port 0 --store <url>`, once it says where it listens. */
async function serve(store: string): Promise<Node> {
  const env: NodeJS.ProcessEnv = { ...process.env, PLENTY_PLANNER_TOKEN: PLANNER };
  delete env.PLENTY_STORE;
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', '0', '--store', store], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next()).value as string | undefined;
  assert.match(first ?? '', /^listening on http:\/\/127\.0\.0\.1:\d+$/, stderr);
  const url = (first ?? '').slice('listening on '.length);
  return {
    url,
    child,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${o.token ?? PLANNER}` };
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, { method, headers, ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }) });
      const text = await res.text();
      return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
  };
}

async function stop(node: Node): Promise<number | null> {
  if (node.child.exitCode !== null) return node.child.exitCode;
  const exit = new Promise<number | null>((resolve) => node.child.once('exit', (code) => resolve(code)));
  node.child.kill('SIGTERM');
  return exit;
}

describe('plenty serve --store postgres://…: two nodes on one database', () => {
  let db: TestDatabase;
  let a: Node;
  let b: Node;
  before(async () => {
    db = await testDatabase();
    // Both nodes at once on an empty database: the schema is migrated once (advisory lock).
    [a, b] = await Promise.all([serve(db.url), serve(db.url)]);
  });
  after(async () => {
    for (const n of [a, b]) if (n !== undefined && n.child.exitCode === null) n.child.kill('SIGKILL');
    await db.drop();
  });

  test('upload → scenario → solve → publish on one node; an enterprise reports to the other; fulfilment and alerts agree on both', async () => {
    const upload = await a.call('POST', '/api/models', { body: { format: 'yaml', text: WORKS_MODEL, id: 'works' } });
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const scenario = await a.call('POST', '/api/scenarios', { body: { modelId: 'works', name: 'base' } });
    assert.equal(scenario.status, 201, JSON.stringify(scenario.body));
    const started = await a.call('POST', `/api/scenarios/${scenario.body.id}/solve`, { body: {} });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    let job = await a.call('GET', `/api/jobs/${started.body.jobId}`);
    for (let k = 0; k < 600 && (job.body.status === 'queued' || job.body.status === 'running'); k++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await a.call('GET', `/api/jobs/${started.body.jobId}`);
    }
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    const planId = job.body.result.planId as number;
    assert.equal((await a.call('POST', `/api/plans/${planId}/publish`)).status, 200);
    assert.equal((await b.call('GET', '/api/published')).body.planId, planId, 'the other node sees the publication at once');

    const enterprise = await b.call('POST', '/api/enterprises', { body: { id: 'bolt-works' } });
    assert.equal(enterprise.status, 201, JSON.stringify(enterprise.body));
    const token = enterprise.body.token as string;
    const report = { reportId: 'bw-1', enterprise: 'bolt-works', period: '1', outputs: { bolt: 0.6 * SETS }, inputs: { steel: 0.3 * SETS } };
    const created = await b.call('POST', '/api/reports', { token, body: report });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await a.call('POST', '/api/reports', { token, body: report })).status, 200, 'the same report to the other node is a repeat');
    assert.equal((await a.call('POST', '/api/reports', { token, body: { ...report, outputs: { bolt: 1 } } })).status, 409, 'another body under its id is a conflict');

    for (const node of [a, b]) {
      const alerts = await node.call('GET', '/api/alerts', { token });
      const bolt = alerts.body.filter((x: { item: string }) => x.item === 'bolt');
      assert.equal(bolt.length, 1, 'one alert, raised once');
      assert.equal(bolt[0].level, 'critical');
      assert.ok(Math.abs(bolt[0].deviation + 0.4) < 1e-9, String(bolt[0].deviation));
      const f = await node.call('GET', '/api/fulfilment?period=1');
      assert.equal(f.status, 200, JSON.stringify(f.body));
      const row = f.body.enterprises.find((e: { enterprise: string; item: string; kind: string }) => e.enterprise === 'bolt-works' && e.item === 'bolt' && e.kind === 'output');
      assert.ok(Math.abs(row.ratio - 0.6) < 1e-9, String(row.ratio));
      assert.ok(Math.abs(row.planned - SETS) < 1e-6, String(row.planned));
    }

    // What PostgreSQL holds: the report once, its running total, the plan published.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const reports = await client.query('SELECT enterprise, report_id, period FROM reports');
      assert.deepEqual(reports.rows, [{ enterprise: 'bolt-works', report_id: 'bw-1', period: '1' }]);
      const totals = await client.query("SELECT amount FROM report_totals WHERE enterprise = 'bolt-works' AND period = '1' AND kind = 'output' AND item = 'bolt'");
      assert.ok(Math.abs(totals.rows[0].amount - 0.6 * SETS) < 1e-9);
      assert.equal(Number((await client.query('SELECT plan_id FROM published')).rows[0].plan_id), planId);
    } finally {
      await client.end();
    }
    assert.equal(await stop(a), 0);
    assert.equal(await stop(b), 0);
  });
});
