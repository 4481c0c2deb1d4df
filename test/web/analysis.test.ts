import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixture } from '../helpers/paths.js';
import { checkView, type PageWatch } from './page-checks.js';
import type { RunningServer } from './start-server.js';
import { openWebSession, type WebSession } from './web-session.js';
import { assertClose, columnIndex, columnValues, download, openModel, parseCsv, serviceApi } from './web-helpers.js';

// The analysis view in Chromium against the real service: the numbers the page shows (full
// precision in data-value, and in the CSV) are the API's, and the API's are the published ones.

interface Doc {
  readonly model: string;
  readonly items: string[];
  readonly grossOutput: { status: string; x: number[]; finalDemand: number[] };
  readonly multipliers: { output: number[]; rows: Record<string, { total: number[] }> };
  readonly incomeMultipliers?: { simple: number[]; typeI: (number | null)[] };
  readonly linkages: { backward: { normalised: number[] }; forward: { raw: number[]; normalised: number[] } };
  readonly labourValues?: { values: number[] };
  readonly footprints: { regions: string[]; rows: Record<string, number[]>; perCapita?: { regions: string[]; rows: Record<string, number[]> } };
}

/** Miller & Blair (2009) ch. 2: L = (I − A)⁻¹ exactly (test/fixtures/expected.json). */
const L = [
  [1.254125412541254, 0.33003300330033003],
  [0.26402640264026406, 1.1221122112211221],
];

function reference(file: string, skip: number): number[][] {
  return readFileSync(fixture('pymrio-test-mrio', 'reference', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(skip).map(Number));
}

/** A model of `n` items in a ring: item k uses 0.1 of item k+1 and one hour of labour. */
function ringModel(n: number): string {
  const lines = ['name: Ring of ten thousand', 'products:'];
  for (let k = 0; k < n; k++) lines.push(`  - { id: p${k}, unit: t }`);
  lines.push('resources:', '  - { id: labour, unit: h }', 'techniques:');
  for (let k = 0; k < n; k++) lines.push(`  - { id: m${k}, produces: { p${k}: 1 }, consumes: { p${(k + 1) % n}: 0.1 }, uses: { labour: 1 } }`);
  lines.push('targets:');
  for (let k = 0; k < n; k++) lines.push(`  - { product: p${k}, amount: ${1 + (k % 97)} }`);
  return lines.join('\n');
}

describe('analysis view', () => {
  let session: WebSession | undefined;
  let server: RunningServer;
  let page: Page;
  let watch: PageWatch;
  let call: ReturnType<typeof serviceApi>;

  before(async () => {
    session = await openWebSession('analysis');
    ({ server, page, watch, call } = session);
  });

  after(() => session?.close());

  test('Miller–Blair: the published multipliers, the API’s numbers in every table, sorting, filtering, CSV, SVG and PNG', async () => {
    await openModel(page, server.url, 'miller-blair', 'analysis');
    await page.waitForSelector('[data-table="multipliers"]');
    await page.selectOption('#analysis-income', 'labour');
    await page.click('.analysis-controls button[type="submit"]');
    await page.waitForSelector('[data-table="income-multipliers"]');
    const api = await call<Doc>('POST', '/models/miller-blair/analyze', { income: 'labour' });
    assert.match((await page.textContent('.analysis-results .lede')) ?? '', /Miller and Blair/);

    // The page shows the API's numbers at full precision, and they are the book's.
    const output = await columnValues(page, 'multipliers', await columnIndex(page, 'multipliers', 'output multiplier'));
    assert.deepEqual(
      output.map(([k]) => k),
      api.items,
    );
    output.forEach(([, v], j) => {
      assertClose(v, api.multipliers.output[j], `output multiplier ${j} (page vs API)`);
      assertClose(v, L[0][j] + L[1][j], `output multiplier ${j} (page vs Miller–Blair)`);
    });
    const x = await columnValues(page, 'gross-output', await columnIndex(page, 'gross-output', 'gross output'));
    x.forEach(([, v], j) => assertClose(v, [1000, 2000][j], `gross output ${j}`));
    const labour = await columnValues(page, 'multipliers', await columnIndex(page, 'multipliers', 'labour total'));
    labour.forEach(([, v], j) => assertClose(v, 0.3 * L[0][j] + 0.25 * L[1][j], `labour multiplier ${j}`));
    const typeI = await columnValues(page, 'income-multipliers', await columnIndex(page, 'income-multipliers', 'Type I'));
    typeI.forEach(([, v], j) => assertClose(v, api.incomeMultipliers?.typeI[j] ?? NaN, `Type I ${j}`));
    const forward = await columnValues(page, 'linkages', await columnIndex(page, 'linkages', 'forward index'));
    forward.forEach(([, v], j) => assertClose(v, api.linkages.forward.normalised[j], `forward index ${j}`));
    const values = await columnValues(page, 'labour-values', await columnIndex(page, 'labour-values', 'embodied'));
    values.forEach(([, v], j) => assertClose(v, api.labourValues?.values[j] ?? NaN, `labour value ${j}`));
    // Units on the numbers: the headers and the bar texts name them.
    assert.match((await page.textContent('[data-table="multipliers"] thead')) ?? '', /labour total \(dollar per unit\)/);
    assert.match((await page.textContent('[data-chart="gross-output"] .bar-value')) ?? '', /dollar/);

    // Sorting: the first press puts the largest first, the second the smallest; aria-sort says so.
    const col = await columnIndex(page, 'multipliers', 'output multiplier');
    const header = page.locator('[data-table="multipliers"] thead th').nth(col);
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    let keys = (await columnValues(page, 'multipliers', col)).map(([k]) => k);
    assert.deepEqual(keys, ['sector_1', 'sector_2']);
    await header.locator('button').press('Enter');
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    keys = (await columnValues(page, 'multipliers', col)).map(([k]) => k);
    assert.deepEqual(keys, ['sector_2', 'sector_1']);

    // Filtering keeps the rows that hold the text.
    await page.fill('#filter-multipliers', 'sector 2');
    keys = (await columnValues(page, 'multipliers', col)).map(([k]) => k);
    assert.deepEqual(keys, ['sector_2']);
    assert.match((await page.textContent('[data-table-view="multipliers"] .count')) ?? '', /1 of 2 rows/);

    // The CSV holds every row (the filter notwithstanding), full precision, units in the header.
    const csv = await download(page, () => page.click('[data-table-view="multipliers"] button.csv'));
    assert.equal(csv.name, 'multipliers.csv');
    const table = parseCsv(csv.bytes.toString('utf8'));
    assert.deepEqual(table[0].slice(0, 3), ['item', 'unit', 'output multiplier (per unit)']);
    assert.equal(table.length, 3, 'a header and both rows');
    const byItem = new Map(table.slice(1).map((r) => [r[0], r]));
    api.items.forEach((id, j) => assertClose(Number(byItem.get(id)?.[2]), api.multipliers.output[j], `CSV output multiplier of ${id}`));
    await page.fill('#filter-multipliers', '');

    // Every chart downloads as SVG and as PNG.
    const chart = page.locator('[data-chart="output-multipliers"]');
    const svg = await download(page, () => chart.locator('button.export-svg').click());
    assert.equal(svg.name, 'output-multipliers.svg');
    const svgText = svg.bytes.toString('utf8');
    assert.match(svgText, /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svgText, /sector 1/);
    assert.equal((svgText.match(/<rect /g) ?? []).length >= 5, true, 'background, tracks and bars');
    const png = await download(page, () => chart.locator('button.export-png').click());
    assert.equal(png.name, 'output-multipliers.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.bytes.length > 2000, `PNG of ${png.bytes.length} bytes`);
    const charts = await page.locator('figure.chart').count();
    const exports = await page.locator('figure.chart .chart-export button').count();
    assert.equal(exports, 2 * charts, 'every chart has its SVG and PNG buttons');

    await checkView(page, watch, 'analysis-miller-blair-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 400 px`);
    await checkView(page, watch, 'analysis-miller-blair-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('Miller–Blair with the demand edited to (600, 1500): the book’s new gross output', async () => {
    await page.click('.demand-editor summary');
    await page.fill('#demand-0', '600');
    await page.fill('#demand-1', '1500');
    await page.click('.analysis-controls button[type="submit"]');
    await page.waitForFunction('document.querySelector(".analysis-results .lede")?.textContent.includes("the demand sent")');
    const x = await columnValues(page, 'gross-output', await columnIndex(page, 'gross-output', 'gross output'));
    assertClose(x[0][1], 1247.5247524752474, 'x1 for the new demand');
    assertClose(x[1][1], 1841.5841584158416, 'x2 for the new demand');
    await checkView(page, watch, 'analysis-miller-blair-new-demand');
  });

  test('pymrio’s test MRIO: footprints per region and per person equal the API’s and pymrio’s', async () => {
    await openModel(page, server.url, 'pymrio-test-mrio', 'analysis');
    await page.waitForSelector('[data-table="footprints-per-capita"]');
    const api = await call<Doc>('POST', '/models/pymrio-test-mrio/analyze', {});
    const cells = await page.$$eval('[data-table="footprints"] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-key') ?? '', [...tr.querySelectorAll('td.num')].map((td) => Number(td.getAttribute('data-value')))] as [string, number[]]));
    assert.equal(cells.length, 3);
    const cba = reference('emissions/D_cba_reg.csv', 2);
    for (const [id, values] of cells) {
      values.forEach((v, g) => assertClose(v, api.footprints.rows[id][g], `${id} in ${api.footprints.regions[g]} (page vs API)`));
      if (id === 'emissions/emission_type1') values.forEach((v, g) => assertClose(v, cba[0][g], `${id} in region ${g} (page vs pymrio)`));
    }
    const perCapita = await page.$$eval('[data-table="footprints-per-capita"] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-key') ?? '', [...tr.querySelectorAll('td.num')].map((td) => Number(td.getAttribute('data-value')))] as [string, number[]]));
    const cap = reference('emissions/D_cba_cap.csv', 2);
    const type2 = perCapita.find(([id]) => id === 'emissions/emission_type2');
    assert.ok(type2 !== undefined);
    type2[1].forEach((v, g) => assertClose(v, cap[1][g], `emission type 2 per person in region ${g}`));
    assert.match((await page.textContent('[data-table="footprints-per-capita"] tbody')) ?? '', /kg per person/);
    // One resource's charts at a time (total and per person); the picker shows another's.
    assert.equal(await page.locator('[data-chart^="footprint-"]').count(), 2);
    await page.selectOption('#footprints-chart', '2');
    const bars = await page.$$eval('[data-chart="footprint-2"] .bar', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-value'))] as [string, number]));
    assert.equal(bars.length, 6);
    for (const [region, v] of bars) assertClose(v, api.footprints.rows['factor_inputs/Value Added'][api.footprints.regions.indexOf(region)], `value added footprint of ${region}`);
    assert.equal(await page.locator('[data-chart="footprint-per-capita-2"] .bar').count(), 6);
    await checkView(page, watch, 'analysis-pymrio-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 400 px`);
    await checkView(page, watch, 'analysis-pymrio-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('the 1930 example (regions, periods, physical units): a period and a labour row chosen, the API’s numbers', async () => {
    await openModel(page, server.url, 'ussr-1930', 'analysis');
    await page.waitForSelector('[data-table="footprints"]');
    await page.selectOption('#analysis-period', '1931');
    await page.selectOption('#analysis-labour', 'urban_labour');
    await page.click('.analysis-controls button[type="submit"]');
    await page.waitForSelector('[data-table="labour-values"]');
    await page.waitForFunction('document.querySelector(".analysis-results .lede")?.textContent.includes("period 1931")');
    const api = await call<Doc>('POST', '/models/ussr-1930/analyze', { period: '1931', labour: 'urban_labour' });
    const x = await columnValues(page, 'gross-output', await columnIndex(page, 'gross-output', 'gross output'));
    const index = new Map(api.items.map((id, i) => [id, i]));
    assert.equal(x.length, api.items.length);
    for (const [id, v] of x) assertClose(v, api.grossOutput.x[index.get(id) ?? -1], `gross output of ${id} in 1931`);
    const lv = await columnValues(page, 'labour-values', await columnIndex(page, 'labour-values', 'embodied'));
    for (const [id, v] of lv) assertClose(v, api.labourValues?.values[index.get(id) ?? -1] ?? NaN, `labour value of ${id}`);
    // Footprints per region, per person: the regions of the model with their populations.
    const regions = await page.$$eval('[data-table="footprints-per-capita"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    assert.deepEqual(regions.slice(2).map((r) => r.replace(/ ↕$/, '')), api.footprints.perCapita?.regions);
    assert.match((await page.textContent('[data-table="labour-values"] thead')) ?? '', /person-year per unit/);
    await checkView(page, watch, 'analysis-ussr-1930-1931');
    // The choices are in the URL: a reload shows the same analysis.
    const hash = new URL(page.url()).hash;
    assert.match(hash, /period=1931/);
    assert.match(hash, /labour=urban_labour/);
    await page.reload();
    await page.waitForSelector('[data-table="labour-values"]');
    assert.equal(await page.inputValue('#analysis-period'), '1931');
    assert.equal(await page.inputValue('#analysis-labour'), 'urban_labour');
    await page.waitForFunction('document.querySelector(".analysis-results .lede")?.textContent.includes("period 1931")');
  });

  test('a model that is not productive: its status and sentence, no numbers', async () => {
    const text = [
      'name: Loop that makes nothing',
      'products: [{ id: a, unit: t }, { id: b, unit: t }]',
      'resources: [{ id: labour, unit: h }]',
      'techniques:',
      '  - { id: make_a, produces: { a: 1 }, consumes: { b: 1 }, uses: { labour: 1 } }',
      '  - { id: make_b, produces: { b: 1 }, consumes: { a: 1 }, uses: { labour: 1 } }',
      'targets: [{ product: a, amount: 1 }]',
    ].join('\n');
    await call('POST', '/models', { id: 'loop', format: 'yaml', text });
    await openModel(page, server.url, 'loop', 'analysis');
    await page.waitForSelector('[data-failed="not-productive"]');
    assert.equal(await page.locator('[data-table]').count(), 0, 'no table of numbers');
    assert.match((await page.textContent('[data-part="gross-output"]')) ?? '', /not productive/);
    await checkView(page, watch, 'analysis-not-productive');
  });

  test('a table of 10,000 rows renders only a window, scrolls by keyboard and sorts', async () => {
    const n = 10_000;
    await call('POST', '/models', { id: 'ring', format: 'yaml', text: ringModel(n) });
    await openModel(page, server.url, 'ring', 'analysis');
    await page.waitForSelector('[data-table="gross-output"] tbody tr[data-key]', { timeout: 120_000 });
    const table = page.locator('[data-table="gross-output"]');
    assert.equal(await table.getAttribute('aria-rowcount'), String(n + 1));
    const rendered = async (): Promise<string[]> => table.locator('tbody tr[data-key]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
    let rows = await rendered();
    assert.ok(rows.length > 5 && rows.length < 100, `${rows.length} rows in the page`);
    assert.equal(rows[0], 'p0');
    // The keyboard scrolls the focused region to the end: the last rows are drawn, the first gone.
    const region = page.locator('[data-table-view="gross-output"] .scroller');
    await region.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(`[...document.querySelectorAll('[data-table="gross-output"] tbody tr[data-key]')].some((tr) => tr.getAttribute('data-key') === 'p${n - 1}')`);
    rows = await rendered();
    assert.ok(!rows.includes('p0') && rows.length < 100, `after End: ${rows.length} rows, first ${rows[0]}`);
    await page.keyboard.press('Home');
    await page.waitForFunction(`document.querySelector('[data-table="gross-output"] tbody tr[data-key]')?.getAttribute('data-key') === 'p0'`);
    // Sorting the whole table (not the window): the largest gross output first, as the API has it.
    const api = await call<Doc>('POST', '/models/ring/analyze', { analyses: [] });
    const largest = api.items[api.grossOutput.x.reduce((best, v, k, xs) => (v > xs[best] ? k : best), 0)];
    const started = Date.now();
    await table.locator('thead th').nth(await columnIndex(page, 'gross-output', 'gross output')).locator('button').click();
    await page.waitForFunction(`document.querySelector('[data-table="gross-output"] tbody tr[data-key]')?.getAttribute('data-key') === '${largest}'`);
    assert.ok(Date.now() - started < 5000, `sorting 10,000 rows took ${Date.now() - started} ms`);
    assert.ok((await rendered()).length < 100);
    await checkView(page, watch, 'analysis-10000-rows');
  });
});
