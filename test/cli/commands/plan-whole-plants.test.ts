import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { hardPlan, lotModel } from '../../helpers/whole-plant-models.js';
import { assertUserError, plenty } from '../run-plenty.js';

describe('plenty plan with whole plants', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-whole-plants-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('the plants built: which plant, in which period, how many units; the gap in the headline and the JSON', () => {
    const lot = file('lot.yaml', lotModel(4));
    const r = plenty('plan', lot, '--objective', 'mincost');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Optimal plan for lot/);
    assert.match(r.stdout, /Whole plants: branch and bound, gap [\d.]+% from the bound 5\.0+ \(asked 0\.010%\)/);
    assert.match(r.stdout, /Plants built: which plant, how many units, in which period\n.*\n.*\nplant +1 +5 +minimum lot 5\n/);
    const json = JSON.parse(plenty('plan', lot, '--objective', 'mincost', '--json').stdout) as { plants: { technique: string; period: string; units: number }[]; mip: { method: string; gap: number } };
    assert.deepEqual(json.plants.map((p) => [p.technique, p.period, p.units]), [['plant', '1', 5]]);
    assert.equal(json.mip.method, 'branch-and-bound');
  });

  test('PDHG refuses, naming --relax-integers; the relaxation says what it is', () => {
    const lot = file('lot2.yaml', lotModel(2));
    assertUserError(plenty('plan', lot, '--objective', 'mincost', '--solver', 'pdhg'), /whole-plant decisions.*--relax-integers/);
    const relaxed = plenty('plan', lot, '--objective', 'mincost', '--relax-integers');
    assert.equal(relaxed.status, 0, relaxed.stderr);
    assert.match(relaxed.stdout, /Whole plants: LP relaxation only \(--relax-integers\)/);
    assert.match(relaxed.stdout, /Plants run in the LP relaxation \(fractions allowed\)\n.*\n.*\nplant +1 +2 /);
    assertUserError(plenty('plan', lot, '--mip-gap', '1.5'), /--mip-gap must be a number from 0 to less than 1/);
  });

  test('a time limit reached by branch and bound: the best plants found, never called optimal, exit 1', () => {
    const hard = file('hard.yaml', hardPlan(3));
    const r = plenty('plan', hard, '--time-limit', '1', '--mip-gap', '0');
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, /Optimal plan/);
    assert.match(r.stdout, /No optimal plan for hard: objective maxmin, status time-limit/);
    assert.match(r.stdout, /Plants built in the best plan found at the time limit \(NOT proven optimal; gap [^)]+\)/);
    assert.match(r.stderr, /before proving an optimum: the best whole-plant plan found .* not proven optimal: raise --time-limit, or accept a larger --mip-gap/);
    const json = JSON.parse(plenty('plan', hard, '--time-limit', '1', '--mip-gap', '0', '--json').stdout) as { status: string; incumbent?: { mip: { gap: number }; plants: unknown[] } };
    assert.equal(json.status, 'time-limit');
    assert.ok(json.incumbent !== undefined && json.incumbent.mip.gap > 0 && json.incumbent.plants.length > 0);
  });
});
