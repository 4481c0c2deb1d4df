import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkView, type PageWatch } from './page-checks.js';
import type { RunningServer } from './start-server.js';
import { openWebSession, type WebSession } from './web-session.js';
import { assertClose, columnIndex, columnValues, openModel, serviceApi } from './web-helpers.js';

// The analysis view's decomposition, series and regional sections in Chromium against the real
// service: the numbers the page shows (full precision in data-value) are the API's.

interface SeriesDoc {
  readonly years: { year: string }[];
  readonly measures: { id: string; values: (number | null)[] }[];
  readonly decompositions: { from: string; to: string; measures: { id: string; change: number }[] }[];
}
interface DecompositionDoc {
  readonly measures: { id: string; change: number; parts: Record<string, number>; sum: number }[];
}
interface RegionalDoc {
  readonly sectors: { id: string; slq: number; regionalInputs: number; regionalMultiplier: number }[];
}

describe('analysis view: decomposition, series, regional table', () => {
  let session: WebSession | undefined;
  let server: RunningServer;
  let page: Page;
  let watch: PageWatch;
  let call: ReturnType<typeof serviceApi>;

  before(async () => {
    session = await openWebSession('series');
    ({ server, page, watch, call } = session);
  });

  after(() => session?.close());

  test('the 1930 model: its four years over time and decomposed, the period 1930 → 1933 decomposed; the API’s numbers; clean at 1440 and 400 px', async () => {
    await openModel(page, server.url, 'ussr-1930', 'analysis');
    await page.waitForSelector('[data-part="series"]');

    await page.click('#run-series');
    await page.waitForSelector('[data-table="series"]');
    const api = await call<SeriesDoc>('POST', '/series', { models: [{ id: 'ussr-1930' }], analyses: [], decompose: true });
    assert.deepEqual(api.years.map((y) => y.year), ['1930', '1931', '1932', '1933']);
    for (const [k, year] of api.years.entries()) {
      const shown = new Map(await columnValues(page, 'series', await columnIndex(page, 'series', year.year)));
      assert.equal(shown.size, api.measures.length);
      for (const m of api.measures) if (m.values[k] !== null) assertClose(shown.get(m.id) ?? NaN, m.values[k] ?? NaN, `${m.id} in ${year.year}`);
    }
    // The line over the years: one dot per year at the API's gross output.
    const dots = await page.$$eval('[data-chart="series"] circle', (cs) => cs.map((c) => Number(c.getAttribute('data-value'))));
    const gross = api.measures.find((m) => m.id === 'gross output');
    assert.ok(gross !== undefined);
    assert.equal(dots.length, 4);
    dots.forEach((v, k) => assertClose(v, gross.values[k] ?? NaN, `dot ${k}`));
    // Choosing another measure redraws the line with its values.
    const labour = api.measures.findIndex((m) => m.id === 'use of urban_labour');
    await page.selectOption('#series-measure', String(labour));
    await page.waitForSelector('[data-chart="series"] h3:has-text("urban labour")');
    const labourDots = await page.$$eval('[data-chart="series"] circle', (cs) => cs.map((c) => Number(c.getAttribute('data-value'))));
    labourDots.forEach((v, k) => assertClose(v, api.measures[labour].values[k] ?? NaN, `urban labour dot ${k}`));
    const changes = await columnValues(page, 'series-decomposition', await columnIndex(page, 'series-decomposition', 'change'));
    assert.equal(changes.length, api.decompositions.length * api.decompositions[0].measures.length);
    assertClose(changes[0][1], api.decompositions[0].measures[0].change, 'change 1930–1931');

    await page.selectOption('#decomposition-first-period', '1930');
    await page.selectOption('#decomposition-second-period', '1933');
    await page.click('#decompose');
    await page.waitForSelector('[data-table="decomposition"]');
    const d = await call<DecompositionDoc>('POST', '/decomposition', { first: { id: 'ussr-1930', period: '1930' }, second: { id: 'ussr-1930', period: '1933' } });
    for (const label of ['change', 'level', 'destination', 'mix', 'Σ parts']) {
      const shown = new Map(await columnValues(page, 'decomposition', await columnIndex(page, 'decomposition', label)));
      for (const m of d.measures) {
        const want = label === 'change' ? m.change : label === 'Σ parts' ? m.sum : m.parts[label];
        assertClose(shown.get(m.id) ?? NaN, want, `${label} of ${m.id}`);
      }
    }
    // The bars: the five parts and the total change of gross output.
    const bars = await page.$$eval('[data-chart="decomposition"] li', (ls) => ls.map((l) => [l.getAttribute('data-key'), Number(l.getAttribute('data-value'))] as [string, number]));
    assert.deepEqual(bars.map(([k]) => k), ['intensity', 'technology', 'level', 'destination', 'mix', 'change']);
    assertClose(bars[5][1], d.measures[0].change, 'total change bar');
    assertClose(bars.slice(0, 5).reduce((s, [, v]) => s + v, 0), d.measures[0].change, 'the bars sum to the total');

    await checkView(page, watch, 'analysis-series-ussr-1930-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    // Nothing of these sections reaches beyond the page's width (wide tables scroll in their own box).
    // (The page as a whole does scroll at 400 px on this model: the per-person footprint table of the
    // footprints section, which is not part of these sections.)
    const wide = await page.evaluate<string[]>(
      "[...document.querySelectorAll('[data-part=series] *, [data-part=decomposition] *, [data-part=regional] *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && ![...document.querySelectorAll('*')].some((a) => a !== e && a.contains(e) && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX))).slice(0, 3).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)",
    );
    assert.deepEqual(wide, [], 'elements of the sections wider than the page at 400 px');
    await checkView(page, watch, 'analysis-series-ussr-1930-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('Miller–Blair as a nation: the regional table from a file chosen in the page equals the API’s', async () => {
    await openModel(page, server.url, 'miller-blair', 'analysis');
    await page.waitForSelector('[data-part="regional"]');
    const csv = 'sector,regional,national\nsector_1,10,100\nsector_2,40,100\n';
    await page.setInputFiles('#regional-file', { name: 'region.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.selectOption('#regional-method', 'slq');
    await page.click('#regionalise');
    await page.waitForSelector('[data-table="regional"]');
    const api = await call<RegionalDoc>('POST', '/models/miller-blair/regionalise', { method: 'slq', csv });
    const slq = new Map(await columnValues(page, 'regional', await columnIndex(page, 'regional', 'SLQ')));
    const mult = new Map(await columnValues(page, 'regional', await columnIndex(page, 'regional', 'multiplier regional')));
    for (const s of api.sectors) {
      assertClose(slq.get(s.id) ?? NaN, s.slq, `SLQ of ${s.id}`);
      assertClose(mult.get(s.id) ?? NaN, s.regionalMultiplier, `regional multiplier of ${s.id}`);
    }
    assertClose(slq.get('sector_1') ?? NaN, 0.4, 'SLQ = (10/50)/(100/200)');
    await checkView(page, watch, 'analysis-regional-miller-blair-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 400 px`);
    await checkView(page, watch, 'analysis-regional-miller-blair-400');
  });
});
