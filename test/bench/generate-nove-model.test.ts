import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generateNoveModel } from '../../bench/plan-gen/generate-nove-model.js';
import { planLpOf } from '../../bench/plan-gen/plan-lp.js';
import { loadAnyModel } from '../../src/cli/load-model.js';
import { compileEconomy } from '../../src/compile/index.js';
import type { CoefficientColumns } from '../../src/model/binary/index.js';
import { writeModelFolder } from '../../src/model/binary/index.js';
import { solvePlan } from '../../src/plan/index.js';

/** All pieces of the coefficient columns as one. */
function coefficients(pieces: CoefficientColumns | Iterable<CoefficientColumns>): { technique: number[]; role: number[]; item: number[]; value: number[] } {
  const out = { technique: [] as number[], role: [] as number[], item: [] as number[], value: [] as number[] };
  for (const p of 'value' in pieces ? [pieces] : pieces) {
    out.technique.push(...p.technique);
    out.role.push(...p.role);
    out.item.push(...p.item);
    out.value.push(...p.value);
  }
  return out;
}

describe('generateNoveModel: a plan at Nove’s scale, as binary model columns (seed 2, 3,000 products)', () => {
  const g = generateNoveModel({ products: 3000, seed: 2, piece: 700 });
  const c = coefficients(g.folder.coefficients);
  const dir = mkdtempSync(join(tmpdir(), 'nove-model-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('has the shape asked for: one period, no regions, 2–3 techniques per product, capacities on a third, three tiers', () => {
    assert.equal(g.products, 3000);
    assert.deepEqual(g.folder.model.periods, ['1']);
    assert.equal(g.folder.model.regions, undefined);
    assert.equal(g.folder.products.id.length, 3000);
    assert.equal(g.folder.techniques.id.length, g.techniques);
    // Techniques per product: every product 2 or 3, both occurring; each produces its own product.
    const per = new Map<string, number>();
    for (const id of g.folder.techniques.id) per.set(id.slice(0, id.lastIndexOf('_')), (per.get(id.slice(0, id.lastIndexOf('_'))) ?? 0) + 1);
    assert.equal(per.size, 3000);
    assert.ok([...per.values()].every((k) => k === 2 || k === 3) && [...per.values()].some((k) => k === 2) && [...per.values()].some((k) => k === 3));
    const produced = c.role.map((r, k) => (r === 0 ? `${c.technique[k]}:${c.item[k]}` : '')).filter((s) => s !== '');
    assert.equal(produced.length, g.techniques);
    assert.ok(produced.every((s) => g.folder.techniques.id[Number(s.split(':')[0])].startsWith(`p${Number(s.split(':')[1]) + 1}_`)));
    // Competing techniques differ in their inputs; every technique uses labour (resource 0).
    const inputs = new Map<number, string>();
    c.role.forEach((r, k) => r === 1 && inputs.set(c.technique[k], `${inputs.get(c.technique[k]) ?? ''},${c.item[k]}:${c.value[k]}`));
    assert.notEqual(inputs.get(0), inputs.get(1));
    assert.equal(new Set(c.technique.filter((_, k) => c.role[k] === 2 && c.item[k] === 0)).size, g.techniques);
    // Capacities on about a third.
    const capped = (g.folder.techniques.more ?? []).filter((m) => m !== null);
    assert.equal(capped.length, g.capacities);
    assert.ok(g.capacities > 0.28 * g.techniques && g.capacities < 0.39 * g.techniques, `${g.capacities} of ${g.techniques}`);
    assert.ok(capped.every((m) => (JSON.parse(m) as { capacity: number }).capacity > 0));
    assert.deepEqual([...new Set(g.folder.targets.priority)].sort(), [1, 2, 3]);
    assert.equal(g.targets, g.folder.targets.product.length);
  });

  test('is the same for the same seed, however it is cut into pieces, and different for another seed', () => {
    const again = generateNoveModel({ products: 3000, seed: 2, piece: 1 << 16 });
    assert.deepEqual(coefficients(again.folder.coefficients), c);
    assert.deepEqual(again.folder.techniques.more, g.folder.techniques.more);
    assert.deepEqual(Array.from(again.folder.targets.amount), Array.from(g.folder.targets.amount));
    assert.notDeepEqual(coefficients(generateNoveModel({ products: 3000, seed: 3 }).folder.coefficients).value, c.value);
  });

  test('reads and compiles as columns (each product one item) and has an optimal plan, PDHG agreeing with HiGHS', async () => {
    const path = join(dir, 'nove');
    writeModelFolder(path, generateNoveModel({ products: 300, seed: 2 }).folder);
    const compiled = compileEconomy(await loadAnyModel(path));
    assert.equal(compiled.items.ids.length, 300);
    assert.ok(compiled.capacity.some((v) => Number.isFinite(v)));
    const highs = await solvePlan(compiled, { objective: { kind: 'weighted' }, solver: 'highs' });
    assert.equal(highs.status, 'optimal', highs.message);
    const pdhg = await solvePlan(compiled, { objective: { kind: 'weighted' }, solver: 'pdhg', gap: 1e-4 });
    assert.equal(pdhg.status, 'optimal', pdhg.message);
    assert.ok(Math.abs(pdhg.objectiveValue - highs.objectiveValue) <= 2e-4 * (1 + Math.abs(highs.objectiveValue)), `PDHG ${pdhg.objectiveValue}, HiGHS ${highs.objectiveValue}`);
    const { lp } = await planLpOf(path);
    assert.equal(lp.A.cols > 0 && lp.A.rows > 0, true);
  });
});
