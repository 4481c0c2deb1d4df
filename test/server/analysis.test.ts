import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fixture } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { exampleText, startServer, type Harness } from './harness.js';

/** Relative agreement to 1e-9 (absolute below 1e-12), every number of two JSON values alike. */
function assertClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: ${String(actual)}`);
    const a = actual as number;
    assert.ok(Math.abs(a - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-3), `${path}: ${a} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), path);
    assert.equal((actual as unknown[]).length, expected.length, `${path}: length`);
    expected.forEach((e, k) => assertClose((actual as unknown[])[k], e, `${path}[${k}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [k, e] of Object.entries(expected)) assertClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else assert.equal(actual, expected, path);
}

/** Rows of a reference CSV from pymrio (`headers` rows skipped), numbers from column `skip` on. */
function reference(file: string, skip: number, headers = 1): number[][] {
  return readFileSync(fixture('pymrio-test-mrio', 'reference', file), 'utf8')
    .trim()
    .split('\n')
    .slice(headers)
    .map((line) => line.split(',').slice(skip).map(Number));
}

describe('POST /api/models/:id/analyze', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    for (const [id, dir] of [['miller-blair', 'miller-blair'], ['pymrio', 'pymrio-test-mrio']]) {
      const a = await h.call('POST', '/api/models', { body: { id, format: 'yaml', text: exampleText(dir, 'economy.yaml') } });
      assert.equal(a.status, 201);
    }
  });
  after(async () => h.close());

  test('Miller–Blair: the published gross output, Leontief inverse and multipliers, equal to plenty analyze --json', async () => {
    const a = await h.call('POST', '/api/models/miller-blair/analyze', { body: { analyses: ['multipliers', 'linkages', 'labourValues', 'inverse'], income: 'labour' } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(a.body.failures, []);
    const L = [
      [1.254125412541254, 0.33003300330033003],
      [0.26402640264026406, 1.1221122112211221],
    ];
    assertClose(a.body.grossOutput.x, [1000, 2000]);
    assertClose(a.body.inverse.L, L);
    // Output multipliers: column sums of L; labour (household income) multipliers: l L.
    assertClose(a.body.multipliers.output, [L[0][0] + L[1][0], L[0][1] + L[1][1]]);
    assertClose(a.body.multipliers.rows.labour.total, [0.3 * L[0][0] + 0.25 * L[1][0], 0.3 * L[0][1] + 0.25 * L[1][1]]);
    assertClose(a.body.incomeMultipliers.typeI, [(0.3 * L[0][0] + 0.25 * L[1][0]) / 0.3, (0.3 * L[0][1] + 0.25 * L[1][1]) / 0.25]);
    assertClose(a.body.linkages.backward.raw, a.body.multipliers.output);
    // Forward: row sums of G = (I − B)⁻¹, B = diag(1/x) Z = [[0.15, 0.5], [0.1, 0.05]].
    const det = 0.85 * 0.95 - 0.5 * 0.1;
    assertClose(a.body.linkages.forward.raw, [(0.95 + 0.5) / det, (0.1 + 0.85) / det]);
    assert.deepEqual(a.body.units, ['dollar', 'dollar']);
    assert.deepEqual(a.body.resources, [{ id: 'labour', unit: 'dollar' }]);

    const cli = runCli('analyze', 'examples/miller-blair/economy.yaml', '--json', '--multipliers', '--linkages', '--labour-values', '--inverse', '--income', 'labour');
    assert.equal(cli.status, 0, cli.stderr);
    const out = JSON.parse(cli.stdout) as Record<string, unknown>;
    for (const key of ['grossOutput', 'multipliers', 'incomeMultipliers', 'linkages', 'labourValues', 'inverse']) assertClose(a.body[key], out[key], key);
  });

  test('a demand sent in the body: Miller–Blair’s new final demand (600, 1500)', async () => {
    const a = await h.call('POST', '/api/models/miller-blair/analyze', { body: { demand: { sector_1: 600, sector_2: 1500 }, analyses: [] } });
    assert.equal(a.status, 200);
    assertClose(a.body.grossOutput.x, [1247.5247524752474, 1841.5841584158416]);
    assert.equal(a.body.demand, 'the demand sent');
    assert.equal(a.body.labourValues, undefined);
  });

  test('pymrio’s test MRIO: footprints per region and per person equal pymrio’s D_cba_reg and D_cba_cap, and plenty analyze --json', async () => {
    const a = await h.call('POST', '/api/models/pymrio/analyze', { body: {} });
    assert.equal(a.status, 200);
    assert.deepEqual(a.body.failures, []);
    assert.match(a.body.notes[0], /Labour values are left out/);
    const f = a.body.footprints;
    assert.deepEqual(f.regions, ['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6']);
    assertClose(f.rows['emissions/emission_type1'], reference('emissions/D_cba_reg.csv', 2)[0]);
    assertClose(f.rows['emissions/emission_type2'], reference('emissions/D_cba_reg.csv', 2)[1]);
    assertClose(f.rows['factor_inputs/Value Added'], reference('factor_inputs/D_cba_reg.csv', 1)[0]);
    assertClose(f.perCapita.rows['emissions/emission_type1'], reference('emissions/D_cba_cap.csv', 2)[0]);
    assertClose(f.perCapita.rows['factor_inputs/Value Added'], reference('factor_inputs/D_cba_cap.csv', 1)[0]);
    // M = S L, pymrio's multipliers, item by item in the model's order (region-major, as pymrio's columns).
    assert.equal(a.body.items[8], 'reg2/food');
    assertClose(a.body.multipliers.rows['emissions/emission_type1'].total, reference('emissions/M.csv', 2, 3)[0]);

    const cli = runCli('analyze', 'examples/pymrio-test-mrio/economy.yaml', '--json', '--multipliers', '--linkages', '--footprints');
    assert.equal(cli.status, 0, cli.stderr);
    const out = JSON.parse(cli.stdout) as Record<string, unknown>;
    for (const key of ['grossOutput', 'multipliers', 'linkages', 'footprints']) assertClose(a.body[key], out[key], key);
  });

  test('a model that is not productive gives its status and sentence, no numbers', async () => {
    const text = [
      'name: loop',
      'products: [{ id: a, unit: t }, { id: b, unit: t }]',
      'resources: [{ id: labour, unit: h }]',
      'techniques:',
      '  - { id: make_a, produces: { a: 1 }, consumes: { b: 1 }, uses: { labour: 1 } }',
      '  - { id: make_b, produces: { b: 1 }, consumes: { a: 1 }, uses: { labour: 1 } }',
      'targets: [{ product: a, amount: 1 }]',
    ].join('\n');
    assert.equal((await h.call('POST', '/api/models', { body: { id: 'loop', format: 'yaml', text } })).status, 201);
    const a = await h.call('POST', '/api/models/loop/analyze', { body: {} });
    assert.equal(a.status, 200);
    assert.equal(a.body.grossOutput.status, 'not-productive');
    assert.equal(a.body.grossOutput.x, undefined);
    assert.match(a.body.grossOutput.message, /not productive/);
    assert.equal(a.body.multipliers.output, undefined);
    assert.ok(a.body.failures.length >= 1);
  });

  test('bad requests: an unknown item in the demand or resource is a located 422; an unknown analysis a 400', async () => {
    const d = await h.call('POST', '/api/models/miller-blair/analyze', { body: { demand: { nothing: 1 } } });
    assert.equal(d.status, 422);
    assert.match(JSON.stringify(d.body.error.issues), /nothing/);
    const i = await h.call('POST', '/api/models/miller-blair/analyze', { body: { income: 'wages' } });
    assert.equal(i.status, 422);
    assert.deepEqual(i.body.error.issues[0].path, ['income']);
    const b = await h.call('POST', '/api/models/miller-blair/analyze', { body: { analyses: ['everything'] } });
    assert.equal(b.status, 400);
    assert.equal((await h.call('POST', '/api/models/none/analyze', { body: {} })).status, 404);
  });
});
