import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { decodeOptimalPlan, decodePlan } from '../../../src/report/index.js';
import { errorLines, runCli } from '../../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plenty-plan-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a model file in the test's folder and returns its path. */
function modelFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Kantorovich's machine tools with `available` days of the automatic turret lathe. */
function machineTools(available: string): string {
  return modelFile(`machine-tools-${available}.yaml`, [
    'name: machine tools',
    'products:',
    '  - { id: part1, unit: piece }',
    '  - { id: part2, unit: piece }',
    'resources:',
    '  - { id: milling, unit: machine-day, available: 3 }',
    '  - { id: turret_lathe, unit: machine-day, available: 3 }',
    `  - { id: automatic, unit: machine-day, available: ${available} }`,
    'techniques:',
    '  - { id: milling_part1, produces: { part1: 10 }, uses: { milling: 1 } }',
    '  - { id: milling_part2, produces: { part2: 20 }, uses: { milling: 1 } }',
    '  - { id: turret_lathe_part1, produces: { part1: 20 }, uses: { turret_lathe: 1 } }',
    '  - { id: turret_lathe_part2, produces: { part2: 30 }, uses: { turret_lathe: 1 } }',
    '  - { id: automatic_part1, produces: { part1: 30 }, uses: { automatic: 1 } }',
    '  - { id: automatic_part2, produces: { part2: 80 }, uses: { automatic: 1 } }',
    'targets:',
    '  - { product: part1, amount: 1 }',
    '  - { product: part2, amount: 1 }',
  ]);
}

interface PlanJson {
  status: string;
  lambda?: Record<string, number>;
  resourcePrices?: Record<string, Record<string, number>>;
  valuations?: Record<string, Record<string, number>>;
  diagnosis?: { shortfalls: { product: string; shortfall: number }[] } | null;
}

describe('plenty plan', () => {
  test('available: 1e21 stays finite (it made the plan unbounded, λ NaN): λ = 1e21 × 2400/110 and the valuations by hand', () => {
    for (const solver of ['highs', 'pdhg']) {
      const r = runCli('plan', machineTools('1e21'), '--json', '--solver', solver);
      assert.equal(r.status, 0, `${solver}: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as PlanJson;
      assert.equal(out.status, 'optimal');
      // The automatic lathe dominates: a day makes 30 of part 1 or 80 of part 2, 2400/110 sets;
      // the other machines add 3 × 10 + 3 × 20 of part 1 at most, within the tolerance here.
      const lambda = out.lambda?.['1'] ?? Number.NaN;
      assert.ok(Math.abs(lambda / (1e21 * (2400 / 110)) - 1) < 1e-6, `${solver}: λ = ${lambda}`);
      assert.ok(Math.abs((out.resourcePrices?.['1']?.automatic ?? 0) - 2400 / 110) < 1e-4, `${solver}: the lathe-day's price`);
      assert.ok(Math.abs((out.valuations?.['1']?.part1 ?? 0) - 80 / 110) < 1e-5, `${solver}: part 1's valuation`);
    }
  });

  test('an infeasible mincost plan prints its diagnosis (the smallest reductions), no plan numbers, and exits 1', () => {
    const file = modelFile('too-much.yaml', [
      'name: too much asked',
      'products:',
      '  - { id: part1, unit: piece }',
      'resources:',
      '  - { id: milling, unit: machine-day, available: 3 }',
      '  - { id: labour, unit: hour }',
      'techniques:',
      '  - { id: mill, produces: { part1: 10 }, uses: { milling: 1, labour: 8 } }',
      'targets:',
      '  - { product: part1, amount: 100 }',
    ]);
    const r = runCli('plan', file, '--objective', 'mincost', '--resource', 'labour');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^No optimal plan for too much asked: objective mincost, status infeasible/);
    assert.match(r.stdout, /Smallest reductions of the targets that make the plan feasible/);
    assert.match(r.stdout, /part1 +1 +100 +70 +0\.7/);
    assert.doesNotMatch(r.stdout, /Objective value|Residuals|Bottlenecks|Valuations|least fulfilled/);
    assert.equal(errorLines(r.stderr), 'error: no plan meets every target within the limits: reduce the targets as the diagnosis shows, or raise the limits it names\n');
    const json = JSON.parse(runCli('plan', file, '--objective', 'mincost', '--resource', 'labour', '--json').stdout) as PlanJson & Record<string, unknown>;
    assert.equal(json.status, 'infeasible');
    assert.deepEqual(json.diagnosis?.shortfalls.map((s) => [s.product, s.shortfall]), [['part1', 70]]);
    for (const key of ['objectiveValue', 'activity', 'valuations', 'lambda', 'residuals']) assert.ok(!(key in json), `no ${key} in the JSON`);
    assert.equal(decodePlan(json).status, 'infeasible', 'the plan document of a failed plan');
  });

  test('--json writes the plan document (report/plan-document-schema.ts): it decodes, with each resource\'s use and availability ("Infinity" where unlimited)', () => {
    const file = modelFile('unlimited.yaml', [
      'name: unlimited',
      'products:',
      '  - { id: part1, unit: piece }',
      'resources:',
      '  - { id: milling, unit: machine-day, available: 3 }',
      '  - { id: labour, unit: hour }',
      'techniques:',
      '  - { id: mill, produces: { part1: 10 }, uses: { milling: 1, labour: 8 } }',
      'targets:',
      '  - { product: part1, amount: 10 }',
    ]);
    const r = runCli('plan', file, '--json', '--solver', 'highs');
    assert.equal(r.status, 0, r.stderr);
    const wire = JSON.parse(r.stdout) as { resources: Record<string, Record<string, { use: unknown; available: unknown }>> };
    assert.deepEqual(wire.resources['1']?.['labour'], { use: 24, available: 'Infinity' });
    const doc = decodeOptimalPlan(wire, 'plenty plan --json');
    assert.equal(doc.resources['1']?.['labour']?.available, Infinity);
    assert.deepEqual(doc.resources['1']?.['milling'], { use: 3, available: 3 });
    assert.ok(Math.abs((doc.lambda?.['1'] ?? NaN) - 3) < 1e-9, `λ = ${JSON.stringify(doc.lambda)}`);
  });

  test('an unbounded plan prints no λ, says what to do and exits 1 (it exited 0)', () => {
    const file = modelFile('unlimited.yaml', ['name: nothing limits', 'products:', '  - { id: widget, unit: piece }', 'techniques:', '  - { id: make, produces: { widget: 1 } }', 'targets:', '  - { product: widget, amount: 1 }']);
    const r = runCli('plan', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /status unbounded/);
    assert.doesNotMatch(r.stdout, /λ|NaN|Infinity/);
    assert.equal(errorLines(r.stderr), "error: the level of tier 1 grows without limit: widget can be made in any amount (the technique make uses no resource, and no capacity bounds it); give it a capacity, or cap the tiers at 1\n");
  });

  test('a coefficient of 1e308 is a clear error with exit 1, never "status error … passModel failed" with exit 0', () => {
    const file = modelFile('huge.yaml', ['name: huge', 'products:', '  - { id: part, unit: piece }', 'resources:', '  - { id: milling, unit: machine-day, available: 3 }', 'techniques:', '  - { id: mill, produces: { part: 1e308 }, uses: { milling: 1 } }', 'targets:', '  - { product: part, amount: 1 }']);
    const bad = runCli('plan', file);
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^error: /);
    assert.match(bad.stderr, /1e\+?308/);
    assert.match(bad.stderr, /at most 1e30/);
    assert.doesNotMatch(bad.stderr, /passModel|internal error/);
  });

  test('--time-limit 2000000 is clamped to what a timer holds: optimal, no warning', () => {
    const r = runCli('plan', machineTools('1'), '--time-limit', '2000000');
    assert.equal(r.status, 0);
    assert.equal(errorLines(r.stderr), '');
    assert.match(r.stdout, /status optimal/);
  });

  test('a time limit that is not a positive number within 1e30 is a located usage error', () => {
    for (const value of ['-1', 'inf', 'NaN', '1e31', '0']) {
      const r = runCli('plan', machineTools('1'), '--time-limit', value);
      assert.equal(r.status, 1, value);
      assert.equal(errorLines(r.stderr), `error: <input> at ["--time-limit"]: --time-limit must be a positive number, at most 1e30 (value: "${value}")\n`);
    }
  });
});
