import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixture } from '../helpers/paths.js';
import { checkView, type PageWatch } from './page-checks.js';
import type { RunningServer } from './start-server.js';
import { openWebSession, type WebSession } from './web-session.js';
import { assertClose, columnIndex, columnValues, openModel, serviceApi } from './web-helpers.js';

// The analysis view's Type II, key-sector and impact sections in Chromium against the real
// service, on the 1930 example and pymrio's test MRIO: the numbers the page shows are the API's
// (and, for the impacts, pymrio's own).

interface TypeIIDoc {
  readonly items: string[];
  readonly typeII: { quantities: { name: string; typeII: number[]; induced: number[]; typeIIRatio: (number | null)[] }[] };
}
interface RankingDoc {
  readonly ranking: { ranking: { name: string; losses: { loss: number }[]; backwardIndex?: number }[] };
}
interface ImpactsDoc {
  readonly impacts: { footprints: { regions: string[]; rows: Record<string, number[]> } };
}

const FACTORS = fixture('pymrio-test-mrio', 'concordance', 'emissions_charact.tsv');

describe('analysis view: Type II effects, key sectors, characterised impacts', () => {
  let session: WebSession | undefined;
  let server: RunningServer;
  let page: Page;
  let watch: PageWatch;
  let call: ReturnType<typeof serviceApi>;

  before(async () => {
    session = await openWebSession('effects');
    ({ server, page, watch, call } = session);
  });

  after(() => session?.close());

  test('the 1930 example: Type II effects with urban labour as income, and the key sectors sortable, equal to the API', async () => {
    await openModel(page, server.url, 'ussr-1930', 'analysis');
    await page.waitForSelector('[data-part="type-ii"] form');
    await page.selectOption('#type-ii-income', 'urban_labour');
    await page.click('[data-part="type-ii"] button[type="submit"]');
    await page.waitForSelector('[data-table="type-ii-0"]');
    const api = await call<TypeIIDoc>('POST', '/models/ussr-1930/analyze', { analyses: ['typeII'], householdIncome: 'urban_labour' });
    const output = await columnValues(page, 'type-ii-0', await columnIndex(page, 'type-ii-0', 'Type II total'));
    assert.deepEqual(
      output.map(([k]) => k),
      api.items,
    );
    output.forEach(([, v], j) => assertClose(v, api.typeII.quantities[0].typeII[j], `output Type II ${j}`));
    // Another quantity: the households' income itself.
    await page.selectOption('#type-ii-quantity', '1');
    await page.waitForSelector('[data-table="type-ii-1"]');
    const income = await columnValues(page, 'type-ii-1', await columnIndex(page, 'type-ii-1', 'induced'));
    income.forEach(([, v], j) => assertClose(v, api.typeII.quantities[1].induced[j], `income induced ${j}`, 1e-9));
    assert.match((await page.textContent('[data-part="type-ii"] .identity')) ?? '', /Urban labour|urban labour/i);

    await page.click('[data-part="key-sectors"] button[type="submit"]');
    await page.waitForSelector('[data-table="key-sectors"]');
    const ranking = await call<RankingDoc>('POST', '/models/ussr-1930/extraction', { kind: 'total', rank: 'items' });
    const byName = new Map(ranking.ranking.ranking.map((g) => [g.name, g]));
    const loss = await columnValues(page, 'key-sectors', await columnIndex(page, 'key-sectors', 'output loss'));
    assert.equal(loss.length, api.items.length);
    loss.forEach(([k, v]) => assertClose(v, byName.get(k)?.losses[0].loss ?? Number.NaN, `loss of ${k}`));
    assert.equal(loss[0][0], ranking.ranking.ranking[0].name, 'ranked by the loss, largest first');
    // Sortable: the backward index, largest first.
    const col = await columnIndex(page, 'key-sectors', 'backward index');
    const header = page.locator('[data-table="key-sectors"] thead th').nth(col);
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const sorted = (await columnValues(page, 'key-sectors', col)).map(([, v]) => v);
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
    assert.ok(await page.isVisible('[data-chart="key-sectors"]'));
    await checkView(page, watch, 'analysis-effects-ussr-1930-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    await checkView(page, watch, 'analysis-effects-ussr-1930-400');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('pymrio’s test MRIO: characterised footprints from a factors file chosen in the page equal the API’s and pymrio’s; regions ranked', async () => {
    await openModel(page, server.url, 'pymrio-test-mrio', 'analysis');
    await page.waitForSelector('[data-part="impacts"] form');
    await page.setInputFiles('#impacts-factors', FACTORS);
    await page.click('[data-part="impacts"] button[type="submit"]');
    await page.waitForSelector('[data-table="impact-footprints"]');
    const api = await call<ImpactsDoc>('POST', '/models/pymrio-test-mrio/analyze', { analyses: [], characterise: { csv: readFileSync(FACTORS, 'utf8'), name: 'emissions_charact.tsv' } });
    const pymrio = readFileSync(fixture('pymrio-test-mrio', 'reference', 'impacts', 'D_cba_reg.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    for (const [impact, ...values] of pymrio) {
      const g = api.impacts.footprints.regions;
      for (let k = 0; k < g.length; k++) {
        const col = await columnIndex(page, 'impact-footprints', g[k]);
        const cell = (await columnValues(page, 'impact-footprints', col)).find(([key]) => key === impact);
        assert.ok(cell !== undefined, impact);
        assertClose(cell[1], api.impacts.footprints.rows[impact][k], `${impact} ${g[k]} (page vs API)`);
        assertClose(cell[1], Number(values[k]), `${impact} ${g[k]} (page vs pymrio)`);
      }
    }
    assert.match((await page.textContent('[data-part="impacts"] .notes')) ?? '', /emission_type3 → total emissions/);

    await page.selectOption('#extraction-by', 'regions');
    await page.click('[data-part="key-sectors"] button[type="submit"]');
    await page.waitForSelector('[data-table="key-sectors"]');
    const ranking = await call<RankingDoc>('POST', '/models/pymrio-test-mrio/extraction', { kind: 'total', rank: 'regions' });
    const loss = await columnValues(page, 'key-sectors', await columnIndex(page, 'key-sectors', 'output loss'));
    assert.deepEqual(
      loss.map(([k]) => k),
      ranking.ranking.ranking.map((g) => g.name),
    );
    loss.forEach(([, v], k) => assertClose(v, ranking.ranking.ranking[k].losses[0].loss, `region ${k}`));
    await checkView(page, watch, 'analysis-effects-pymrio-1440');
    await page.setViewportSize({ width: 400, height: 900 });
    await checkView(page, watch, 'analysis-effects-pymrio-400');
  });
});
