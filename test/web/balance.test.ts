import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkView, type PageWatch } from './page-checks.js';
import type { RunningServer } from './start-server.js';
import { openWebSession, type WebSession } from './web-session.js';
import { assertClose, columnIndex, columnValues, download, openModel, parseCsv, serviceApi } from './web-helpers.js';

// The balance view in Chromium against the real service, on the 1930 example: what closing each
// deficit takes, supply against use, every item's balance, and the plan and period pickers.

interface Item {
  readonly id: string;
  readonly unit: string;
  readonly supply: number;
  readonly use: number;
  readonly gap: number;
  readonly status: string;
}
interface Closing {
  readonly item: string;
  readonly needs: { id: string; extra: number }[];
}
interface Balance {
  readonly period: string;
  readonly balances: boolean;
  readonly counts: { deficit: number };
  readonly deficits: { id: string }[];
  readonly closing: { each: Closing[] } | null;
  readonly items: Item[];
}

const MODEL = 'ussr-1930';

describe('balance view', () => {
  let session: WebSession | undefined;
  let server: RunningServer;
  let page: Page;
  let watch: PageWatch;
  let call: ReturnType<typeof serviceApi>;

  before(async () => {
    session = await openWebSession('balance');
    ({ server, page, watch, call } = session);
  });

  after(() => session?.close());

  test('the model’s plan: closing each deficit, supply against use and the item table are the API’s', async () => {
    await openModel(page, server.url, MODEL, 'balance');
    await page.waitForSelector('[data-table="items"] tbody tr');
    const api = await call<Balance>('POST', `/models/${MODEL}/balance`, { all: true });
    const closing = api.closing;
    assert.ok(api.deficits.length > 0 && closing !== null);

    // What closing each deficit takes: the extra resources, largest share first, as the API says.
    for (const d of api.deficits) {
      const want: Closing | undefined = closing.each.find((r) => r.item === d.id);
      assert.ok(want !== undefined, `closing of ${d.id}`);
      const shown = await page.$$eval(`.deficit[data-item="${d.id}"] [data-closing] li[data-need]`, (lis) => lis.map((li) => [li.getAttribute('data-need') ?? '', Number(li.getAttribute('data-value'))] as [string, number]));
      assert.deepEqual(
        shown.map(([id]) => id),
        want.needs.slice(0, 5).map((n) => n.id),
        `needs of ${d.id}`,
      );
      shown.forEach(([id, v], k) => assertClose(v, want.needs[k].extra, `${d.id} needs ${id}`));
    }

    // Supply against use: each bar is supply over use, the least covered first.
    const bars = await page.$$eval('[data-chart="supply-use"] .bar', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-value'))] as [string, number]));
    const byId = new Map(api.items.map((i) => [i.id, i]));
    assert.equal(bars.length, Math.min(40, api.items.filter((i) => i.use > 0 || i.supply > 0).length));
    for (const [id, v] of bars) {
      const i = byId.get(id);
      assert.ok(i !== undefined && i.use > 0, id);
      assertClose(v, i.supply / i.use, `supply over use of ${id}`);
    }
    for (let k = 1; k < bars.length; k++) assert.ok(bars[k - 1][1] <= bars[k][1], 'least covered first');
    assert.equal(bars[0][0], api.deficits.map((d) => byId.get(d.id) as Item).sort((a, b) => a.supply / a.use - b.supply / b.use)[0].id);

    // Every item, the API's numbers.
    const supply = await columnValues(page, 'items', await columnIndex(page, 'items', 'supply'));
    assert.equal(supply.length, api.items.length);
    for (const [id, v] of supply) assertClose(v, byId.get(id)?.supply ?? NaN, `supply of ${id}`);

    // Sorting by supply − use: the second press puts the largest deficit first.
    const gapCol = await columnIndex(page, 'items', 'supply − use');
    const button = page.locator('[data-table="items"] thead th').nth(gapCol).locator('button');
    await button.click();
    await button.click();
    assert.equal(await page.locator('[data-table="items"] thead th').nth(gapCol).getAttribute('aria-sort'), 'ascending');
    const gaps = await columnValues(page, 'items', gapCol);
    for (let k = 1; k < gaps.length; k++) assert.ok(gaps[k - 1][1] <= gaps[k][1], `ascending at ${k}`);
    assert.equal(gaps[0][0], [...api.items].sort((a, b) => a.gap - b.gap)[0].id);

    // Filtering: only the rows that name grain.
    await page.fill('#filter-items', 'grain');
    const grain = await columnValues(page, 'items', 0);
    assert.ok(grain.length > 0 && grain.length < api.items.length);
    assert.ok(grain.every(([id]) => id.startsWith('grain')), grain.map(([id]) => id).join(', '));
    assert.equal(grain.length, api.items.filter((i) => i.id.startsWith('grain')).length);

    // The CSV: every item (not only the filtered), in the sorted order, full precision, the unit column.
    const csv = await download(page, () => page.click('[data-table-view="items"] button.csv'));
    assert.equal(csv.name, 'items.csv');
    const rows = parseCsv(csv.bytes.toString('utf8'));
    assert.equal(rows.length, api.items.length + 1);
    const head = rows[0];
    assert.equal(head[1], 'unit');
    const sCol = head.indexOf('supply');
    const gCol = head.indexOf('supply − use');
    assert.ok(sCol > 0 && gCol > 0, head.join(','));
    for (const r of rows.slice(1)) {
      const i = byId.get(r[0]);
      assert.ok(i !== undefined, r[0]);
      assert.equal(r[1], i.unit);
      assertClose(Number(r[sCol]), i.supply, `CSV supply of ${r[0]}`);
    }
    assert.equal(rows[1][0], gaps[0][0], 'the CSV follows the sort');
    await page.fill('#filter-items', '');

    await checkView(page, watch, 'balance-1930-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 400 px`);
    await checkView(page, watch, 'balance-1930-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('the period picker checks another period', async () => {
    await page.selectOption('#balance-period', '1932');
    await page.waitForFunction('document.querySelector(".balance-body .lede")?.textContent.includes("period 1932")');
    const api = await call<Balance>('POST', `/models/${MODEL}/balance`, { all: true, period: '1932' });
    const shown = await page.$$eval('[data-section="deficits"] .deficit', (els) => els.map((e) => e.getAttribute('data-item') ?? ''));
    assert.deepEqual(
      shown,
      api.deficits.map((d) => d.id),
    );
    const supply = await columnValues(page, 'items', await columnIndex(page, 'items', 'supply'));
    const byId = new Map(api.items.map((i) => [i.id, i.supply]));
    for (const [id, v] of supply) assertClose(v, byId.get(id) ?? NaN, `supply of ${id} in 1932`);
    await checkView(page, watch, 'balance-1930-period-1932');
  });

  test('the plan picker checks a stored optimal plan: it balances', async () => {
    const s = await call<{ id: number }>('POST', '/scenarios', { modelId: MODEL, name: 'as it stands', overrides: [] });
    const started = await call<{ jobId: number }>('POST', `/scenarios/${s.id}/solve`, {});
    let planId = 0;
    for (let k = 0; k < 600 && planId === 0; k++) {
      const job = await call<{ status: string; result?: { planId: number } }>('GET', `/jobs/${started.jobId}`);
      assert.ok(job.status !== 'failed' && job.status !== 'cancelled', JSON.stringify(job));
      if (job.status === 'done') planId = job.result?.planId ?? 0;
      else await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(planId > 0, 'the solve finished');
    await openModel(page, server.url, MODEL, 'balance');
    await page.waitForSelector('#balance-plan');
    await page.waitForSelector(`#balance-plan option[value="${planId}"]`, { state: 'attached' });
    await page.selectOption('#balance-plan', String(planId));
    await page.waitForFunction(`document.querySelector(".balance-body .lede")?.textContent.includes("Optimal plan ${planId}")`);
    const api = await call<Balance>('POST', `/models/${MODEL}/balance`, { all: true, planId });
    assert.equal(api.counts.deficit, 0);
    assert.equal((await page.textContent('.verdict'))?.trim(), 'The plan balances.');
    assert.equal(await page.locator('[data-section="deficits"] .deficit').count(), 0);
    const supply = await columnValues(page, 'items', await columnIndex(page, 'items', 'supply'));
    const byId = new Map(api.items.map((i) => [i.id, i.supply]));
    for (const [id, v] of supply) assertClose(v, byId.get(id) ?? NaN, `supply of ${id} in the optimal plan`);
    await checkView(page, watch, 'balance-1930-optimal-plan');
  });
});
