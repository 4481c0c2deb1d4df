import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { lotModel } from '../helpers/whole-plant-models.js';
import { launchBrowser } from './launch-browser.js';
import { checkView, watchPage, type PageWatch } from './page-checks.js';
import { startServer, type RunningServer } from './start-server.js';

// The plan view's plants built (whole plants: docs/optimize.md), in Chromium, on a model whose
// plant runs at 0 or at least its lot of 5: the numbers shown are the API's.

/** Numbers shown against the API's: 1e-9 relative. */
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

interface PlanBody {
  readonly result: {
    readonly status: string;
    readonly plants?: readonly { technique: string; period: string; units: number; onLine: string | null }[];
    readonly mip?: { method: string; gap: number } | null;
  };
}

describe('the plants built in the plan view', { timeout: 600_000 }, () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let dataDir: string;
  let token = '';

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    assert.ok(res.ok, `${method} /api${path} answered ${res.status}`);
    return (await res.json()) as T;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plenty-web-plants-'));
    browser = await launchBrowser();
    server = await startServer(dataDir);
    token = ((await (await fetch(`${server.url}/api/session`)).json()) as { token: string }).token;
    await api('POST', '/models', { format: 'yaml', text: lotModel(4), id: 'lot' });
    page = await browser.newPage();
    watch = watchPage(page, [{ status: 404, path: /^\/api\/published$/ }]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  test('which plant is built, in which period, how many units, and the gap: the API’s, at 1440 × 900 and 400 px', async () => {
    await page.goto(`${server.url}/#solve?model=lot`);
    await page.waitForSelector('#plan-form');
    await page.selectOption('#objective', 'mincost');
    await page.click('#solve');
    await page.waitForSelector('.plan[data-plan] [data-table="plants"]', { timeout: 300_000 });
    const id = await page.getAttribute('.plan[data-plan]', 'data-plan');
    const plan = await api<PlanBody>('GET', `/plans/${id ?? ''}`);
    assert.equal(plan.result.status, 'optimal');
    const plants = plan.result.plants ?? [];
    assert.deepEqual(plants.map((p) => [p.technique, p.period, p.units]), [['plant', '1', 5]], 'the plant runs at its lot');
    const shown = await page.$$eval('[data-table="plants"] tbody tr', (els) => els.map((e) => [e.getAttribute('data-plant') ?? '', e.getAttribute('data-period') ?? '', Number(e.querySelector('[data-units]')?.getAttribute('data-units'))] as const));
    assert.deepEqual(shown, plants.map((p) => [p.technique, p.period, p.units] as const));
    assert.equal(await page.getAttribute('[data-mip-method]', 'data-mip-method'), 'branch-and-bound');
    assert.ok(close(Number(await page.getAttribute('[data-mip-gap]', 'data-mip-gap')), plan.result.mip?.gap ?? NaN), 'the gap shown is the API’s');
    for (const width of [1440, 400]) {
      await page.setViewportSize({ width, height: 900 });
      if (width === 400) {
        const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
        assert.ok(overflow <= 0, `the plan view at 400 px is ${overflow} px too wide`);
      }
      await checkView(page, watch, `plants-${width}`);
    }
  });
});
