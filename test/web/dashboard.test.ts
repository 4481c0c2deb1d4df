import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.js';
import { assertAccessible } from './page-checks.js';
import { startServer } from './start-server.js';
import type { RunningServer } from './start-server.js';

// The dashboard in a real browser against the real service with the 1930 example loaded.

interface PlanTarget {
  readonly target: number;
  readonly priority: number;
  readonly period: string;
  readonly fulfilment: number;
}
interface PlanBottleneck {
  readonly kind: string;
  readonly id: string;
  readonly period: string;
  readonly rent: number;
}
interface PlanBody {
  readonly result: { readonly targets: readonly PlanTarget[]; readonly bottlenecks: readonly PlanBottleneck[]; readonly levels: Readonly<Record<string, Readonly<Record<string, number>>>> };
}

const TOL = 1e-12;

describe('dashboard', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let dataDir: string;
  let shots: string;
  let token = '';

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, `GET /api${path} answered ${res.status}`);
    return (await res.json()) as T;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plenty-web-data-'));
    shots = await mkdtemp(join(tmpdir(), 'plenty-web-shots-'));
    browser = await launchBrowser();
    server = await startServer(dataDir);
    const session = await fetch(`${server.url}/api/session`);
    assert.equal(session.status, 200, 'the service started with --open hands a planner token to a loopback client');
    token = ((await session.json()) as { token: string }).token;
    page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#model-select');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  test('opens the 1930 example and the balance view lists the bolt and mortar deficits with what they block', async () => {
    await page.waitForSelector('[data-section="deficits"] .deficit');
    const items = await page.$$eval('.deficit', (els) => els.map((e) => e.getAttribute('data-item') ?? ''));
    assert.ok(items.some((i) => i.startsWith('bolt')), `deficits shown: ${items.join(', ')}`);
    assert.ok(items.some((i) => i.startsWith('mortar')), `deficits shown: ${items.join(', ')}`);
    // The same deficits as the service's balance of the model's plan.
    const models = await api<{ id: string; name: string }[]>('/models');
    const model = models.find((m) => m.name.includes('1930'));
    assert.ok(model !== undefined, 'the 1930 example is in the store');
    const res = await fetch(`${server.url}/api/models/${model.id}/balance`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    const balance = (await res.json()) as { deficits: { id: string }[] };
    assert.deepEqual(items, balance.deficits.map((d) => d.id));
    const mortar = page.locator('.deficit[data-item^="mortar"]');
    assert.match((await mortar.textContent()) ?? '', /construction/, 'the mortar deficit names the construction it blocks');
    await page.screenshot({ path: join(shots, 'balance-1280.png'), fullPage: true });
    await assertAccessible(page, 'balance view');
  });

  test('Tab reaches the solve button, Enter solves, and the charts show the service’s plan', async () => {
    await page.goto(`${server.url}/#solve`);
    await page.waitForSelector('#solve');
    let focused = '';
    for (let k = 0; k < 40 && focused !== 'solve'; k++) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate('document.activeElement && document.activeElement.id'));
    }
    assert.equal(focused, 'solve', 'the solve button is reachable with Tab');
    const outline = String(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle'));
    assert.notEqual(outline, 'none', 'the focused button shows its focus');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.plan[data-plan] [data-chart="bottlenecks"]', { timeout: 120_000 });

    const planId = await page.getAttribute('.plan[data-plan]', 'data-plan');
    assert.ok(planId !== null);
    const plan = await api<PlanBody>(`/plans/${planId}`);
    const period = await page.inputValue('#period');
    // Targets at their tier's level are one sentence per tier; the others are bars.
    const level = (t: PlanTarget): number | undefined => plan.result.levels[String(t.priority)]?.[period];
    const expected = plan.result.targets.filter((t) => t.period === period);
    const barred = expected.filter((t) => {
      const l = level(t);
      return l === undefined || Math.abs(t.fulfilment - l) > 1e-6 * Math.max(1, l);
    });
    const bars = await page.$$eval('[data-chart="fulfilment"] .bar', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-value'))] as const));
    assert.equal(bars.length, barred.length, 'one bar per target away from its tier’s level');
    const byKey = new Map(barred.map((t) => [`${t.target}:${t.period}`, t.fulfilment]));
    for (const [key, value] of bars) {
      const want = byKey.get(key);
      assert.ok(want !== undefined, `bar ${key} is a target of the plan`);
      assert.ok(Math.abs(value - want) <= TOL * Math.max(1, want), `fulfilment of ${key}: bar ${value}, plan ${want}`);
    }
    // Least fulfilled first.
    for (let k = 1; k < bars.length; k++) assert.ok(bars[k - 1][1] <= bars[k][1] + TOL);
    const atLevel = await page.$$eval('[data-at-level]', (els) => els.map((e) => e.getAttribute('data-at-level') ?? ''));
    assert.deepEqual(atLevel, [...new Set(expected.filter((t) => !barred.includes(t)).map((t) => String(t.priority)))].sort());
    // The level of each tier in the period, as the plan has it, shown as a level (not a percentage).
    for (const [tier, byPeriod] of Object.entries(plan.result.levels)) {
      if (byPeriod[period] === undefined) continue;
      const cell = page.locator(`[data-table="levels"] tr[data-tier="${tier}"] td[data-period="${period}"]`);
      assert.ok(Math.abs(Number(await cell.getAttribute('data-level')) - byPeriod[period]) <= TOL * Math.max(1, byPeriod[period]), `level of tier ${tier}`);
      assert.doesNotMatch((await cell.textContent()) ?? '', /%/);
    }

    const shown = await page.$$eval('[data-chart="bottlenecks"] .bar', (els) => els.map((e) => e.getAttribute('data-key') ?? ''));
    const ranked = plan.result.bottlenecks.filter((b) => b.period === period && b.rent > 0).map((b) => `${b.kind}:${b.id}:${b.period}`);
    assert.ok(shown.length >= 3, `bottlenecks shown: ${shown.join(', ')}`);
    assert.deepEqual(shown.slice(0, 3), ranked.slice(0, 3), 'the first bottlenecks are the service’s, in its order');

    const nodes = await page.locator('[data-chart="sankey"] .node rect').count();
    const links = await page.locator('[data-chart="sankey"] path.link').count();
    const rows = await page.locator('[data-chart="sankey"] tbody tr').count();
    assert.ok(nodes >= 2 && links >= 1, `Sankey: ${nodes} nodes, ${links} links`);
    assert.equal(rows, links, 'the Sankey’s table lists every drawn flow');
    const resources = await page.locator('[data-chart="resources"] .bar').count();
    assert.ok(resources > 0, 'resource use against availability is drawn');
    await page.screenshot({ path: join(shots, 'solve-1280.png'), fullPage: true });
  });

  test('a preset scenario is solved beside the model and shows what changed', async () => {
    await page.goto(`${server.url}/#compare`);
    // Twice the hard currency: a bottleneck of the 1930 plan, so the plans must differ.
    const button = page.locator('button.preset[data-preset="double-currency"]');
    await button.click();
    await page.waitForSelector('.comparison', { timeout: 120_000 });
    const differences = Number(await page.getAttribute('.comparison', 'data-differences'));
    assert.ok(differences > 0, 'some target’s fulfilment differs between the two plans');
    const changed = await page.locator('[data-table="moved"] tbody tr').count();
    assert.equal(changed, differences);
    await page.screenshot({ path: join(shots, 'compare-1280.png'), fullPage: true });
  });

  test('the question of the plan: a million more tonnes of grain exported changes the plans', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#compare`);
    // The grain export caps bind in 1930, so raising Ukraine's by a million tonnes must move the plan.
    await page.locator('button.preset[data-preset="more-exports"]').click();
    await page.waitForSelector('.comparison', { timeout: 120_000 });
    const differences = Number(await page.getAttribute('.comparison', 'data-differences'));
    assert.ok(differences > 0, 'some target’s fulfilment differs when more grain is exported');
    assert.equal(await page.locator('[data-table="moved"] tbody tr').count(), differences);
  });

  test('an uploaded model with a mistake is refused and the issue is shown under its line', async () => {
    const text = 'name: Bad\nproducts:\n  - { id: a, unit: t }\ntechniques:\n  - id: make_a\n    produces: { a: 1 }\n    consumes: { a: -0.5 }\n';
    const before = (await api<unknown[]>('/models')).length;
    await page.goto(`${server.url}/#balance`);
    await page.waitForSelector('#upload', { state: 'attached' });
    await page.setInputFiles('#upload', { name: 'bad.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.waitForSelector('.upload-errors .issue');
    const lines = await page.$$eval('.upload-errors .issue', (els) => els.map((e) => Number(e.getAttribute('data-line'))));
    assert.deepEqual(lines, [7], 'the negative coefficient is on line 7');
    const issue = (await page.locator('.upload-errors .issue').textContent()) ?? '';
    assert.match(issue, /negative/);
    assert.match(issue, /-0\.5/);
    assert.equal((await api<unknown[]>('/models')).length, before, 'nothing was stored');
  });

  test('the execution view lists the current alerts of the published plan with their kind', async () => {
    const send = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`${server.url}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const scenario = await send('POST', '/scenarios', { modelId: 'ussr-1930', name: 'dashboard alerts' });
    assert.equal(scenario.status, 201);
    const solve = await send('POST', `/scenarios/${String(scenario.body.id)}/solve`, {});
    let job: { status?: string; result?: { planId: number } } = {};
    for (let k = 0; k < 600 && job.status !== 'done' && job.status !== 'failed'; k++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await api(`/jobs/${String(solve.body.jobId)}`);
    }
    assert.equal(job.status, 'done');
    assert.equal((await send('POST', `/plans/${String(job.result?.planId)}/publish`)).status, 200);
    assert.equal((await send('POST', '/enterprises', { id: 'Rostselmash' })).status, 201);
    const plan = await api<{ techniques: { period: string; outputs: Record<string, number>; inputs: Record<string, number> }[] }>('/enterprises/Rostselmash/plan');
    const task = plan.techniques.find((t) => t.period === '1930');
    assert.ok(task !== undefined);
    const agri = task.outputs['agri_machinery@north_caucasus'];
    const report = (reportId: string, outputs: Record<string, number>, inputs: Record<string, number> = {}) => send('POST', '/reports', { reportId, enterprise: 'Rostselmash', period: '1930', outputs, inputs });
    assert.equal((await report('r-1', { 'agri_machinery@north_caucasus': 0.5 * agri })).status, 201);
    // The second report brings the total to 97%: its alert supersedes the first one's.
    assert.equal((await report('r-2', { 'agri_machinery@north_caucasus': 0.47 * agri }, { 'steel@donbass_baku': 0.84 * task.inputs['steel@donbass_baku'] })).status, 201);
    const current = await api<{ kind: string }[]>('/alerts');
    assert.equal(current.length, 2);

    await page.goto('about:blank');
    await page.goto(`${server.url}/#execution`);
    await page.waitForSelector('[data-table="alerts"] tbody tr');
    const headers = await page.$$eval('[data-table="alerts"] thead th', (els) => els.map((e) => e.textContent ?? ''));
    const at = headers.indexOf('kind');
    assert.ok(at >= 0, `alert columns: ${headers.join(', ')}`);
    const kinds = await page.$$eval('[data-table="alerts"] tbody tr', (rows, k) => rows.map((r) => r.children[k]?.textContent ?? ''), at);
    assert.deepEqual([...kinds].sort(), ['input under-use', 'under-delivery'], 'one row per current alert, each with its kind');
  });

  test('at phone width nothing overflows sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['balance', 'solve', 'compare', 'execution']) {
      await page.goto('about:blank');
      await page.goto(`${server.url}/#${view}`);
      await page.waitForSelector(`#view-${view} h2`);
      await page.waitForLoadState('networkidle');
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
      assert.ok(overflow <= 0, `${view} at 390 px is ${overflow} px too wide`);
    }
    await page.goto('about:blank');
    await page.goto(`${server.url}/#balance`);
    await page.waitForSelector('.deficit');
    await page.screenshot({ path: join(shots, 'balance-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
