import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OPERATIONS } from '../../src/server/openapi.js';
import { fixture, repoRoot } from '../helpers/paths.js';
import { exampleText, startServer, waitForJob, type Answer, type Harness } from './harness.js';

/**
 * Every route's real answer on the 1930 example (and a plan that did not solve, on Miller–Blair's)
 * against the response schema the OpenAPI document and the dashboard's generated types come from:
 * a field added, renamed or retyped in an answer without its schema fails here.
 */
/** Bread from labour (limited) and water (unlimited). */
const UNLIMITED = `
name: Bread and water
periods: ['1']
products:
  - { id: bread, unit: t }
resources:
  - { id: labour, unit: person-year, available: 100 }
  - { id: water, unit: m3 }
techniques:
  - { id: bakery, produces: { bread: 1 }, uses: { labour: 1, water: 2 } }
targets:
  - { product: bread, amount: 10 }
`;

describe('response schemas against real answers', () => {
  let h: Harness;
  const checked = new Set<string>();

  /** Calls a route, expects a success status, validates the answer against its operation's schema. */
  async function call(method: string, route: string, path: string, options: { body?: unknown; token?: string | null } = {}): Promise<Answer> {
    const op = OPERATIONS.find((o) => o.method === method.toLowerCase() && o.path === route);
    assert.ok(op !== undefined, `no operation ${method} ${route}`);
    const a = await h.call(method, path, options);
    assert.equal(a.status, op.status ?? 200, `${method} ${path}: ${JSON.stringify(a.body).slice(0, 400)}`);
    const parsed = op.response.safeParse(a.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      assert.fail(`${method} ${path} does not match its response schema:\n${issues.join('\n')}`);
    }
    checked.add(`${op.method} ${op.path}`);
    return a;
  }

  before(async () => {
    h = await startServer({ sessionToken: 'session-token-for-tests' });
  });
  after(async () => h.close());

  test('models, balance, scenarios, solve, plans, compare, publish, enterprises, reports, fulfilment, alerts, distribution, re-plan', async () => {
    const text = exampleText('ussr-1930', 'economy.yaml');
    await call('GET', '/api/health', '/api/health', { token: null });
    await call('GET', '/api/session', '/api/session', { token: null });
    await call('GET', '/api/openapi.json', '/api/openapi.json', { token: null });
    await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text, id: 'ussr-1930' } });
    await call('GET', '/api/models', '/api/models');
    await call('PUT', '/api/models/:id', '/api/models/ussr-1930', { body: { format: 'yaml', text } });
    const model = await call('GET', '/api/models/:id', '/api/models/ussr-1930');
    assert.equal(model.body.version, 2);
    await call('POST', '/api/models/:id/balance', '/api/models/ussr-1930/balance', { body: { all: true } });
    await call('POST', '/api/models/:id/balance', '/api/models/ussr-1930/balance', { body: {} });
    await call('POST', '/api/models/:id/analyze', '/api/models/ussr-1930/analyze', { body: {} });

    const s = await call('POST', '/api/scenarios', '/api/scenarios', { body: { modelId: 'ussr-1930', name: 'base' } });
    const solved = await call('POST', '/api/scenarios/:id/solve', `/api/scenarios/${s.body.id}/solve`, { body: {} });
    const job = await waitForJob(h, solved.body.jobId, 120_000);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    await call('GET', '/api/jobs/:id', `/api/jobs/${solved.body.jobId}`);
    const planId = job.body.result.planId as number;
    const plan = await call('GET', '/api/plans/:id', `/api/plans/${planId}`);
    assert.equal(plan.body.result.status, 'optimal');

    const s2 = await call('POST', '/api/scenarios', '/api/scenarios', { body: { modelId: 'ussr-1930', name: 'twice the currency', overrides: [{ kind: 'resource', resource: 'hard_currency', factor: 2 }, { kind: 'target', product: 'bread', factor: 1.1 }] } });
    const job2 = await waitForJob(h, (await h.call('POST', `/api/scenarios/${s2.body.id}/solve`, { body: { objective: 'weighted' } })).body.jobId, 120_000);
    await call('GET', '/api/scenarios', '/api/scenarios');
    const detail = await call('GET', '/api/scenarios/:id', `/api/scenarios/${s2.body.id}`);
    assert.equal(detail.body.plans.length, 1);
    await call('GET', '/api/plans', '/api/plans');
    await call('GET', '/api/plans', `/api/plans?scenario=${s.body.id}`);
    await call('GET', '/api/plans/:id', `/api/plans/${job2.body.result.planId}`);
    await call('GET', '/api/plans/:a/compare/:b', `/api/plans/${planId}/compare/${job2.body.result.planId}`);

    await call('POST', '/api/models/:id/balance', '/api/models/ussr-1930/balance', { body: { planId, period: '1931', all: true } });
    await call('POST', '/api/plans/:id/publish', `/api/plans/${planId}/publish`);
    await call('GET', '/api/published', '/api/published');
    await call('GET', '/api/enterprises/names', '/api/enterprises/names');
    await call('GET', '/api/enterprises/names', '/api/enterprises/names?model=ussr-1930');
    const e = await call('POST', '/api/enterprises', '/api/enterprises', { body: { id: 'Rostselmash' } });
    await call('GET', '/api/enterprises', '/api/enterprises');
    const ePlan = await call('GET', '/api/enterprises/:id/plan', '/api/enterprises/Rostselmash/plan', { token: e.body.token });
    await call('GET', '/api/enterprises/:id/suppliers', '/api/enterprises/Rostselmash/suppliers?period=1930');
    await call('GET', '/api/enterprises/:id/customers', '/api/enterprises/Rostselmash/customers', { token: e.body.token });
    const task = (ePlan.body.techniques as { period: string; outputs: Record<string, number> }[]).find((t) => t.period === '1930');
    assert.ok(task !== undefined);
    const half = Object.fromEntries(Object.entries(task.outputs).map(([k, v]) => [k, v / 2]));
    await call('POST', '/api/reports', '/api/reports', { token: e.body.token, body: { reportId: 'r-1', enterprise: 'Rostselmash', period: '1930', outputs: half } });
    await call('GET', '/api/reports', '/api/reports');
    await call('GET', '/api/fulfilment', '/api/fulfilment');
    await call('GET', '/api/fulfilment', '/api/fulfilment?period=1930&enterprise=Rostselmash');
    const alerts = await call('GET', '/api/alerts', '/api/alerts');
    assert.ok(alerts.body.length > 0, 'a report half short raises an alert');
    await call('GET', '/api/distribution', '/api/distribution?product=bread&period=1930');
    await call('GET', '/api/supply', '/api/supply');
    await call('GET', '/api/supply', '/api/supply?period=1931');

    const replan = await call('POST', '/api/replan', '/api/replan', { body: { fromPeriod: '1931' } });
    const rj = await waitForJob(h, replan.body.jobId, 120_000);
    const replanned = await call('GET', '/api/plans/:id', `/api/plans/${rj.body.result.planId}`);
    assert.equal(replanned.body.result.replan.fromPeriod, '1931');

    const s3 = await h.call('POST', '/api/scenarios', { body: { modelId: 'ussr-1930', name: 'to cancel' } });
    const started = await h.call('POST', `/api/scenarios/${s3.body.id}/solve`, { body: {} });
    await call('DELETE', '/api/jobs/:id', `/api/jobs/${started.body.jobId}`);
  });

  test('a plan that did not solve has the failed plan’s shape (status and diagnosis, no numbers)', async () => {
    await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: exampleText('miller-blair', 'economy.yaml'), id: 'miller-blair' } });
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: 'miller-blair', name: 'base' } });
    const job = await waitForJob(h, (await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} })).body.jobId, 120_000);
    const plan = await call('GET', '/api/plans/:id', `/api/plans/${job.body.result.planId}`);
    assert.notEqual(plan.body.result.status, 'optimal');
    assert.equal(plan.body.result.activity, undefined);
  });

  test('every built-in example: its model, its balance (where it has a plan) and its plan, optimal or not', async () => {
    for (const example of readdirSync(join(repoRoot, 'examples')).filter((d) => existsSync(join(repoRoot, 'examples', d, 'economy.yaml'))).sort()) {
      const id = `example-${example}`;
      await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: exampleText(example, 'economy.yaml'), id } });
      await call('GET', '/api/models/:id', `/api/models/${id}`);
      const balance = await h.call('POST', `/api/models/${id}/balance`, { body: { all: true } });
      if (balance.status === 200) await call('POST', '/api/models/:id/balance', `/api/models/${id}/balance`, { body: { all: true } });
      else assert.equal(balance.body.error.code, 'missing', `${example}: balance ${balance.status}`);
      await call('POST', '/api/models/:id/analyze', `/api/models/${id}/analyze`, { body: {} });
      const s = await h.call('POST', '/api/scenarios', { body: { modelId: id, name: 'base' } });
      const job = await waitForJob(h, (await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} })).body.jobId, 120_000);
      assert.equal(job.body.status, 'done', `${example}: ${JSON.stringify(job.body)}`);
      await call('GET', '/api/plans/:id', `/api/plans/${job.body.result.planId}`);
    }
  });

  test('every analysis asked for: ussr-1930, Miller–Blair and the pymrio test MRIO (inverse, linkages, income multipliers, per-capita footprints); a model that is not productive has failed parts', async () => {
    const ALL = ['multipliers', 'linkages', 'labourValues', 'footprints', 'inverse'];
    const cases: [string, string, string][] = [
      ['ussr-1930', 'urban_labour', 'urban_labour'],
      ['miller-blair', 'labour', 'labour'],
      ['pymrio-test-mrio', 'factor_inputs/Value Added', 'factor_inputs/Value Added'],
    ];
    for (const [example, labour, income] of cases) {
      const id = `analysed-${example}`;
      await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: exampleText(example, 'economy.yaml'), id } });
      const a = await call('POST', '/api/models/:id/analyze', `/api/models/${id}/analyze`, { body: { analyses: ALL, labour, income } });
      for (const key of ['grossOutput', 'multipliers', 'incomeMultipliers', 'linkages', 'labourValues', 'footprints', 'inverse']) {
        assert.equal(a.body[key]?.status, 'converged', `${example}: ${key} ${JSON.stringify(a.body[key])?.slice(0, 200)}`);
      }
      assert.equal(a.body.inverse.L.length, a.body.items.length);
      const withDemand = await call('POST', '/api/models/:id/analyze', `/api/models/${id}/analyze`, { body: { analyses: ['multipliers'], demand: { [a.body.items[0] as string]: 1 } } });
      assert.equal(withDemand.body.demand, 'the demand sent');
    }
    const effects = await call('POST', '/api/models/:id/analyze', '/api/models/analysed-ussr-1930/analyze', { body: { analyses: ['typeII'], householdIncome: 'urban_labour' } });
    assert.equal(effects.body.typeII.status, 'converged');
    const factors = readFileSync(fixture('pymrio-test-mrio', 'concordance', 'emissions_charact.tsv'), 'utf8');
    const impacts = await call('POST', '/api/models/:id/analyze', '/api/models/analysed-pymrio-test-mrio/analyze', { body: { analyses: [], characterise: { csv: factors, name: 'emissions_charact.tsv' } } });
    assert.equal(impacts.body.impacts.status, 'converged');
    const extracted = await call('POST', '/api/models/:id/extraction', '/api/models/analysed-ussr-1930/extraction', { body: { sectors: ['coal'], rank: 'items' } });
    assert.equal(extracted.body.extraction.status, 'converged');
    await call('POST', '/api/models/:id/extraction', '/api/models/analysed-pymrio-test-mrio/extraction', { body: { regions: ['reg1'], kind: 'forward', rank: 'regions' } });
    const perCapita = await h.call('POST', '/api/models/analysed-pymrio-test-mrio/analyze', { body: { analyses: ['footprints'] } });
    assert.ok(perCapita.body.footprints.perCapita.regions.length > 0, 'the pymrio regions have a population');
    const paths = await call('POST', '/api/models/:id/paths', '/api/models/analysed-pymrio-test-mrio/paths', { body: { resource: 'emissions/emission_type1', region: 'reg2', top: 20 } });
    assert.equal(paths.body.paths.length, 20);
    const mc = await call('POST', '/api/models/:id/uncertainty', '/api/models/analysed-pymrio-test-mrio/uncertainty', { body: { rsd: 0.1, draws: 20 } });
    assert.equal(mc.body.status, 'converged');

    const loop = [
      'name: loop',
      'products: [{ id: a, unit: t }, { id: b, unit: t }]',
      'resources: [{ id: labour, unit: h }]',
      'techniques:',
      '  - { id: make_a, produces: { a: 1 }, consumes: { b: 1 }, uses: { labour: 1 } }',
      '  - { id: make_b, produces: { b: 1 }, consumes: { a: 1 }, uses: { labour: 1 } }',
      'targets: [{ product: a, amount: 1 }]',
    ].join('\n');
    await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: loop, id: 'not-productive' } });
    const failed = await call('POST', '/api/models/:id/analyze', '/api/models/not-productive/analyze', { body: { analyses: ALL, labour: 'labour', income: 'labour' } });
    for (const key of ['grossOutput', 'multipliers', 'incomeMultipliers', 'linkages', 'labourValues', 'footprints', 'inverse']) {
      assert.notEqual(failed.body[key].status, 'converged', key);
      assert.equal(typeof failed.body[key].message, 'string', key);
    }
    assert.ok(failed.body.failures.length >= 7);
    const failedPaths = await call('POST', '/api/models/:id/paths', '/api/models/not-productive/paths', { body: { resource: 'labour' } });
    assert.equal(failedPaths.body.status, 'not-productive');
    const failedMc = await call('POST', '/api/models/:id/uncertainty', '/api/models/not-productive/uncertainty', { body: { rsd: 0.1, draws: 5 } });
    assert.equal(failedMc.body.status, 'not-productive');
  });

  test('decomposition, regional tables and series: the 1930 model and Miller–Blair, and a decomposition whose solve fails', async () => {
    await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: exampleText('miller-blair', 'economy.yaml'), id: 'io-change-mb' } });
    await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: exampleText('ussr-1930', 'economy.yaml'), id: 'io-change-1930' } });
    const d = await call('POST', '/api/decomposition', '/api/decomposition', { body: { first: { id: 'io-change-1930', period: '1930' }, second: { id: 'io-change-1930', period: '1931' } } });
    assert.equal(d.body.status, 'converged');
    const failed = await call('POST', '/api/decomposition', '/api/decomposition', { body: { first: { id: 'io-change-mb' }, second: { id: 'io-change-mb' }, maxIterations: 1, tolerance: 1e-15 } });
    assert.equal(failed.body.status, 'max-iterations');
    assert.equal(failed.body.measures, undefined);
    const r = await call('POST', '/api/models/:id/regionalise', '/api/models/io-change-mb/regionalise', { body: { method: 'cilq', regional: { sector_1: 10, sector_2: 40 }, store: { id: 'io-change-mb-region' } } });
    assert.equal(r.body.stored.id, 'io-change-mb-region');
    const series = await call('POST', '/api/series', '/api/series', { body: { models: [{ id: 'io-change-1930' }], analyses: ['multipliers', 'footprints', 'linkages', 'labourValues'], labour: 'urban_labour', decompose: true } });
    assert.equal(series.body.years.length, 4);
  });

  test('non-finite numbers are strings: an unlimited resource’s availability is "Infinity"', async () => {
    await call('POST', '/api/models', '/api/models', { body: { format: 'yaml', text: UNLIMITED, id: 'unlimited' } });
    const s = await h.call('POST', '/api/scenarios', { body: { modelId: 'unlimited', name: 'base' } });
    const job = await waitForJob(h, (await h.call('POST', `/api/scenarios/${s.body.id}/solve`, { body: {} })).body.jobId, 120_000);
    const plan = await call('GET', '/api/plans/:id', `/api/plans/${job.body.result.planId}`);
    assert.equal(plan.body.result.status, 'optimal');
    assert.equal(plan.body.result.resources['1'].water.available, 'Infinity');
  });

  test('every route of the OpenAPI document had a real answer checked', () => {
    const missing = OPERATIONS.map((o) => `${o.method} ${o.path}`).filter((k) => !checked.has(k));
    assert.deepEqual(missing, []);
  });
});
