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
    ['decompose-ussr-1930.txt', ['decompose', 'examples/ussr-1930/economy.yaml', 'examples/ussr-1930/economy.yaml', '--first-period', '1930', '--second-period', '1933', '--resource', 'urban_labour,skilled_labour']],
    ['series-ussr-1930.csv', ['series', 'examples/ussr-1930/economy.yaml', '--decompose', '--resource', 'urban_labour', '--csv']],
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

describe('plenty: one rule for numbers, and no number from a solve that did not succeed', () => {
  /** Runs plenty on model files written to a fresh folder; `files` maps names to their lines. */
  function withFiles(files: Record<string, readonly string[]>, run: (path: (name: string) => string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-cli-'));
    try {
      for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), [...lines, ''].join('\n'));
      run((name) => join(dir, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  /** No inf, -inf or NaN as a number in any text, CSV or JSON output. */
  const noNonFinite = (s: string): void => assert.doesNotMatch(s, /(^|[\s,:"])-?(inf|Infinity|NaN)\b/m, s);
  const two = ['products: [{ id: a, unit: t }, { id: b, unit: t }]', 'resources: [{ id: labour, unit: h, available: 1e21 }]', 'techniques:'];
  // a consumes 2 b and b consumes 0.5 a: the spectral radius of A is exactly 1.
  const loop = [...two, '  - { id: make_a, produces: { a: 1 }, consumes: { b: 2 }, uses: { labour: 1 } }', '  - { id: make_b, produces: { b: 1 }, consumes: { a: 0.5 }, uses: { labour: 1 } }', 'targets: [{ product: a, amount: 10 }]'];

  test('a coefficient of 1e308: every command exits 1 with the place, the technique and the product; balance never prints inf', () => {
    const big = [...two, '  - { id: make_a, produces: { a: 1 }, consumes: { b: 1e308 }, uses: { labour: 1 } }', '  - { id: make_b, produces: { b: 1 }, uses: { labour: 1 } }', 'plan: { activity: { make_a: 10, make_b: 1 } }'];
    withFiles({ 'big.yaml': big }, (path) => {
      for (const args of [['check'], ['balance', '--all'], ['balance', '--all', '--csv'], ['analyze', '--labour-values', '--json']]) {
        const r = plenty(args[0], path('big.yaml'), ...args.slice(1));
        assert.equal(r.status, 1, args.join(' '));
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /big\.yaml:4:54 at techniques\[0\]\.consumes\.b: the input of "b" per unit of technique "make_a" must be at most 1e30 in magnitude \(value: 1e\+308\)/);
      }
    });
  });

  test('available: 1e21 loads; sums beyond 1e30 in a balance are located errors, not inf and not "balances"', () => {
    const sums = [...two, '  - { id: make_a, produces: { a: 1 }, consumes: { b: 1e20 }, uses: { labour: 1 } }', '  - { id: make_b, produces: { b: 1 }, uses: { labour: 1 } }', 'plan: { activity: { make_a: 1e20, make_b: 1 } }'];
    withFiles({ 'sums.yaml': sums }, (path) => {
      assert.equal(plenty('check', path('sums.yaml')).status, 0);
      const r = plenty('balance', path('sums.yaml'), '--all');
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /sums\.yaml:4:5 at techniques\[0\]: the intermediate use of "b" is 1e\+40, beyond 1e30; its largest part is technique "make_a"/);
    });
  });

  test('analyze on a spectral radius of exactly 1: not productive, no numbers, the loop named, exit 1', () => {
    withFiles({ 'loop.yaml': loop }, (path) => {
      const text = plenty('analyze', path('loop.yaml'), '--labour-values');
      assert.equal(text.status, 1);
      assert.match(text.stdout, /Gross output: not-productive after \d+ iterations; the spectral radius of A is between 0\.99999\d+ and 1\.00000\d+\. No results\./);
      assert.doesNotMatch(text.stdout, /embodied|-?\d+\.\d+e\+\d+|NaN/);
      assert.match(text.stderr, /^error: the gross output \(I − A\) x = y: the economy is not productive .*the loop of items "a", "b" needs, around the loop, at least as much of them as it makes: check the input coefficients/);
      const json = plenty('analyze', path('loop.yaml'), '--labour-values', '--json');
      assert.equal(json.status, 1);
      noNonFinite(json.stdout);
      const out = JSON.parse(json.stdout) as Record<string, Record<string, unknown>>;
      for (const key of ['grossOutput', 'labourValues']) {
        assert.equal(out[key].status, 'not-productive');
        assert.deepEqual(Object.keys(out[key]).sort(), ['iterations', 'message', 'spectralRadius', 'status']);
      }
      const csv = plenty('analyze', path('loop.yaml'), '--labour-values', '--csv');
      assert.equal(csv.status, 1);
      assert.equal(csv.stdout, '');
    });
  });

  test('analyze that does not converge: max-iterations, what to do, exit 1', () => {
    withFiles({ 'm.yaml': [...two, '  - { id: make_a, produces: { a: 1 }, consumes: { b: 0.5 }, uses: { labour: 1 } }', '  - { id: make_b, produces: { b: 1 }, consumes: { a: 0.5 }, uses: { labour: 1 } }', 'targets: [{ product: a, amount: 10 }]'] }, (path) => {
      const r = plenty('analyze', path('m.yaml'), '--max-iterations', '1', '--json');
      assert.equal(r.status, 1);
      assert.match(r.stderr, /did not converge in 1 iteration, .*raise --max-iterations \(now 1\) or loosen --tolerance \(now 1e-12\)/);
      assert.equal((JSON.parse(r.stdout) as { grossOutput: { status: string; x?: unknown } }).grossOutput.status, 'max-iterations');
      const ok = plenty('analyze', path('m.yaml'), '--json');
      assert.equal(ok.status, 0, ok.stderr);
      noNonFinite(ok.stdout);
    });
  });

  test('balance whose closing requirements cannot be solved: the balance, the status, exit 1', () => {
    withFiles({ 'loop.yaml': [...loop, 'plan: { activity: { make_a: 10, make_b: 10 } }'] }, (path) => {
      const r = plenty('balance', path('loop.yaml'));
      assert.equal(r.status, 1);
      assert.match(r.stdout, /The plan does NOT balance/);
      assert.match(r.stdout, /not computed: not-productive/);
      assert.match(r.stderr, /closing the deficit of "b" .* the economy is not productive/);
      const json = plenty('balance', path('loop.yaml'), '--json');
      noNonFinite(json.stdout);
      const closing = (JSON.parse(json.stdout) as { closing: { each: Record<string, unknown>[] } }).closing;
      for (const r of closing.each) assert.deepEqual([r.status, 'grossOutput' in r], ['not-productive', false]);
    });
  });

  test('check names a system that is not productive, with its loop, and exits 0 (the model is valid)', () => {
    withFiles({ 'loop.yaml': loop }, (path) => {
      const r = plenty('check', path('loop.yaml'));
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /the economy is not productive .*"a", "b".* Analyze refuses it/);
    });
  });

  test('the JSON of every successful command on the examples has no non-finite number but an unlimited resource', () => {
    for (const args of [
      ['check', 'examples/ussr-1930/economy.yaml'],
      ['balance', 'examples/ussr-1930/economy.yaml', '--all'],
      ['analyze', 'examples/miller-blair/economy.yaml', '--multipliers', '--labour-values', '--footprints', '--inverse'],
      ['balance', 'examples/cockshott/economy.yaml', '--all'],
    ]) {
      const r = plenty(...args, '--json');
      assert.equal(r.status, 0, r.stderr);
      noNonFinite(r.stdout.replace(/"(available|slack)": "Infinity"/g, ''));
    }
  });
});
