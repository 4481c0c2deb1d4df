import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.js';
import { checkView, watchPage, type PageWatch } from './page-checks.js';
import { startServer, type RunningServer } from './start-server.js';

// The dashboard's frame in a real browser: its state in the URL (reload, back and forward, a
// shared link in a fresh browser), the views as a keyboard tab list, the header at 400 px.

interface PlanBody {
  readonly id: number;
  readonly scenarioId: number;
  readonly result: { readonly levels: Readonly<Record<string, Readonly<Record<string, number>>>> };
}

const MODEL = 'ussr-1930';

describe('the dashboard’s state in the URL, tabs and narrow screens', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let dataDir: string;
  let token = '';
  let plan: PlanBody;

  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.ok(res.status < 300, `${method} /api${path} answered ${res.status}`);
    return (await res.json()) as T;
  };

  /** The hash's view and its options, for comparing URLs whatever the order of the keys. */
  const hashOf = async (p: Page): Promise<{ view: string; params: Record<string, string> }> => {
    const hash = new URL(p.url()).hash.replace(/^#/, '');
    const q = hash.indexOf('?');
    return { view: q < 0 ? hash : hash.slice(0, q), params: Object.fromEntries(new URLSearchParams(q < 0 ? '' : hash.slice(q + 1))) };
  };

  /** What the plans view shows of a plan: its id, the period picked (its panels shown) and the levels per tier of that period. */
  const shownPlan = async (p: Page): Promise<{ plan: string | null; period: string; levels: string[] }> => {
    await p.waitForSelector('#view-solve #period', { timeout: 30_000 });
    const period = await p.inputValue('#period');
    await p.waitForSelector(`#view-solve .panel[data-period="${period}"]`);
    return {
      plan: await p.getAttribute('[data-plan]', 'data-plan'),
      period,
      levels: await p.$$eval(`#view-solve tr[data-tier] td[data-period="${period}"]`, (els) => els.map((e) => `${e.closest('tr')?.getAttribute('data-tier') ?? ''}=${e.getAttribute('data-level') ?? ''}`)),
    };
  };


  /** Solves a scenario through the API; the plan's id. */
  const solved = async (scenarioId: number): Promise<number> => {
    const started = await send<{ jobId: number }>('POST', `/scenarios/${scenarioId}/solve`, {});
    for (let k = 0; k < 600; k++) {
      const job = await send<{ status: string; result?: { planId: number } }>('GET', `/jobs/${started.jobId}`);
      if (job.status === 'done' && job.result !== undefined) return job.result.planId;
      if (job.status !== 'queued' && job.status !== 'running') throw new Error(`the solve ended ${job.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the solve did not finish in 2 minutes');
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plenty-app-data-'));
    browser = await launchBrowser();
    server = await startServer(dataDir);
    token = ((await (await fetch(`${server.url}/api/session`)).json()) as { token: string }).token;
    // A plan of the 1930 example, solved through the API: the URL names it.
    const scenario = await send<{ id: number }>('POST', '/scenarios', { modelId: MODEL, name: 'url state' });
    plan = await send<PlanBody>('GET', `/plans/${await solved(scenario.id)}`);
    page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    // Before a plan is published the execution view asks GET /api/published, documented to answer 404 then.
    watch = watchPage(page, [{ status: 404, path: /^\/api\/published$/ }]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  test('the first visit records the view and the model in the URL', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#view-balance');
    assert.deepEqual(await hashOf(page), { view: 'balance', params: { model: MODEL } });
    await checkView(page, watch, 'app-balance-1440');
  });

  test('a URL naming a plan and a period shows them; a reload shows the same', async () => {
    await page.goto(`${server.url}/#solve?model=${MODEL}&plan=${plan.id}&period=1932`);
    const first = await shownPlan(page);
    assert.equal(first.plan, String(plan.id));
    assert.equal(first.period, '1932');
    const expected = Object.entries(plan.result.levels).flatMap(([tier, byPeriod]) => (byPeriod['1932'] === undefined ? [] : [`${tier}=${String(byPeriod['1932'])}`]));
    assert.ok(expected.length > 0);
    assert.deepEqual(first.levels, expected, 'the levels of 1932 are the plan’s');
    await checkView(page, watch, 'app-solve-plan-1440');
    await page.reload();
    assert.deepEqual(await shownPlan(page), first, 'a reload shows the same plan and period');
    assert.equal(await page.getAttribute('#tab-solve', 'aria-selected'), 'true');
  });

  test('back and forward step through the periods and views the user chose', async () => {
    await page.goto(`${server.url}/#solve?model=${MODEL}&plan=${plan.id}&period=1930`);
    await shownPlan(page);
    await page.selectOption('#period', '1931');
    await page.waitForSelector('#view-solve .panel[data-period="1931"]');
    assert.equal((await hashOf(page)).params['period'], '1931');
    await page.goBack();
    await page.waitForSelector('#view-solve .panel[data-period="1930"]');
    assert.equal(await page.inputValue('#period'), '1930', 'back from a period picked: the period before');
    await page.goForward();
    await page.waitForSelector('#view-solve .panel[data-period="1931"]');
    assert.equal(await page.inputValue('#period'), '1931');
    await page.click('#tab-balance');
    await page.waitForSelector('#view-balance');
    const balance = await hashOf(page);
    assert.deepEqual(balance, { view: 'balance', params: { model: MODEL, scenario: String(plan.scenarioId), plan: String(plan.id) } }, 'the tab keeps the model, the scenario and the plan, not the plans view’s period');
    await page.goBack();
    await page.waitForSelector('#view-solve');
    assert.equal((await shownPlan(page)).period, '1931', 'back: the solve view with the period last chosen');
    await page.goBack();
    await page.waitForSelector('#view-solve .panel[data-period="1930"]');
    assert.equal(await page.inputValue('#period'), '1930', 'back: the period chosen before');
    await page.goForward();
    await page.waitForSelector('#view-solve .panel[data-period="1931"]');
    assert.equal(await page.inputValue('#period'), '1931', 'forward: the period chosen after');
    await page.goForward();
    await page.waitForSelector('#view-balance');
    assert.equal(await page.getAttribute('#tab-balance', 'aria-selected'), 'true');
    watch.assertClean('back and forward');
  });

  test('a shared link opened in a fresh browser shows the same view, plan and period', async () => {
    const link = `${server.url}/#solve?model=${MODEL}&plan=${plan.id}&period=1933`;
    await page.goto(link);
    const here = await shownPlan(page);
    const other = await launchBrowser();
    try {
      const p = await other.newPage();
      // Nothing is published yet: GET /api/published answers 404, as documented.
      const w = watchPage(p, [{ status: 404, path: /^\/api\/published$/ }]);
      await p.goto(link);
      assert.deepEqual(await shownPlan(p), here);
      assert.equal(await p.getAttribute('#tab-solve', 'aria-selected'), 'true');
      assert.equal(await p.inputValue('#model-select'), MODEL);
      w.assertClean('shared link');
    } finally {
      await other.close();
    }
  });

  test('a shared link to a comparison shows it: the two plans and what changed', async () => {
    const scenario = await send<{ id: number }>('POST', '/scenarios', { modelId: MODEL, name: 'twice the currency', overrides: [{ kind: 'resource', resource: 'hard_currency', factor: 2 }] });
    const other = await solved(scenario.id);
    const compared = await send<{ targets: readonly { changed: boolean }[] }>('GET', `/plans/${plan.id}/compare/${other}`);
    const changed = compared.targets.filter((t) => t.changed).length;
    assert.ok(changed > 0, 'twice the currency changes some targets');
    await page.goto(`${server.url}/#compare?model=${MODEL}&plan=${plan.id}&against=${other}`);
    await page.waitForSelector('#view-compare .comparison[data-differences]');
    assert.equal(await page.getAttribute('.comparison', 'data-differences'), String(changed), 'the targets that changed, as the service compares them');
    await page.reload();
    await page.waitForSelector('#view-compare .comparison[data-differences]');
    assert.equal(await page.getAttribute('.comparison', 'data-differences'), String(changed));
    await checkView(page, watch, 'app-compare-link-1440');
  });

  test('the views are a tab list: arrow keys, Home and End move between them and show each', async () => {
    await page.goto(`${server.url}/#balance?model=${MODEL}`);
    await page.waitForSelector('#view-balance');
    assert.equal(await page.getAttribute('#tabs [role="tablist"]', 'aria-label'), 'Views');
    const tabs = await page.$$eval('[role="tab"]', (els) => els.map((e) => ({ id: e.id, selected: e.getAttribute('aria-selected'), tabindex: e.getAttribute('tabindex') })));
    assert.ok(tabs.length >= 4);
    assert.deepEqual(
      tabs.filter((t) => t.tabindex === '0').map((t) => t.id),
      ['tab-balance'],
      'only the selected tab is in the tab order',
    );
    await page.focus('#tab-balance');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view-solve');
    const focused = async () => String(await page.evaluate('document.activeElement && document.activeElement.id'));
    assert.equal(await focused(), 'tab-solve');
    assert.equal((await hashOf(page)).view, 'solve');
    await page.keyboard.press('End');
    const last = tabs[tabs.length - 1].id;
    await page.waitForSelector(`#view-${last.replace(/^tab-/, '')}`);
    assert.equal(await focused(), last);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view-balance');
    assert.equal(await focused(), 'tab-balance', 'the arrow wraps around');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector(`#view-${last.replace(/^tab-/, '')}`);
    await page.keyboard.press('Home');
    await page.waitForSelector('#view-balance');
    assert.equal(await page.getAttribute('#view-balance', 'role'), 'tabpanel');
    await page.goBack();
    await page.waitForSelector(`#view-${last.replace(/^tab-/, '')}`);
    // The skip link focuses the content and leaves the URL (the view's state) alone.
    const before = page.url();
    await page.focus('a.skip');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'main');
    assert.equal(page.url(), before);
    watch.assertClean('tabs by keyboard');
  });

  test('an older version of a model is in the URL and in the header', async () => {
    const model = await send<{ text: string; format: 'yaml' | 'json' }>('GET', `/models/${MODEL}`);
    await send('PUT', `/models/${MODEL}`, { format: model.format, text: model.text });
    await page.goto(`${server.url}/#balance?model=${MODEL}&version=1`);
    await page.waitForFunction("document.querySelector('#model-version')?.value === '1'");
    assert.match((await page.textContent('#model-name')) ?? '', /version 1/);
    await page.selectOption('#model-version', '');
    await page.waitForFunction('!location.hash.includes("version=")');
    assert.deepEqual(await hashOf(page), { view: 'balance', params: { model: MODEL } });
    await page.goBack();
    await page.waitForFunction("location.hash.includes('version=1') && document.querySelector('#model-version')?.value === '1'");
    watch.assertClean('model version');
  });

  test('at 400 px the header, the tabs and the views fit without sideways scrolling', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    for (const [view, url] of [
      ['balance', `#balance?model=${MODEL}`],
      ['solve', `#solve?model=${MODEL}&plan=${plan.id}&period=1930`],
      ['compare', `#compare?model=${MODEL}`],
      ['execution', `#execution?model=${MODEL}`],
    ] as const) {
      await page.goto(`${server.url}/${url}`);
      await page.waitForSelector(`#view-${view}`);
      if (view === 'solve') await shownPlan(page);
      if (view === 'execution') await page.waitForSelector('#view-execution h2');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 400, `${view}: the page is ${width} px wide at 400 px`);
      const tabsBox = await page.$$eval('[role="tab"]', (els) => els.map((e) => e.getBoundingClientRect().right));
      assert.ok(Math.max(...tabsBox) <= 400, 'every tab is on screen (they wrap)');
      await checkView(page, watch, `app-${view}-400`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
