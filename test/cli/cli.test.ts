import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, repoRoot } from '../helpers/paths.js';

const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const goldenDir = join(repoRoot, 'test', 'cli', 'golden');

/** Runs the command as a user would; without its progress line, which a loaded machine would show. */
function plenty(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', PLENTY_PROGRESS: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Normalises what may differ between machines without a real change: iteration counts and the
 * digits of tiny residuals (the solvers' answers are compared through the numbers they print).
 */
function normalise(s: string): string {
  return s
    .replace(/\d+ iterations/g, 'N iterations')
    .replace(/relative residual \d\.\d\de[-+]\d+/g, (m) => (Number(m.split(' ')[2]) < 1e-9 ? 'relative residual < 1e-9' : m))
    .replace(/relative difference \d\.\d\de[-+]\d+/g, (m) => (Number(m.split(' ')[2]) < 1e-9 ? 'relative difference < 1e-9' : m));
}

/** CSV keeps full precision; compare it to ten significant digits, which is all a solver promises. */
function roundCsvNumbers(s: string): string {
  return s.replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (m) => String(Number(Number(m).toPrecision(10))));
}

/** Compares with a golden file; `UPDATE_GOLDEN=1 npm test` rewrites them (review the diff!). */
function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  const text = name.endsWith('.csv') ? roundCsvNumbers(normalise(actual)) : normalise(actual);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) assert.fail(`golden file ${name} is missing`);
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `output differs from golden file ${name}`);
}

describe('plenty (golden output)', () => {
  const cases: [string, string[]][] = [
    ['check-miller-blair.txt', ['check', 'examples/miller-blair/economy.yaml']],
    ['analyze-miller-blair.txt', ['analyze', 'examples/miller-blair/economy.yaml', '--multipliers', '--labour-values', '--inverse']],
    ['analyze-cockshott.csv', ['analyze', 'examples/cockshott/economy.yaml', '--labour-values', '--csv']],
    ['balance-ussr-1930.txt', ['balance', 'examples/ussr-1930/economy.yaml']],
    ['balance-cockshott-all.txt', ['balance', 'examples/cockshott/economy.yaml', '--all']],
    ['plan-ussr-1930.txt', ['plan', 'examples/ussr-1930/economy.yaml']],
  ];
  for (const [name, args] of cases) {
    test(`plenty ${args.join(' ')}`, () => {
      const r = plenty(...args);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      golden(name, r.stdout);
    });
  }
});

describe('plenty JSON output', () => {
  test('analyze --json gives the published Miller–Blair numbers', () => {
    const r = plenty('analyze', 'examples/miller-blair/economy.yaml', '--json', '--labour-values', '--inverse');
    assert.equal(r.status, 0);
    const out = JSON.parse(r.stdout) as { grossOutput: { status: string; x: number[] }; labourValues: { identity: { relativeDifference: number } }; inverse: { L: number[][] } };
    assert.equal(out.grossOutput.status, 'converged');
    assert.ok(Math.abs(out.grossOutput.x[0] - 1000) < 1e-7 && Math.abs(out.grossOutput.x[1] - 2000) < 1e-7);
    assert.ok(Math.abs(out.inverse.L[0][1] - 0.33003300330033003) < 1e-10);
    assert.ok(out.labourValues.identity.relativeDifference < 1e-9);
  });
  test('balance --json names the 1930 deficits with what they block', () => {
    const r = plenty('balance', 'examples/ussr-1930/economy.yaml', '--json');
    assert.equal(r.status, 0);
    const out = JSON.parse(r.stdout) as { balances: boolean; deficits: { id: string; deficit: number; lines: string[] }[] };
    assert.equal(out.balances, false);
    const ids = out.deficits.map((d) => d.id);
    assert.ok(ids.some((id) => id.startsWith('bolt')), `bolts short: ${ids.join(', ')}`);
    assert.ok(ids.some((id) => id.startsWith('mortar')), `mortar short: ${ids.join(', ')}`);
    for (const d of out.deficits) assert.ok(d.deficit > 0 && d.lines.length > 0);
  });
});

describe('plenty on bad input', () => {
  test('a bad model lists every problem with file, line, column and value, and exits 1', () => {
    const r = plenty('check', 'test/fixtures/cli/bad-model.yaml');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    golden('error-bad-model.txt', r.stderr);
  });
  test('a missing file exits 1 with its name', () => {
    const r = plenty('balance', 'no/such/model.yaml');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no\/such\/model\.yaml.*file not found/);
  });
  test('an unknown option is a usage error (exit 1)', () => {
    const r = plenty('analyze', 'examples/miller-blair/economy.yaml', '--no-such-flag');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /unknown option/);
  });
  test('--json and --csv together are refused', () => {
    const r = plenty('check', 'examples/miller-blair/economy.yaml', '--json', '--csv');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /choose one of --json and --csv/);
  });
  test('a bad demand file names its row and value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-cli-'));
    try {
      const demand = join(dir, 'demand.csv');
      writeFileSync(demand, 'item,amount\nsector_1,600\nsector_2,abc\n');
      const r = plenty('analyze', 'examples/miller-blair/economy.yaml', '--demand', demand);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /demand\.csv row 3, column 2: an amount must be a finite number \(value: NaN\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plenty analyze --footprints', () => {
  test('the imported pymrio test MRIO gives pymrio’s consumption-based accounts per region', () => {
    const r = plenty('analyze', 'examples/pymrio-test-mrio/economy.yaml', '--footprints', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { footprints: { regions: string[]; rows: Record<string, number[]> } };
    assert.deepEqual(out.footprints.regions, ['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6']);
    const reference = (file: string, skip: number): number[][] =>
      readFileSync(fixture('pymrio-test-mrio', 'reference', file), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(skip).map(Number));
    const cases: [string, number[]][] = [
      ['emissions/emission_type1', reference('emissions/D_cba_reg.csv', 2)[0]],
      ['emissions/emission_type2', reference('emissions/D_cba_reg.csv', 2)[1]],
      ['factor_inputs/Value Added', reference('factor_inputs/D_cba_reg.csv', 1)[0]],
    ];
    for (const [row, expected] of cases) {
      out.footprints.rows[row].forEach((v, g) => assert.ok(Math.abs(v - expected[g]) <= 1e-9 * Math.abs(expected[g]), `${row} ${g}: ${v} vs ${expected[g]}`));
    }
  });
});

describe('plenty import', () => {
  test('imports the Eurostat table, and the model gives its published output multipliers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-cli-'));
    try {
      const model = join(dir, 'germany.yaml');
      const imp = plenty('import', 'table', fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv'), '-o', model, '--mapping', fixture('cli', 'beutel-mapping.yaml'));
      assert.equal(imp.stderr, '');
      assert.equal(imp.status, 0);
      const r = plenty('analyze', model, '--multipliers', '--json');
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { multipliers: { output: number[] } };
      const published = [1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782];
      out.multipliers.output.forEach((m, j) => assert.ok(Math.abs(m - published[j]) < 5e-5, `multiplier ${j}: ${m}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('a failed import leaves no file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-cli-'));
    try {
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'label,a,b\na,1,2\nb,3\noutput,10,10\n');
      const r = plenty('import', 'table', bad, '-o', join(dir, 'out.yaml'));
      assert.equal(r.status, 1);
      assert.match(r.stderr, /bad\.csv/);
      assert.deepEqual(readdirSync(dir), ['bad.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plenty lp solve', () => {
  /** Time varies; residuals below 1e-9 are shown as such (their last digits are rounding). */
  const steady = (s: string): string =>
    s.replace(/time \(ms\)(\s+)\d+/, 'time (ms)$1N').replace(/(residual|gap)(\s+)(\d\.\d\de[-+]\d+)/g, (m, what: string, space: string, v: string) => (Number(v) < 1e-9 ? `${what}${space}< 1e-9` : m));
  test('Netlib AFIRO with HiGHS simplex (golden): optimal at the published −464.7531429', () => {
    const r = plenty('lp', 'solve', 'test/fixtures/lp/afiro.mps', '--solver', 'highs', '--method', 'simplex');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    golden('lp-solve-afiro.txt', steady(r.stdout));
  });
  test('--json: the hand-made LP in LP format, optimum 21, duals in the max convention', () => {
    const r = plenty('lp', 'solve', 'test/fixtures/lp/features.lp', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { status: string; objective: number; sense: string; constraintValues: Record<string, { dual: number }> };
    assert.equal(out.status, 'optimal');
    assert.equal(out.sense, 'max');
    assert.ok(Math.abs(out.objective - 21) < 1e-9);
    // r3 (x2 + x4 ≤ 5) binds at its upper side in a max problem: a non-negative shadow price.
    assert.ok(out.constraintValues.r3.dual > 0);
  });
  test('an integer marker is refused with its line, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-cli-'));
    try {
      const file = join(dir, 'int.mps');
      writeFileSync(file, "NAME t\nROWS\n N obj\n L r\nCOLUMNS\n    M1 'MARKER' 'INTORG'\n    x obj 1 r 1\nENDATA\n");
      const r = plenty('lp', 'solve', file);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /int\.mps:6:8: integer variables are not supported/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
