import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { amountText, deviationText } from '../../src/execution/index.js';
import { exampleText, publishModel, startServer, type Answer, type Harness } from './harness.js';

/**
 * The rules of execution over HTTP, on the published 1930 plan: report totals within the
 * magnitude rule, report ids per enterprise, well-formed ids, enterprises the model names, reports
 * of the enterprise's own items only, and alerts (relative thresholds, kinds, people's numbers,
 * one current alert per enterprise, period, item and side).
 */

const STALINGRAD = 'Stalingrad Tractor Works';
const KHARKOV = 'Kharkov Tractor Works';
const ROSTSELMASH = 'Rostselmash';
const DNEPROSTROI = 'Dneprostroi';

interface Task {
  readonly technique: string;
  readonly period: string;
  readonly outputs: Record<string, number>;
  readonly inputs: Record<string, number>;
}

describe('execution rules on the 1930 plan', () => {
  let h: Harness;
  const tokens = new Map<string, string>();
  const post = (enterprise: string, body: Record<string, unknown>): Promise<Answer> => h.call('POST', '/api/reports', { token: tokens.get(enterprise) ?? h.planner, body: { enterprise, ...body } });
  /** The enterprise's planned task of a period (its one technique), from GET /enterprises/:id/plan. */
  const task = async (enterprise: string, period: string): Promise<Task> => {
    const plan = await h.call('GET', `/api/enterprises/${encodeURIComponent(enterprise)}/plan`, { token: tokens.get(enterprise) ?? null });
    assert.equal(plan.status, 200);
    const t = (plan.body.techniques as Task[]).find((x) => x.period === period);
    assert.ok(t !== undefined);
    return t;
  };

  before(async () => {
    h = await startServer();
    await publishModel(h, exampleText('ussr-1930', 'economy.yaml'), 'ussr-1930');
    for (const id of [STALINGRAD, KHARKOV, ROSTSELMASH, DNEPROSTROI]) {
      const a = await h.call('POST', '/api/enterprises', { body: { id } });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      tokens.set(id, a.body.token);
    }
  });
  after(async () => h.close());

  test('an amount beyond 1e30 is a 400 at its path; a report that takes a running total beyond it is a 422 and nothing of it is stored', async () => {
    const key = 'tractor@north_caucasus';
    const huge = await post(STALINGRAD, { reportId: 'huge-1', period: '1931', outputs: { [key]: 1e308 } });
    assert.equal(huge.status, 400);
    assert.deepEqual(huge.body.error.issues[0].path, ['body', 'outputs', key]);
    assert.equal(huge.body.error.issues[0].value, 1e308);
    assert.equal((await post(STALINGRAD, { reportId: 'big-1', period: '1931', outputs: { [key]: 6e29 } })).status, 201);
    const reports = (await h.store.reports.count());
    const alerts = (await h.store.alerts.list({})).length;
    const over = await post(STALINGRAD, { reportId: 'big-2', period: '1931', outputs: { [key]: 6e29 } });
    assert.equal(over.status, 422, JSON.stringify(over.body));
    const issue = over.body.error.issues[0];
    assert.deepEqual(issue.path, ['body', 'outputs', key]);
    assert.equal(issue.value, 6e29);
    assert.equal(issue.code, 'too-large');
    assert.match(issue.message, /tractor@north_caucasus/);
    assert.match(issue.message, /1\.2e30/);
    assert.equal((await h.store.reports.count()), reports, 'the refused report is not stored');
    assert.equal((await h.store.reports.totals(STALINGRAD, '1931')).outputs.get(key), 6e29, 'nor counted in the running total');
    assert.equal((await h.store.alerts.list({})).length, alerts, 'nor did it raise an alert');
    const f = await h.call('GET', '/api/fulfilment');
    assert.equal(f.status, 200);
    const text = JSON.stringify(f.body);
    assert.doesNotMatch(text, /Infinity|NaN/);
  });

  test('report ids are per enterprise: another enterprise’s id is no conflict, a retry is a 200, another body under one’s own id a 409', async () => {
    const kh = { reportId: 'shared-id', period: '1930', outputs: { 'tractor@ukraine': 5 } };
    const st = { reportId: 'shared-id', period: '1930', outputs: { 'tractor@north_caucasus': 5 } };
    assert.equal((await post(KHARKOV, kh)).status, 201);
    const first = await post(STALINGRAD, st);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const retry = await post(STALINGRAD, st);
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, first.body);
    const other = await post(STALINGRAD, { ...st, outputs: { 'tractor@north_caucasus': 6 } });
    assert.equal(other.status, 409);
    assert.deepEqual(((await h.store.reports.get(KHARKOV, 'shared-id'))?.body as { outputs: unknown }).outputs, kh.outputs);
    assert.deepEqual(((await h.store.reports.get(STALINGRAD, 'shared-id'))?.body as { outputs: unknown }).outputs, st.outputs);
    const own = await h.call('GET', '/api/reports', { token: tokens.get(KHARKOV) ?? null });
    assert.deepEqual(
      own.body.map((r: { reportId: string; enterprise: string }) => `${r.enterprise}/${r.reportId}`),
      [`${KHARKOV}/shared-id`],
    );
  });

  test('ids and names are well-formed, trimmed and not blank; two different ids never read back the same', async () => {
    for (const id of [' ', '', 'a\ud800', '\udc00', `${STALINGRAD} `, ' x', 'tab\there']) {
      const a = await h.call('POST', '/api/enterprises', { body: { id } });
      assert.equal(a.status, 400, `enterprise ${JSON.stringify(id)}: ${a.status}`);
      assert.deepEqual(a.body.error.issues[0].path, ['body', 'id']);
    }
    assert.equal((await h.call('POST', '/api/enterprises', { body: { id: 'steel_works', name: 'bad\ud800' } })).status, 400);
    const n = (await h.store.reports.count());
    for (const reportId of ['r\ud800', 'r\ud801', ' ', ' r']) {
      const a = await post(STALINGRAD, { reportId, period: '1930', outputs: { 'tractor@north_caucasus': 1 } });
      assert.equal(a.status, 400, `report id ${JSON.stringify(reportId)}: ${a.status}`);
      assert.deepEqual(a.body.error.issues[0].path, ['body', 'reportId']);
    }
    const key = await post(STALINGRAD, { reportId: 'k', period: '1930', outputs: { 'tractor\ud800': 1 } });
    assert.equal(key.status, 400);
    assert.equal((await h.store.reports.count()), n);
    // Emoji are well-formed: an id may hold them, and it reads back as sent.
    const emoji = await post(STALINGRAD, { reportId: 'tractors 🚜 1930', period: '1930', outputs: { 'tractor@north_caucasus': 1 } });
    assert.equal(emoji.status, 201);
    assert.equal(emoji.body.reportId, 'tractors 🚜 1930');
  });

  test('only enterprises the published plan or a stored model names are registered; a near miss is suggested', async () => {
    const none = await h.call('POST', '/api/enterprises', { body: { id: 'no_such_works' } });
    assert.equal(none.status, 422);
    assert.deepEqual(none.body.error.issues[0].path, ['body', 'id']);
    assert.equal(none.body.error.issues[0].value, 'no_such_works');
    assert.match(none.body.error.message, /Stalingrad Tractor Works/, 'names the enterprises the models name');
    const near = await h.call('POST', '/api/enterprises', { body: { id: 'Stalingrad Tractor Work' } });
    assert.equal(near.status, 422);
    assert.match(near.body.error.issues[0].message, /did you mean "Stalingrad Tractor Works"/);
    assert.equal((await h.call('POST', '/api/enterprises', { body: { id: '💥' } })).status, 422);
    assert.equal((await h.store.enterprises.get('no_such_works')), undefined);
    // A technique without an enterprise is an enterprise of its own.
    assert.equal((await h.call('POST', '/api/enterprises', { body: { id: 'steel_works' } })).status, 201);
  });

  test('a report names only what its enterprise’s techniques make (outputs) and use (inputs): others are a located 422', async () => {
    const n = (await h.store.reports.count());
    const alerts = (await h.store.alerts.list({})).length;
    const foreign = await post(STALINGRAD, { reportId: 'foreign', period: '1930', outputs: { 'tractor@ukraine': 5 } });
    assert.equal(foreign.status, 422);
    const issue = foreign.body.error.issues[0];
    assert.deepEqual(issue.path, ['body', 'outputs', 'tractor@ukraine']);
    assert.equal(issue.code, 'not-own-item');
    assert.match(issue.message, /outputs it may report: tractor@north_caucasus$/);
    const inputAsOutput = await post(STALINGRAD, { reportId: 'steel-out', period: '1930', outputs: { 'steel@donbass_baku': 5 } });
    assert.equal(inputAsOutput.status, 422);
    const notOfTechnique = await post(STALINGRAD, { reportId: 'grain-in', period: '1930', technique: 'stalingrad_tractors', inputs: { 'grain@ukraine': 5 } });
    assert.equal(notOfTechnique.status, 422);
    assert.deepEqual(notOfTechnique.body.error.issues[0].path, ['body', 'inputs', 'grain@ukraine']);
    assert.equal((await h.store.reports.count()), n);
    assert.equal((await h.store.alerts.list({})).length, alerts);
  });

  test('alerts: within 0.5% is normal, 16% less steel is a warning, each alert has its kind, numbers read as people write them', async () => {
    const agri = await task(ROSTSELMASH, '1930');
    const planned = agri.outputs['agri_machinery@north_caucasus'];
    assert.ok(Math.abs(planned - 12976.21) < 0.01, String(planned));
    assert.equal((await post(ROSTSELMASH, { reportId: 'r-1930', period: '1930', outputs: { 'agri_machinery@north_caucasus': 12976 } })).status, 201);
    const [a] = (await h.call('GET', `/api/alerts?enterprise=${ROSTSELMASH}&period=1930`)).body;
    assert.equal(a.level, 'normal', a.message);
    assert.equal(a.kind, 'under-delivery');
    // The deviation of the plan's own number (−0.002%; its last digits move with the solver's tolerances).
    const expected = `12,976 of agri_machinery@north_caucasus in 1930 against 12,976.2 planned (${deviationText((12976 - planned) / planned)}: under-delivery)`;
    assert.ok(a.message.includes(expected), `${a.message} (expected ${expected})`);
    assert.match(a.message, /\(−0\.00[12]\d%/);

    const tractors = await task(STALINGRAD, '1932');
    const steel = tractors.inputs['steel@donbass_baku'];
    assert.equal((await post(STALINGRAD, { reportId: 's-1932', period: '1932', inputs: { 'steel@donbass_baku': 0.84 * steel } })).status, 201);
    const [s] = (await h.call('GET', `/api/alerts?enterprise=${encodeURIComponent(STALINGRAD)}&period=1932`)).body;
    assert.equal(s.kind, 'input-under-use');
    assert.equal(s.level, 'warning', s.message);
    assert.match(s.message, /−16\.0%/);
    const byKind = await h.call('GET', '/api/alerts?kind=input-under-use');
    assert.ok(byKind.body.length >= 1 && byKind.body.every((x: { kind: string }) => x.kind === 'input-under-use'));

    const power = await task(DNEPROSTROI, '1933');
    const electricity = power.outputs['electricity@ukraine'];
    assert.ok(electricity > 1e6 && electricity < 2.4e6, String(electricity));
    assert.equal((await post(DNEPROSTROI, { reportId: 'd-1933', period: '1933', outputs: { 'electricity@ukraine': 2_500_000 } })).status, 201);
    const [d] = (await h.call('GET', `/api/alerts?enterprise=${DNEPROSTROI}&period=1933`)).body;
    assert.equal(d.kind, 'over-delivery');
    assert.ok(d.message.includes(`produced 2,500,000 of electricity@ukraine in 1933 against ${amountText(electricity)} planned`), d.message);
    assert.match(d.message, /against \d,\d{3},\d{3} planned/);
    for (const x of (await h.call('GET', '/api/alerts?superseded=all')).body) {
      assert.doesNotMatch(x.message, /e\+/, `no exponent like 1.37649e+7 in ${x.message}`);
      if (Math.max(x.actual, x.planned) < 1e15) assert.doesNotMatch(x.message, /\de[−-]?\d/, `no exponent in ${x.message}`);
      assert.ok(['under-delivery', 'over-delivery', 'input-over-use', 'input-under-use'].includes(x.kind), JSON.stringify(x));
    }
  });

  test('a newer report’s alert supersedes the older one of the same enterprise, period and item; ?superseded= shows them', async () => {
    const planned = (await task(KHARKOV, '1932')).outputs['tractor@ukraine'];
    assert.equal((await post(KHARKOV, { reportId: 'k-1932-a', period: '1932', outputs: { 'tractor@ukraine': 0.404 * planned } })).status, 201);
    assert.equal((await post(KHARKOV, { reportId: 'k-1932-b', period: '1932', outputs: { 'tractor@ukraine': (0.9496 - 0.404) * planned } })).status, 201);
    const q = `enterprise=${encodeURIComponent(KHARKOV)}&period=1932`;
    const current = (await h.call('GET', `/api/alerts?${q}`)).body;
    assert.equal(current.length, 1, JSON.stringify(current));
    assert.equal(current[0].reportId, 'k-1932-b');
    assert.equal(current[0].superseded, false);
    assert.ok(Math.abs(current[0].deviation + 0.0504) < 1e-9, String(current[0].deviation));
    const old = (await h.call('GET', `/api/alerts?${q}&superseded=true`)).body;
    assert.deepEqual(
      old.map((x: { reportId: string; superseded: boolean; level: string }) => [x.reportId, x.superseded, x.level]),
      [['k-1932-a', true, 'critical']],
    );
    assert.equal((await h.call('GET', `/api/alerts?${q}&superseded=all`)).body.length, 2);
    assert.equal((await h.call('GET', `/api/alerts?${q}&superseded=maybe`)).status, 400);
  });
});

describe('an enterprise’s plan names items as its reports must', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    await publishModel(h, exampleText('ussr-1930', 'economy.yaml'), 'ussr-1930');
  });
  after(async () => h.close());

  test('every item GET /enterprises/:id/plan lists is accepted by POST /reports for that enterprise and period (every named enterprise of the 1930 example)', async () => {
    const named = [STALINGRAD, KHARKOV, ROSTSELMASH, 'First State Bearing Works', 'Leningrad Metal Works', DNEPROSTROI];
    let accepted = 0;
    for (const enterprise of named) {
      const reg = await h.call('POST', '/api/enterprises', { body: { id: enterprise } });
      assert.equal(reg.status, 201);
      const token = reg.body.token as string;
      const plan = await h.call('GET', `/api/enterprises/${encodeURIComponent(enterprise)}/plan`, { token });
      for (const t of plan.body.techniques as Task[]) {
        for (const key of [...Object.keys(t.outputs), ...Object.keys(t.inputs)]) assert.match(key, /@/, `${enterprise} ${t.period}: ${key} names a region`);
        const amounts = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.max(1, Math.round(v))]));
        // An enterprise with several techniques (Kharkov's works and its lines being built) reports each without naming it, too.
        for (const [reportId, technique] of [[`${t.technique}-${t.period}`, t.technique], [`all-${t.technique}-${t.period}`, undefined]] as const) {
          const body = { reportId, enterprise, period: t.period, outputs: amounts(t.outputs), inputs: amounts(t.inputs), ...(technique === undefined ? {} : { technique }) };
          const a = await h.call('POST', '/api/reports', { token, body });
          assert.ok(a.status === 201 || a.status === 200, `${enterprise} ${reportId}: ${a.status} ${JSON.stringify(a.body?.error?.message)}`);
          accepted++;
        }
      }
    }
    assert.ok(accepted >= named.length * 4 * 2, `${accepted} reports`);
  });
});
