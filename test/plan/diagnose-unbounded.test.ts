import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/index.js';
import type { CompiledEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/highs/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { encodePlan } from '../../src/report/index.js';
import { repoRoot } from '../helpers/paths.js';

function load(...path: string[]): CompiledEconomy {
  const file = join(repoRoot, 'examples', ...path);
  return compileEconomy(parseEconomy(readFileSync(file, 'utf8'), { file }));
}

describe('the diagnosis of an unbounded plan', () => {
  test('Miller–Blair: both sectors made from labour alone, which has no availability; mincost of labour fits', async () => {
    const c = load('miller-blair', 'economy.yaml');
    const r = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    assert.equal(r.status, 'unbounded');
    assert.ok(r.diagnosis?.kind === 'unbounded', 'an unbounded diagnosis');
    const d = r.diagnosis;
    assert.equal(d.priority, 1);
    assert.deepEqual(d.targets.map((t) => t.product).sort(), ['sector_1', 'sector_2']);
    assert.deepEqual(d.techniques, ['make_sector_1', 'make_sector_2']);
    assert.deepEqual(d.resources, ['labour']);
    assert.match(d.message, /the level of tier 1 grows without limit: sector_1, sector_2 can be made in any amount \(the techniques make_sector_1, make_sector_2 use only labour, which has no availability in the model, and no capacity bounds them\); give it an availability, or choose mincost of labour/);
    assert.deepEqual(d.suggestions[0]?.objective, { kind: 'mincost', resource: 'labour' });
    // The objective it suggests is bounded: the table's own gross output, 0.3 × 1000 + 0.25 × 2000 of labour.
    const m = await solvePlan(c, { objective: d.suggestions[0].objective, solver: highsSolver });
    assert.equal(m.status, 'optimal');
    assert.ok(Math.abs(m.objectiveValue - 800) < 1e-6, `labour ${m.objectiveValue}`);
  });

  test('a target whose technique uses a limited resource is not named', async () => {
    const c = load('miller-blair', 'economy.yaml');
    const text = readFileSync(join(repoRoot, 'examples', 'miller-blair', 'economy.yaml'), 'utf8')
      .replace('- { id: labour, unit: dollar, name: Labour (household payments) }', '- { id: labour, unit: dollar, name: Labour (household payments) }\n  - { id: land, unit: ha, available: 10 }')
      .replace('uses: { labour: 0.3 }', 'uses: { labour: 0.3, land: 0.01 }');
    const limited = compileEconomy(parseEconomy(text, { file: 'limited.yaml' }));
    assert.equal(c.resources.ids.length + 1, limited.resources.ids.length);
    const r = await solvePlan(limited, { objective: 'maxmin', solver: highsSolver });
    // sector_2 needs sector_1, which needs land: nothing grows without limit, and the plan is bounded.
    assert.equal(r.status, 'optimal');
    assert.equal(r.diagnosis, undefined);
  });

  test('pymrio test MRIO: the diagnosis names targets and the unlimited factor inputs', async () => {
    const c = load('pymrio-test-mrio', 'economy.yaml');
    const r = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    assert.equal(r.status, 'unbounded');
    assert.ok(r.diagnosis?.kind === 'unbounded');
    assert.ok(r.diagnosis.targets.length > 0);
    assert.ok(r.diagnosis.resources.length > 0);
    assert.equal(r.diagnosis.suggestions[0]?.objective.kind, 'mincost');
    const m = await solvePlan(c, { objective: r.diagnosis.suggestions[0].objective, solver: highsSolver });
    assert.equal(m.status, 'optimal');
  });
});

describe('reduced costs in the plan document', () => {
  test('Kantorovich: running techniques 0, idle ones their loss per machine-day at the valuations', async () => {
    const c = load('kantorovich', 'machine-tools.yaml');
    const r = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    const doc = encodePlan(c, r);
    assert.ok(doc.status === 'optimal');
    const rc = doc.reducedCosts['1'] ?? {};
    for (const j of Object.keys(doc.activity['1'] ?? {})) assert.ok(Math.abs(rc[j] ?? 0) < 1e-9, `${j} runs: reduced cost ${rc[j]}`);
    // Valuations 2/3 and 1/3 per piece, machines 20/3, 40/3, 80/3 per day: the turret lathe on part 2 makes 30 × 1/3 = 10 against 40/3.
    assert.ok(Math.abs((rc['turret_lathe_part2'] ?? 0) - (10 - 40 / 3)) < 1e-9, `turret_lathe_part2 ${rc['turret_lathe_part2']}`);
    assert.ok(Math.abs((rc['automatic_part1'] ?? 0) - (20 - 80 / 3)) < 1e-9, `automatic_part1 ${rc['automatic_part1']}`);
  });
});
