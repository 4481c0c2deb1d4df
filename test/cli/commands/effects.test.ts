import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixture, repoRoot } from '../../helpers/paths.js';
import { readLabelled } from '../../leontief/read-table.js';

// plenty analyze --type-ii / --characterise and plenty extract: golden text on Miller–Blair,
// figures on the imported pymrio test MRIO, located errors.

const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const goldenDir = join(repoRoot, 'test', 'cli', 'golden');
const MB = 'examples/miller-blair/economy.yaml';
const MRIO = 'examples/pymrio-test-mrio/economy.yaml';
const FACTORS = 'test/fixtures/pymrio-test-mrio/concordance/emissions_charact.tsv';

function plenty(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', PLENTY_PROGRESS: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Iteration counts and tiny residuals differ between machines without a real change. */
const normalise = (s: string): string =>
  s.replace(/\d+ iterations/g, 'N iterations').replace(/relative residual \d\.\d\de[-+]\d+/g, (m) => (Number(m.split(' ')[2]) < 1e-9 ? 'relative residual < 1e-9' : m));

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff!). */
function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  const text = normalise(actual);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) assert.fail(`golden file ${name} is missing`);
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `output differs from golden file ${name}`);
}

/** A user's error: exit 1, the message on stderr, nothing on stdout, no stack trace. */
function userError(args: string[], pattern: RegExp): void {
  const r = plenty(...args);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, / {4}at /);
  assert.equal(r.stdout, '');
}

describe('plenty analyze --type-ii, --characterise; plenty extract', () => {
  test('golden: Type II effects of Miller–Blair’s table with households (both found by name)', () => {
    const r = plenty('analyze', 'test/fixtures/effects/miller-blair-households.yaml', '--type-ii');
    assert.equal(r.status, 0, r.stderr);
    golden('analyze-miller-blair-type-ii.txt', r.stdout);
    const csv = plenty('analyze', 'test/fixtures/effects/miller-blair-households.yaml', '--type-ii', '--csv');
    assert.deepEqual(csv.stdout.match(/^# .*$/gm), ['# gross_output', '# type_ii_output', '# type_ii_compensation']);
    // Households that buy the whole final demand leave nothing exogenous: refused, with the reason.
    userError(['analyze', MB, '--type-ii', '--household-consumption', 'final_demand', '--household-income', 'labour'], /buy the whole final demand.*not productive/);
  });

  test('golden: Miller–Blair’s key sectors by backward extraction, and sector 1 extracted totally', () => {
    const rank = plenty('extract', MB, '--rank', '--kind', 'backward');
    assert.equal(rank.status, 0, rank.stderr);
    golden('extract-miller-blair-rank.txt', rank.stdout);
    const one = plenty('extract', MB, '--sectors', 'sector_1');
    assert.equal(one.status, 0, one.stderr);
    golden('extract-miller-blair-sector-1.txt', one.stdout);
  });

  test('pymrio’s test MRIO: --characterise gives pymrio’s characterised D_cba_reg (JSON), as CSV too', () => {
    const r = plenty('analyze', MRIO, '--characterise', FACTORS, '--json');
    assert.equal(r.status, 0, r.stderr);
    const impacts = (JSON.parse(r.stdout) as { impacts: { footprints: { regions: string[]; rows: Record<string, number[]> } } }).impacts;
    const ref = readLabelled(fixture('pymrio-test-mrio', 'reference', 'impacts', 'D_cba_reg.csv'), 1, 1);
    ref.rowLabels.forEach(([impact], k) => {
      impacts.footprints.rows[impact].forEach((v, g) => {
        const e = ref.data[k * ref.cols + g];
        assert.ok(Math.abs(v - e) <= 1e-9 * Math.abs(e), `${impact} ${impacts.footprints.regions[g]}: ${v} vs ${e}`);
      });
    });
    const csv = plenty('analyze', MRIO, '--characterise', FACTORS, '--csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^# impact_footprints$/m);
    assert.match(csv.stdout, /^# impact_multipliers$/m);
    const table = plenty('analyze', MRIO, '--characterise', FACTORS);
    assert.match(table.stdout, /Factor lines that match no resource \(1\): emission_type3 → total emissions/);
  });

  test('pymrio’s test MRIO: regions ranked as JSON, every region once', () => {
    const r = plenty('extract', MRIO, '--rank', 'regions', '--json');
    assert.equal(r.status, 0, r.stderr);
    const ranking = (JSON.parse(r.stdout) as { ranking: { ranking: { name: string }[] } }).ranking.ranking;
    assert.deepEqual(ranking.map((g) => g.name).sort(), ['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6']);
  });

  test('bad input is a located error (exit 1)', () => {
    userError(['extract', MB, '--sectors', 'sector_1,steel'], /--sectors.*"steel"/);
    userError(['extract', MB, '--sectors', 'sector_1', '--kind', 'sideways'], /--kind must be one of total, backward, forward/);
    userError(['extract', MB], /say what to extract with --sectors or --regions/);
    userError(['analyze', 'examples/ussr-1930/economy.yaml', '--type-ii'], /--household-income.*urban_labour/);
    userError(['analyze', MB, '--characterise', 'test/fixtures/pymrio-test-mrio/sectors.tsv'], /no column (stressor|impact|factor)/);
  });
});
