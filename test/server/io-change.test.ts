import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { exampleText, startServer, type Harness } from './harness.js';

/** Every number of `expected` found in `actual` to 1e-9 relative (1e-9 absolute near 0). */
function assertClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: ${String(actual)}`);
    assert.ok(Math.abs((actual as number) - expected) <= 1e-9 * Math.max(Math.abs(expected), 1), `${path}: ${String(actual)} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.equal((actual as unknown[]).length, expected.length, `${path}: length`);
    expected.forEach((e, k) => assertClose((actual as unknown[])[k], e, `${path}[${k}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [k, e] of Object.entries(expected)) assertClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else assert.equal(actual, expected, path);
}

function cliJson(...args: string[]): Record<string, unknown> {
  const r = runCli(...args, '--json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('decomposition, regional tables and series over stored models', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    for (const [id, dir] of [['ussr-1930', 'ussr-1930'], ['miller-blair', 'miller-blair']]) {
      const a = await h.call('POST', '/api/models', { body: { id, format: 'yaml', text: exampleText(dir, 'economy.yaml') } });
      assert.equal(a.status, 201);
    }
  });
  after(async () => h.close());

  test('POST /api/decomposition: two periods of the 1930 model, equal to plenty decompose --json; a scenario with more bread; a classification mismatch is a 422 naming the item', async () => {
    const a = await h.call('POST', '/api/decomposition', { body: { first: { id: 'ussr-1930', period: '1930' }, second: { id: 'ussr-1930', period: '1933' }, resources: ['urban_labour'] } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(a.body.failures, []);
    assert.equal(a.body.first.modelId, 'ussr-1930');
    assert.equal(a.body.second.period, '1933');
    const cli = cliJson('decompose', 'examples/ussr-1930/economy.yaml', 'examples/ussr-1930/economy.yaml', '--first-period', '1930', '--second-period', '1933', '--resource', 'urban_labour');
    assertClose(a.body.measures, cli.measures, 'measures');
    assert.ok(a.body.identityResidual <= 1e-9);

    const s = await h.call('POST', '/api/scenarios', { body: { modelId: 'ussr-1930', name: 'more bread', overrides: [{ kind: 'target', product: 'bread', factor: 1.5 }] } });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    const d = await h.call('POST', '/api/decomposition', { body: { first: { id: 'ussr-1930' }, second: { scenario: s.body.id } } });
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.equal(d.body.second.scenario, s.body.id);
    const go = d.body.measures[0];
    assert.ok(go.change > 0 && go.parts.technology === 0 && go.parts.intensity === 0);
    assert.ok(Math.abs(go.sum - go.change) <= 1e-9 * Math.abs(go.change));

    const bad = await h.call('POST', '/api/decomposition', { body: { first: { id: 'ussr-1930' }, second: { id: 'miller-blair' } } });
    assert.equal(bad.status, 422);
    assert.match(bad.body.error.message, /second is not of the classification of first: its item 1 is "sector_1" where first has "grain@ukraine"/);
    const missing = await h.call('POST', '/api/decomposition', { body: { first: { id: 'ussr-1930' }, second: { id: 'nothing' } } });
    assert.equal(missing.status, 404);
  });

  test('POST /api/models/:id/regionalise: SLQ of the Miller–Blair table, stored as a model whose multipliers are the report’s', async () => {
    const a = await h.call('POST', '/api/models/miller-blair/regionalise', { body: { method: 'slq', regional: { sector_1: 10, sector_2: 40 }, national: { sector_1: 100, sector_2: 100 }, store: { id: 'miller-blair-region' } } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assertClose(a.body.sectors.map((s: { slq: number }) => s.slq), [0.4, 1.6]);
    assert.equal(a.body.stored.id, 'miller-blair-region');
    const an = await h.call('POST', '/api/models/miller-blair-region/analyze', { body: { analyses: ['multipliers'] } });
    assert.equal(an.status, 200);
    assertClose(an.body.multipliers.output, a.body.sectors.map((s: { regionalMultiplier: number }) => s.regionalMultiplier));
    // Row 1 (SLQ 0.4) scaled by 0.4, row 2 kept: a = [[0.15·0.4, 0.25·0.4], [0.2, 0.05]].
    assertClose(a.body.sectors.map((s: { regionalInputs: number }) => s.regionalInputs), [0.15 * 0.4 + 0.2, 0.25 * 0.4 + 0.05]);

    const csv = await h.call('POST', '/api/models/miller-blair/regionalise', { body: { method: 'flq', delta: 0.3, csv: 'sector,regional,national\nsector_1,10,100\nsector_2,40,100\n' } });
    assert.equal(csv.status, 200, JSON.stringify(csv.body));
    assert.equal(csv.body.stored, null);
    assertClose(csv.body.lambda, Math.log2(1.25) ** 0.3);
    // A national total beyond the sectors (employment outside the table): SLQ = (10/50)/(100/1000) = 2, (40/50)/(100/1000) = 8.
    const totals = await h.call('POST', '/api/models/miller-blair/regionalise', { body: { method: 'slq', csv: 'sector,regional,national\nsector_1,10,100\nsector_2,40,100\n', totals: { national: 1000 } } });
    assert.equal(totals.status, 200, JSON.stringify(totals.body));
    assertClose(totals.body.sectors.map((s: { slq: number }) => s.slq), [2, 8]);
    assertClose(totals.body.share, 50 / 1000);
    const bad = await h.call('POST', '/api/models/miller-blair/regionalise', { body: { method: 'slq', csv: 'sector,regional\nsector_1,10\nnope,3\n' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.issues[0].file, 'body.csv');
    assert.match(bad.body.error.issues[0].text, /row 3, column 1/);
    const taken = await h.call('POST', '/api/models/miller-blair/regionalise', { body: { method: 'slq', regional: { sector_1: 1, sector_2: 1 }, store: { id: 'miller-blair' } } });
    assert.equal(taken.status, 409);
  });

  test('POST /api/series: the 1930 model’s four years, equal to plenty series --json; two stored versions with years given', async () => {
    const a = await h.call('POST', '/api/series', { body: { models: [{ id: 'ussr-1930' }], analyses: ['multipliers'], decompose: true, resources: ['urban_labour'] } });
    assert.equal(a.status, 200, JSON.stringify(a.body).slice(0, 500));
    const cli = cliJson('series', 'examples/ussr-1930/economy.yaml', '--multipliers', '--decompose', '--resource', 'urban_labour');
    assert.deepEqual(a.body.years.map((y: { year: string }) => y.year), ['1930', '1931', '1932', '1933']);
    assertClose(a.body.measures.map((m: { values: number[] }) => m.values), (cli.measures as { values: number[] }[]).map((m) => m.values), 'measures');
    assert.equal(a.body.decompositions.length, 3);
    assert.deepEqual(a.body.versions, { 'ussr-1930': 1 });

    const two = await h.call('POST', '/api/series', { body: { models: [{ id: 'miller-blair', year: '2001' }, { id: 'miller-blair-region', year: '2000' }], decompose: true } });
    assert.equal(two.status, 200, JSON.stringify(two.body).slice(0, 500));
    assert.deepEqual(two.body.years.map((y: { year: string; source: string }) => `${y.year} ${y.source}`), ['2000 miller-blair-region', '2001 miller-blair']);
    assert.ok(two.body.decompositions[0].measures[0].parts.technology > 0, 'national coefficients are larger');
    const noYear = await h.call('POST', '/api/series', { body: { models: [{ id: 'miller-blair' }] } });
    assert.equal(noYear.status, 422);
    assert.match(noYear.body.error.message, /say which year miller-blair is/);
  });
});
