import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fixture } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { exampleText, startServer, type Harness } from './harness.js';

// Type II effects and characterised impacts (POST /api/models/:id/analyze) and hypothetical
// extraction (POST /api/models/:id/extraction): the same numbers as the CLI's --json, located
// errors for bad bodies.

/** Every number of `expected` found in `actual` to 1e-12 relative. */
function assertSame(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: ${String(actual)}`);
    assert.ok(Math.abs((actual as number) - expected) <= 1e-12 * Math.max(Math.abs(expected), 1e-300), `${path}: ${String(actual)} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.equal((actual as unknown[]).length, expected.length, `${path}: length`);
    expected.forEach((e, k) => assertSame((actual as unknown[])[k], e, `${path}[${k}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [k, e] of Object.entries(expected)) assertSame((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else assert.equal(actual, expected, path);
}

function cliJson(...args: string[]): Record<string, unknown> {
  const r = runCli(...args, '--json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('Type II, impacts and extraction over HTTP', () => {
  let h: Harness;
  const households = readFileSync(fixture('effects', 'miller-blair-households.yaml'), 'utf8');
  before(async () => {
    h = await startServer();
    for (const [id, text] of [['households', households], ['pymrio', exampleText('pymrio-test-mrio', 'economy.yaml')], ['ussr', exampleText('ussr-1930', 'economy.yaml')]]) {
      const a = await h.call('POST', '/api/models', { body: { id, format: 'yaml', text } });
      assert.equal(a.status, 201);
    }
  });
  after(async () => h.close());

  test('Type II effects equal plenty analyze --type-ii --json', async () => {
    const a = await h.call('POST', '/api/models/households/analyze', { body: { analyses: ['typeII'] } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.equal(a.body.typeII.income, 'compensation');
    assert.equal(a.body.typeII.category, 'households');
    assertSame(a.body.typeII, cliJson('analyze', 'test/fixtures/effects/miller-blair-households.yaml', '--type-ii').typeII);
    const u = await h.call('POST', '/api/models/ussr/analyze', { body: { analyses: ['typeII'], householdIncome: 'urban_labour' } });
    assertSame(u.body.typeII, cliJson('analyze', 'examples/ussr-1930/economy.yaml', '--type-ii', '--household-income', 'urban_labour').typeII);
  });

  test('characterised impacts of a factors file sent as text equal plenty analyze --characterise --json', async () => {
    const csv = readFileSync(fixture('pymrio-test-mrio', 'concordance', 'emissions_charact.tsv'), 'utf8');
    const a = await h.call('POST', '/api/models/pymrio/analyze', { body: { analyses: [], characterise: { csv, name: 'emissions_charact.tsv' } } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const cli = cliJson('analyze', 'examples/pymrio-test-mrio/economy.yaml', '--characterise', 'test/fixtures/pymrio-test-mrio/concordance/emissions_charact.tsv').impacts as Record<string, unknown>;
    assertSame(a.body.impacts.footprints, cli.footprints);
    assertSame(a.body.impacts.multipliers, cli.multipliers);
    assert.deepEqual(a.body.impacts.unused, ['factor_inputs/Value Added']);
    assert.equal(a.body.impacts.unmatched[0].where, 'emissions_charact.tsv:6 row 6');
  });

  test('extraction and ranking equal plenty extract --json', async () => {
    const a = await h.call('POST', '/api/models/ussr/extraction', { body: { sectors: ['coal'], kind: 'backward', rank: 'items' } });
    assert.equal(a.status, 200, JSON.stringify(a.body).slice(0, 300));
    const cli = cliJson('extract', 'examples/ussr-1930/economy.yaml', '--sectors', 'coal', '--kind', 'backward', '--rank');
    assertSame(a.body.extraction.losses, (cli.extraction as Record<string, unknown>).losses);
    assertSame(a.body.ranking.ranking, (cli.ranking as Record<string, unknown>).ranking);
    const r = await h.call('POST', '/api/models/pymrio/extraction', { body: { regions: ['reg1'], kind: 'forward' } });
    assertSame(r.body.extraction, cliJson('extract', 'examples/pymrio-test-mrio/economy.yaml', '--regions', 'reg1', '--kind', 'forward').extraction);
  });

  test('bad bodies: unknown sector or household income a located 422, a bad factors file a 422 naming its row, an unknown kind a 400', async () => {
    const s = await h.call('POST', '/api/models/ussr/extraction', { body: { sectors: ['coal', 'unobtainium'] } });
    assert.equal(s.status, 422);
    assert.deepEqual(s.body.error.issues[0].path, ['sectors', 1]);
    const i = await h.call('POST', '/api/models/ussr/analyze', { body: { analyses: ['typeII'] } });
    assert.equal(i.status, 422);
    assert.deepEqual(i.body.error.issues[0].path, ['householdIncome']);
    const f = await h.call('POST', '/api/models/pymrio/analyze', { body: { analyses: [], characterise: { csv: 'stressor,impact,factor,unit\nemission_type1,GWP,x,kg\n', name: 'gwp.csv' } } });
    assert.equal(f.status, 422);
    assert.equal(f.body.error.issues[0].file, 'gwp.csv');
    assert.equal(f.body.error.issues[0].line, 2);
    assert.match(f.body.error.issues[0].text, /row 2, column 3/);
    const k = await h.call('POST', '/api/models/ussr/extraction', { body: { sectors: ['coal'], kind: 'sideways' } });
    assert.equal(k.status, 400);
  });
});
