import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths.js';
import { launchBrowser } from './launch-browser.js';
import { checkView, watchPage, type PageWatch } from './page-checks.js';
import { startServer, type RunningServer } from './start-server.js';
import { download } from './web-helpers.js';

// The plans view (objective, status, λ, bottlenecks, valuations, techniques, flows, history,
// publish) and the scenarios view (overrides, presets, the service's comparison), in Chromium, on
// the 1930 example, Kantorovich's machine tools and Miller–Blair; numbers against the API's.

/** Numbers shown against the API's: 1e-9 relative. */
const REL = 1e-9;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= REL * Math.max(1, Math.abs(a), Math.abs(b));

type PerPeriod = Record<string, Record<string, number>>;
interface PlanBody {
  readonly id: number;
  readonly status: string;
  readonly result: {
    readonly status: string;
    readonly objectiveValue: number;
    readonly lambda: Record<string, number> | null;
    readonly levels: Record<string, Record<string, number>> | null;
    readonly valuations: PerPeriod;
    readonly resourcePrices: PerPeriod;
    readonly reducedCosts: PerPeriod;
    readonly bottlenecks: readonly { kind: string; id: string; period: string; rent: number }[];
    readonly diagnosis: { kind: string; resources: string[]; targets: { product: string }[] } | null;
    readonly plants?: readonly { technique: string; period: string; units: number }[];
  };
}
interface Comparison {
  readonly objective: { a: number; b: number; change: number };
  readonly targets: readonly { item: string; period: string; priority: number; fulfilment: { change: number | null }; changed: boolean }[];
  readonly activity: readonly unknown[];
}

describe('the plans and scenarios views', { timeout: 900_000 }, () => {
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

  /** checkView at 1440 × 900 and at 400 px wide, with no sideways overflow at 400. */
  const checkBoth = async (name: string): Promise<void> => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await checkView(page, watch, `${name}-1440`);
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `${name} at 400 px is ${overflow} px too wide`);
    await checkView(page, watch, `${name}-400`);
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  const openModel = async (id: string, view: 'solve' | 'compare'): Promise<void> => {
    // The model named in the URL (the view renders once, for it: no earlier model's view to mistake for it).
    await page.goto('about:blank');
    await page.goto(`${server.url}/#${view}?model=${encodeURIComponent(id)}`);
    await page.waitForSelector('#model-select');
    assert.equal(await page.inputValue('#model-select'), id);
    await page.waitForSelector(view === 'solve' ? '#plan-form' : '#scenario-editor');
  };

  /** Clicks Solve (or a button that solves) and waits for a new plan's panel; returns the plan's id. */
  const solveWith = async (click: () => Promise<void>): Promise<string> => {
    // Read at once (page.getAttribute would wait its 30 s for a plan panel that a fresh view does not have).
    const before = (await page.$$eval('.plan[data-plan]', (els) => els.map((e) => e.getAttribute('data-plan'))))[0] ?? null;
    await click();
    await page.waitForFunction(`(() => { const el = document.querySelector('.plan[data-plan]'); return el !== null && el.getAttribute('data-plan') !== ${JSON.stringify(before)}; })()`, undefined, { timeout: 300_000 });
    const id = await page.getAttribute('.plan[data-plan]', 'data-plan');
    assert.ok(id !== null);
    return id;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plenty-web-plans-'));
    browser = await launchBrowser();
    server = await startServer(dataDir);
    token = ((await (await fetch(`${server.url}/api/session`)).json()) as { token: string }).token;
    const text = readFileSync(join(repoRoot, 'examples', 'kantorovich', 'machine-tools.yaml'), 'utf8');
    await api('POST', '/models', { format: 'yaml', text, id: 'machine-tools' });
    page = await browser.newPage();
    // 409: the same model uploaded again (offered as a new version); 404: GET /published before the first publication.
    watch = watchPage(page, [
      { status: 409, path: /^\/api\/models$/ },
      { status: 404, path: /^\/api\/published$/ },
    ]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  test('1930: maxmin solved; λ, levels, bottlenecks, valuations and reduced costs are the API’s; later periods say why they carry no valuation', async () => {
    await openModel('ussr-1930', 'solve');
    assert.match((await page.textContent('#objective-help')) ?? '', /tier by tier/);
    await page.selectOption('#objective', 'mincost');
    assert.match((await page.textContent('#objective-help')) ?? '', /least total use of one resource/);
    assert.equal(await page.isVisible('#objective-resource'), true, 'mincost asks for its resource');
    await page.selectOption('#objective', 'maxmin');
    const id = await solveWith(() => page.click('#solve'));
    const plan = await api<PlanBody>('GET', `/plans/${id}`);
    assert.equal(plan.result.status, 'optimal');
    const lambda = plan.result.lambda ?? {};
    const shown = await page.$$eval('[data-lambda]', (els) => els.map((e) => Number(e.getAttribute('data-lambda'))));
    assert.equal(shown.length, Object.keys(lambda).length);
    Object.values(lambda).forEach((l, k) => assert.ok(close(shown[k], l), `λ ${shown[k]} against ${l}`));
    for (const t of await page.$$eval('[data-lambda]', (els) => els.map((e) => e.textContent ?? ''))) assert.doesNotMatch(t, /%/, 'λ is shown as λ, not as a percentage');
    for (const [tier, byPeriod] of Object.entries(plan.result.levels ?? {})) {
      for (const [period, level] of Object.entries(byPeriod)) {
        const cell = Number(await page.getAttribute(`[data-table="levels"] tr[data-tier="${tier}"] td[data-period="${period}"]`, 'data-level'));
        assert.ok(close(cell, level), `level of tier ${tier} in ${period}: ${cell} against ${level}`);
      }
    }
    // The works and the dam built in whole units: the plants table is the API's, and both are built.
    const plants = (plan.result.plants ?? []).map((p) => [p.technique, p.period, p.units] as const);
    assert.ok(['build_kharkov_line', 'build_dnieper_unit'].every((t) => plants.some(([j, , units]) => j === t && units >= 1)), JSON.stringify(plants));
    const plantRows = await page.$$eval('[data-table="plants"] tbody tr', (els) => els.map((e) => [e.getAttribute('data-plant') ?? '', e.getAttribute('data-period') ?? '', Number(e.querySelector('[data-units]')?.getAttribute('data-units'))] as const));
    assert.deepEqual(plantRows, plants);
    // 1930: the bottlenecks in the service's order.
    assert.equal(await page.inputValue('#period'), '1930');
    const bars = await page.$$eval('[data-chart="bottlenecks"] .bar', (els) => els.map((e) => e.getAttribute('data-key') ?? ''));
    const ranked = plan.result.bottlenecks.filter((b) => b.period === '1930' && b.rent > 0).map((b) => `${b.kind}:${b.id}:${b.period}`);
    assert.deepEqual(bars, ranked);
    assert.match((await page.textContent('[data-chart="bottlenecks"]')) ?? '', /λ per person-year/, 'shadow prices with their unit');
    // Valuations: each row the API's, per unit of the objective.
    const valued = await page.$$eval('[data-table="valuations"] tbody tr', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-value'))] as const));
    const want = [
      ...Object.entries(plan.result.valuations['1930'] ?? {}).filter(([, v]) => v > 0).map(([k, v]) => [`product:${k}`, v] as const),
      ...Object.entries(plan.result.resourcePrices['1930'] ?? {}).filter(([, v]) => v > 0).map(([k, v]) => [`resource:${k}`, v] as const),
    ];
    assert.equal(valued.length, want.length);
    const wanted = new Map(want);
    for (const [key, v] of valued) assert.ok(close(v, wanted.get(key) ?? NaN), `valuation of ${key}: ${v} against ${wanted.get(key)}`);
    // Techniques: reduced costs as the plan document has them.
    const costs = await page.$$eval('[data-table="competing"] tbody tr', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-reduced-cost'))] as const));
    assert.ok(costs.length > 0, 'items made by several techniques are listed');
    for (const [j, rc] of costs) assert.ok(close(rc, plan.result.reducedCosts['1930']?.[j] ?? 0), `reduced cost of ${j}`);
    assert.ok(costs.some(([, rc]) => rc < 0), 'an idle technique shows what it would lose');
    // The Sankey: three columns, regions as colours, the unit stated.
    const sankey = (await page.textContent('[data-chart="sankey"] figcaption')) ?? '';
    assert.match(sankey, /Resources into products into their uses, 1930/);
    assert.match(sankey, /in λ/);
    assert.doesNotMatch(sankey, /= 100/);
    // The Sankey downloads as SVG, with its flows.
    const svg = await download(page, () => page.locator('[data-chart="sankey"] button.export-svg').click());
    assert.equal(svg.name, 'sankey.svg');
    assert.match(svg.bytes.toString('utf8'), /<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok((svg.bytes.toString('utf8').match(/<path/g) ?? []).length > 3, 'the flows are in the drawing');
    const heads = await page.$$eval('[data-chart="sankey"] .column-head', (els) => els.map((e) => e.textContent));
    assert.deepEqual(heads, ['resources', 'products', 'uses']);
    assert.ok((await page.locator('[data-chart="sankey"] .legend li').count()) > 2, 'a legend of the regions');
    await checkBoth('plans-1930-maxmin');

    // 1931: no bottleneck under maxmin while limits are full — said, with the objective that values every period.
    await page.selectOption('#period', '1931');
    const later = plan.result.bottlenecks.filter((b) => b.period === '1931' && b.rent > 0);
    assert.equal(later.length, 0, 'the API gives 1931 no bottleneck under maxmin');
    const why = (await page.textContent('.bottlenecks [data-unvalued="1931"]')) ?? '';
    assert.match(why, /only the periods that set λ \(1930\) carry valuations/);
    assert.match(why, /at 100%/);
    await checkBoth('plans-1930-1931-unvalued');

    // Publish it, with the result shown.
    await page.click(`[data-publish="${id}"]`);
    await page.waitForFunction("/published/.test(document.getElementById('publish-result')?.textContent ?? '')");
    const published = await api<{ planId: number }>('GET', '/published');
    assert.equal(String(published.planId), id);
    assert.equal(await page.textContent(`[data-publish="${id}"]`), 'Published');

    // The objective that values every period: harmony, from the explanation's button.
    await page.selectOption('#period', '1931');
    const second = await solveWith(() => page.click('[data-unvalued="1931"] button[data-offer="harmony"]'));
    const harmony = await api<PlanBody>('GET', `/plans/${second}`);
    assert.ok(harmony.result.bottlenecks.some((b) => b.period === '1931'), 'harmony values 1931');
    await page.selectOption('#period', '1931');
    assert.ok((await page.locator('[data-chart="bottlenecks"] .bar').count()) > 0);
    // History: both plans of the scenario, as the API lists them.
    const scenario = await api<{ id: number }[]>('GET', '/scenarios');
    const listed = await api<{ id: number }[]>('GET', `/plans?scenario=${scenario[0].id}`);
    const rows = await page.$$eval('[data-table="history"] tbody tr', (els) => els.map((e) => e.getAttribute('data-plan')));
    assert.deepEqual([...rows].sort(), listed.map((p) => String(p.id)).sort());
    assert.ok(rows.includes(id) && rows.includes(second));
    await checkBoth('plans-1930-harmony-history');
  });

  test('Kantorovich: λ = 86⅔ sets, valuations 2 : 1 between the parts, as the API has them', async () => {
    await openModel('machine-tools', 'solve');
    const id = await solveWith(() => page.click('#solve'));
    const plan = await api<PlanBody>('GET', `/plans/${id}`);
    const l = plan.result.lambda?.['1'] ?? NaN;
    assert.ok(close(Number(await page.getAttribute('[data-lambda]', 'data-lambda')), l));
    assert.equal(await page.textContent('[data-lambda]'), '86⅔ sets');
    // The numeraire: part 2 by default; part 1 is worth two of it.
    const rows = await page.$$eval('[data-table="valuations"] tbody tr', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-value')), Number(e.getAttribute('data-relative')), e.textContent ?? ''] as const));
    const part1 = rows.find(([k]) => k === 'product:part1');
    assert.ok(part1 !== undefined);
    assert.ok(close(part1[1], plan.result.valuations['1']?.['part1'] ?? NaN));
    assert.ok(close(part1[2], (plan.result.valuations['1']?.['part1'] ?? NaN) / (plan.result.valuations['1']?.['part2'] ?? NaN)));
    assert.match(part1[3], /2 : 1/);
    // Machines against the milling machine: 1 : 2 : 4.
    await page.selectOption('#numeraire', 'resource:milling');
    const machines = await page.$$eval('[data-table="valuations"] tbody tr[data-key^="resource:"]', (els) => els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-relative'))] as const));
    assert.deepEqual(
      machines.map(([k, r]) => [k, Math.round(r * 1e9) / 1e9]),
      [
        ['resource:automatic_turret_lathe', 4],
        ['resource:turret_lathe', 2],
        ['resource:milling', 1],
      ],
    );
    // Idle techniques and what they lose, as the plan document says.
    const idle = await page.$$eval('[data-table="competing"] tbody tr', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-reduced-cost')), e.textContent ?? ''] as const));
    const lathe = idle.find(([k]) => k === 'turret_lathe_part2');
    assert.ok(lathe !== undefined);
    assert.ok(close(lathe[1], plan.result.reducedCosts['1']?.['turret_lathe_part2'] ?? NaN));
    assert.match(lathe[2], /idle: loses 3\.333 λ per unit/);
    await checkBoth('plans-kantorovich');
  });

  test('Miller–Blair: the unbounded plan says which targets and resources leave it so, and mincost of labour solves it', async () => {
    await openModel('miller-blair', 'solve');
    const id = await solveWith(() => page.click('#solve'));
    const plan = await api<PlanBody>('GET', `/plans/${id}`);
    assert.equal(plan.result.status, 'unbounded');
    assert.equal(plan.result.diagnosis?.kind, 'unbounded');
    assert.equal(await page.getAttribute('.summary', 'data-status'), 'unbounded');
    assert.equal(await page.textContent('[data-unbounded="targets"]'), 'sector 1, sector 2');
    assert.equal(await page.textContent('[data-unbounded="resources"]'), 'labour');
    assert.doesNotMatch((await page.textContent('.plan')) ?? '', /NaN|Infinity/);
    await checkBoth('plans-miller-blair-unbounded');
    const fixed = await solveWith(() => page.click('[data-suggestion="mincost"]'));
    const solved = await api<PlanBody>('GET', `/plans/${fixed}`);
    assert.equal(solved.result.status, 'optimal');
    assert.ok(close(Number(await page.getAttribute('[data-objective-value]', 'data-objective-value')), solved.result.objectiveValue));
    assert.ok(Math.abs(solved.result.objectiveValue - 800) < 1e-6, 'the table’s own labour: 800 dollars');
    assert.equal(await page.inputValue('#objective'), 'mincost');
    await checkBoth('plans-miller-blair-mincost');
  });

  test('pymrio’s MRIO: unbounded, explained, and solved by mincost of value added', async () => {
    await openModel('pymrio-test-mrio', 'solve');
    const id = await solveWith(() => page.click('#solve'));
    const plan = await api<PlanBody>('GET', `/plans/${id}`);
    assert.equal(plan.result.status, 'unbounded');
    const resources = (await page.textContent('[data-unbounded="resources"]')) ?? '';
    assert.equal(resources, (plan.result.diagnosis?.resources ?? []).map((r) => r.replace(/_/g, ' ')).join(', '));
    assert.match((await page.textContent('[data-suggestion="mincost"]')) ?? '', /mincost of factor inputs\/Value Added/);
    await checkBoth('plans-pymrio-unbounded');
    const fixed = await solveWith(() => page.click('[data-suggestion="mincost"]'));
    assert.equal((await api<PlanBody>('GET', `/plans/${fixed}`)).result.status, 'optimal');
    assert.equal(await page.getAttribute('.summary', 'data-status'), 'optimal');
  });

  test('scenarios: a preset built from the 1930 model, compared by the service; the bars and the sentence are its comparison', async () => {
    await openModel('ussr-1930', 'compare');
    const presets = await page.$$eval('button.preset', (els) => els.map((e) => e.getAttribute('data-preset')));
    assert.ok(presets.includes('double-currency'), `presets: ${presets.join(', ')}`);
    await page.click('button.preset[data-preset="double-currency"]');
    await page.waitForSelector('.comparison', { timeout: 300_000 });
    const [a, b] = await page.$$eval('[data-side-plan]', (els) => els.map((e) => e.getAttribute('data-side-plan') ?? ''));
    const c = await api<Comparison>('GET', `/plans/${a}/compare/${b}`);
    const changed = c.targets.filter((t) => t.changed);
    assert.ok(changed.length > 0);
    assert.equal(Number(await page.getAttribute('.comparison', 'data-differences')), changed.length);
    const bars = await page.$$eval('[data-chart="compare-targets"] .dbar', (els) => els.map((e) => [e.getAttribute('data-key') ?? '', Number(e.getAttribute('data-value'))] as const));
    const top = [...changed].sort((x, y) => Math.abs(y.fulfilment.change ?? 0) - Math.abs(x.fulfilment.change ?? 0)).slice(0, 10);
    assert.deepEqual(
      bars.map(([k]) => k),
      top.map((t) => `${t.item}|${t.period}|${t.priority}`),
    );
    bars.forEach(([, v], k) => assert.ok(close(v, top[k].fulfilment.change ?? NaN)));
    const sentence = (await page.textContent('#compare-summary')) ?? '';
    assert.match(sentence, new RegExp(`${changed.length} of ${c.targets.length} targets change`));
    // The service's objectives, five significant digits (1.2182 to 1.2244 λ when this was written).
    const level = (x: number): string => x.toPrecision(5).replace(/\.?0+$/, '').replace('.', '\\.');
    assert.match(sentence, new RegExp(`The objective goes from ${level(c.objective.a)} to ${level(c.objective.b)} λ`));
    assert.ok(c.objective.b > c.objective.a, 'twice the hard currency raises λ');
    assert.equal(await page.locator('[data-details="targets"] tbody tr').count(), changed.length);
    assert.equal(await page.locator('[data-details="activity"] tbody tr').count(), c.activity.length);
    assert.equal(await page.getAttribute('[data-details="targets"]', 'open'), null, 'the full tables are collapsed');
    await checkBoth('scenarios-1930-double-currency');
  });

  test('scenarios on Kantorovich’s model: an override typed in the editor doubles λ; the Miller–Blair presets name only its own ids', async () => {
    await openModel('machine-tools', 'compare');
    const kinds = await page.$$eval('select[id^="ov-subject-"] option', (els) => els.map((e) => e.getAttribute('value') ?? ''));
    assert.deepEqual(kinds, ['milling', 'turret_lathe', 'automatic_turret_lathe']);
    await page.fill('#scenario-name', 'Three machines of each kind twice');
    for (const [k, resource] of ['milling', 'turret_lathe', 'automatic_turret_lathe'].entries()) {
      if (k > 0) await page.click('#add-override');
      const row = page.locator('li.override').nth(k);
      await row.locator('select[id^="ov-subject-"]').selectOption(resource);
      await row.locator('input[data-field="factor"]').fill('2');
    }
    await page.click('#run-scenario');
    await page.waitForSelector('.comparison', { timeout: 300_000 });
    const [a, b] = await page.$$eval('[data-side-plan]', (els) => els.map((e) => e.getAttribute('data-side-plan') ?? ''));
    const c = await api<Comparison>('GET', `/plans/${a}/compare/${b}`);
    assert.ok(close(c.objective.b, 2 * c.objective.a), 'λ doubles');
    assert.match((await page.textContent('#compare-summary')) ?? '', /The objective goes from 86⅔ to 173⅓ λ/);
    assert.deepEqual(await page.$$eval('[data-chart="compare-targets"] .dvalue', (els) => els.map((e) => e.textContent)), ['+86⅔ × the target', '+86⅔ × the target']);
    assert.doesNotMatch((await page.textContent('.comparison')) ?? '', /8666/, 'no fulfilment of thousands of percent');
    await checkBoth('scenarios-kantorovich-editor');

    await openModel('miller-blair', 'compare');
    const ids = await page.$$eval('button.preset', (els) => els.map((e) => e.getAttribute('data-preset')));
    assert.ok(!ids.includes('double-currency'), 'no preset of the 1930 model');
    const economy = await api<{ economy: { resources: { id: string }[]; products: { id: string }[] } }>('GET', '/models/miller-blair');
    const known = new Set([...economy.economy.resources.map((r) => r.id), ...economy.economy.products.map((p) => p.id)]);
    for (const id of ids) {
      const subject = (id ?? '').replace(/^more-/, '');
      assert.ok(id === 'more-target' || known.has(subject), `preset ${id} names the model’s own ids`);
    }
    await checkBoth('scenarios-miller-blair');
  });

  test('uploads: named by the model’s own name; the same file again offers a new version instead of a second entry', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#solve`);
    await page.waitForSelector('#upload', { state: 'attached' });
    const text = readFileSync(join(repoRoot, 'examples', 'kantorovich', 'excavator.yaml'));
    await page.setInputFiles('#upload', { name: 'whatever-file-name.yaml', mimeType: 'text/yaml', buffer: text });
    await page.waitForFunction("/excavat/i.test(document.getElementById('model-name')?.textContent ?? '')");
    const models = await api<{ id: string; name: string; version: number }[]>('GET', '/models');
    const stored = models.filter((m) => /excavat/i.test(m.name));
    assert.equal(stored.length, 1);
    assert.doesNotMatch(stored[0].name, /whatever/);
    await page.setInputFiles('#upload', { name: 'whatever-file-name.yaml', mimeType: 'text/yaml', buffer: text });
    await page.waitForSelector('.upload-exists');
    assert.equal(await page.getAttribute('.upload-exists', 'data-exists'), stored[0].id);
    await checkBoth('upload-exists');
    await page.click('#upload-new-version');
    await page.waitForFunction("document.querySelector('.upload-exists') === null");
    const after = (await api<{ id: string; name: string; version: number }[]>('GET', '/models')).filter((m) => /excavat/i.test(m.name));
    assert.deepEqual(
      after.map((m) => [m.id, m.version]),
      [[stored[0].id, 2]],
    );
  });
});
