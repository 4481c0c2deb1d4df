import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkView, type PageWatch } from './page-checks.js';
import type { RunningServer } from './start-server.js';
import { openWebSession, type WebSession } from './web-session.js';
import { assertClose, columnIndex, columnValues, openModel, serviceApi } from './web-helpers.js';

// The analysis view's structural paths and uncertainty sections in Chromium against the real
// service: the paths and intervals the page shows (full precision in data-value) are the API's.

interface PathsDoc {
  total: number;
  covered: number;
  paths: { rank: number; items: string[]; value: number; share: number; cumulative: number }[];
}
interface Row {
  row: string;
  of: string;
  value: number;
  mean: number;
  median: number;
  p025: number;
  p975: number;
}
interface McDoc {
  footprints: Row[];
  multipliers: Row[];
}

describe('analysis view: structural paths and uncertainty', () => {
  let session: WebSession | undefined;
  let server: RunningServer;
  let page: Page;
  let watch: PageWatch;
  let call: ReturnType<typeof serviceApi>;

  before(async () => {
    session = await openWebSession('paths');
    ({ server, page, watch, call } = session);
  });

  after(() => session?.close());

  /** The page's paths table against the API's answer: rank order, value, share and cumulative share. */
  async function assertPaths(api: PathsDoc, where: string): Promise<void> {
    const value = await columnValues(page, 'structural-paths', await columnIndex(page, 'structural-paths', 'value'));
    const share = await columnValues(page, 'structural-paths', await columnIndex(page, 'structural-paths', 'share'));
    const cumulative = await columnValues(page, 'structural-paths', await columnIndex(page, 'structural-paths', 'cumulative'));
    assert.equal(value.length, api.paths.length, where);
    api.paths.forEach((p, k) => {
      assert.equal(value[k][0], String(p.rank));
      assertClose(value[k][1], p.value, `${where}: value of path ${p.rank}`);
      assertClose(share[k][1], p.share, `${where}: share of path ${p.rank}`);
      assertClose(cumulative[k][1], p.cumulative, `${where}: cumulative share of path ${p.rank}`);
    });
    // The chains as shown: each id as the dashboard labels it (`grain@ukraine` → `grain · ukraine`).
    const label = (id: string): string => (id.includes('@') ? `${id.slice(0, id.indexOf('@')).replace(/_/g, ' ')} · ${id.slice(id.indexOf('@') + 1).replace(/_/g, ' ')}` : id.replace(/_/g, ' '));
    const chains = await page.$$eval('[data-table="structural-paths"] tbody tr', (trs) => trs.map((tr) => tr.children[1]?.textContent ?? ''));
    assert.deepEqual(chains, api.paths.map((p) => p.items.map(label).join(' ← ')));
    assertClose(Number(await page.getAttribute('.paths-results .lede', 'data-covered')), api.covered, `${where}: covered`);
  }

  test('the 1930 example: urban labour behind Moscow–Leningrad’s final demand, then a Monte Carlo run, equal to the API; 1440 and 400 px', async () => {
    await openModel(page, server.url, 'ussr-1930', 'analysis');
    await page.waitForSelector('[data-part="structural-paths"]');
    await page.selectOption('#paths-resource', 'urban_labour');
    await page.selectOption('#paths-region', 'moscow_leningrad');
    await page.fill('#paths-top', '15');
    await page.click('.paths-controls button[type="submit"]');
    await page.waitForSelector('[data-table="structural-paths"]');
    const api = await call<PathsDoc>('POST', '/models/ussr-1930/paths', { resource: 'urban_labour', region: 'moscow_leningrad', top: 15, depth: 6, threshold: 0 });
    assert.equal(api.paths.length, 15);
    await assertPaths(api, '1930');

    await page.fill('#uncertainty-draws', '100');
    await page.fill('#uncertainty-seed', '4');
    await page.click('.uncertainty-controls button[type="submit"]');
    await page.waitForSelector('[data-table="uncertainty-footprints"]');
    const mc = await call<McDoc>('POST', '/models/ussr-1930/uncertainty', { rsd: 0.1, demandRsd: 0, extensionRsd: 0, distribution: 'lognormal', draws: 100, seed: 4 });
    const byKey = new Map(mc.footprints.map((f) => [`${f.row}|${f.of}`, f]));
    for (const [label, key] of [['mean', 'mean'], ['2.5%', 'p025'], ['97.5%', 'p975'], ['deterministic', 'value']] as const) {
      const cells = await columnValues(page, 'uncertainty-footprints', await columnIndex(page, 'uncertainty-footprints', label));
      assert.equal(cells.length, mc.footprints.length);
      for (const [k, v] of cells) assertClose(v, byKey.get(k)?.[key] ?? Number.NaN, `footprint ${k} ${label}`);
    }
    // The error bars: one per region of the resource picked, median dots at the API's medians' places.
    const first = mc.footprints[0].row;
    assert.equal(await page.locator('[data-chart="uncertainty-footprints"] g[data-key]').count(), mc.footprints.filter((f) => f.row === first).length);
    await checkView(page, watch, 'analysis-paths-ussr-1930-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 400 px`);
    await checkView(page, watch, 'analysis-paths-ussr-1930-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('pymrio’s test MRIO: emission type 1 behind reg2’s final demand and the multipliers’ intervals equal the API’s; 1440 and 400 px', async () => {
    await openModel(page, server.url, 'pymrio-test-mrio', 'analysis');
    await page.waitForSelector('[data-part="structural-paths"]');
    await page.selectOption('#paths-resource', 'emissions/emission_type1');
    await page.selectOption('#paths-region', 'reg2');
    await page.fill('#paths-top', '30');
    await page.fill('#paths-depth', '4');
    await page.click('.paths-controls button[type="submit"]');
    await page.waitForSelector('[data-table="structural-paths"]');
    const api = await call<PathsDoc>('POST', '/models/pymrio-test-mrio/paths', { resource: 'emissions/emission_type1', region: 'reg2', top: 30, depth: 4, threshold: 0 });
    await assertPaths(api, 'pymrio');

    await page.fill('#uncertainty-draws', '50');
    await page.fill('#uncertainty-extension-rsd', '0.05');
    await page.click('.uncertainty-controls button[type="submit"]');
    await page.waitForSelector('[data-table="uncertainty-multipliers"]');
    const mc = await call<McDoc>('POST', '/models/pymrio-test-mrio/uncertainty', { rsd: 0.1, demandRsd: 0, extensionRsd: 0.05, distribution: 'lognormal', draws: 50, seed: 1 });
    const byKey = new Map(mc.multipliers.map((f) => [`${f.row}|${f.of}`, f]));
    for (const [label, key] of [['median', 'median'], ['2.5%', 'p025'], ['97.5%', 'p975']] as const) {
      const cells = await columnValues(page, 'uncertainty-multipliers', await columnIndex(page, 'uncertainty-multipliers', label));
      assert.equal(cells.length, mc.multipliers.length);
      for (const [k, v] of cells) assertClose(v, byKey.get(k)?.[key] ?? Number.NaN, `multiplier ${k} ${label}`);
    }
    await checkView(page, watch, 'analysis-paths-pymrio-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 400 px`);
    await checkView(page, watch, 'analysis-paths-pymrio-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
