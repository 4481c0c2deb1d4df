import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { balancePlan, closingRequirements, feasibleFraction, summariseBalance } from '../../src/balance/index.js';
import { compileEconomy, planActivities } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { fixture } from '../helpers/paths.js';
import { near } from './close.js';

interface MillerBlair {
  readonly f: number[];
  readonly f_new: number[];
  readonly x_published: number[];
  readonly x_new_exact: number[];
  readonly x_new_published: number[];
  readonly L_exact: number[][];
  readonly L_published_pymrio: number[][];
  readonly labour_coeff: number[];
}
const mb = (JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as { miller_blair_2009_ch2_two_sector: MillerBlair })
  .miller_blair_2009_ch2_two_sector;

/** Miller & Blair's two sectors (A = Z / x), targets f_new, the given plan output and limits. */
function model(output: readonly number[], opts: { labour?: number; capacity2?: number } = {}) {
  const labour = opts.labour === undefined ? '' : `, available: ${opts.labour}`;
  const cap = opts.capacity2 === undefined ? '' : `\n    capacity: ${opts.capacity2}`;
  const text = `
name: Miller and Blair, two sectors
products:
  - { id: s1, unit: dollar }
  - { id: s2, unit: dollar }
resources:
  - { id: labour, unit: dollar${labour} }
techniques:
  - id: make_s1
    produces: { s1: 1 }
    consumes: { s1: 0.15, s2: 0.2 }
    uses: { labour: ${mb.labour_coeff[0]} }
  - id: make_s2
    produces: { s2: 1 }
    consumes: { s1: 0.25, s2: 0.05 }
    uses: { labour: ${mb.labour_coeff[1]} }${cap}
targets:
  - { product: s1, amount: ${mb.f_new[0]} }
  - { product: s2, amount: ${mb.f_new[1]} }
plan:
  output: { s1: ${output[0]}, s2: ${output[1]} }
`;
  const e = parseEconomy(text, { file: 'miller-blair.yaml' });
  const c = compileEconomy(e);
  if (e.plan === undefined) throw new Error('the test model has a plan');
  return { c, planned: planActivities(c, e.plan) };
}

describe('Miller and Blair: the published new gross output balances the new final demand', () => {
  test('x_new exact: no deficits, gaps zero to 1e-12 relative', () => {
    const { c, planned } = model(mb.x_new_exact);
    const r = balancePlan(c, planned);
    assert.equal(r.balances, true);
    assert.equal(r.counts.balanced, 2);
    for (const g of r.items.relativeGap) assert.ok(Math.abs(g) < 1e-12, `relative gap ${g}`);
    const f = feasibleFraction(r);
    assert.equal(f.targets, 1);
    assert.equal(f.uniform, 1);
  });

  test('x_new as published (rounded to 0.1): balanced within 1e-4, not within 1e-9', () => {
    const { c, planned } = model(mb.x_new_published);
    const loose = balancePlan(c, planned, { tolerance: 1e-4 });
    assert.equal(loose.balances, true);
    for (const g of loose.items.relativeGap) assert.ok(Math.abs(g) < 5e-5, `relative gap ${g}`);
    const strict = balancePlan(c, planned);
    assert.equal(strict.balances, false);
  });
});

describe('Miller and Blair: the old output against the new final demand', () => {
  // x = (1000, 2000) meets f = (350, 1700); against f_new = (600, 1500) sector 1 is 250 short
  // and sector 2 has 200 to spare.
  const labourUse = mb.labour_coeff[0] * 1000 + mb.labour_coeff[1] * 2000; // 800

  test('deficit of 250 in sector 1, surplus of 200 in sector 2', () => {
    const { c, planned } = model(mb.x_published);
    const r = balancePlan(c, planned);
    assert.deepEqual(r.items.status, ['deficit', 'surplus']);
    // Intermediate use is the published flow row sum: 150 + 500 and 200 + 100.
    near(r.items.intermediate[0], 650, 1e-12, 'intermediate s1');
    near(r.items.intermediate[1], 300, 1e-12, 'intermediate s2');
    near(r.items.gap[0], -250, 1e-12, 'gap s1');
    near(r.items.gap[1], 200, 1e-12, 'gap s2');
  });

  test('closing the deficit takes L e₁ · 250 (published inverse), and labour beyond the slack', () => {
    const { c, planned } = model(mb.x_published, { labour: labourUse + 100 });
    const r = balancePlan(c, planned);
    const closing = closingRequirements(r);
    assert.equal(closing.status, 'ok');
    assert.equal(closing.each.length, 1);
    const req = closing.each[0];
    assert.equal(req.id, 's1');
    assert.equal(req.status, 'converged');
    near(req.deficit, 250, 1e-12, 'deficit');
    for (let i = 0; i < 2; i++) {
      near(req.grossOutput[i], mb.L_exact[i][0] * 250, 1e-10, `Δx[${i}] against the exact inverse`);
      near(req.grossOutput[i], mb.L_published_pymrio[i][0] * 250, 1e-7, `Δx[${i}] against the published inverse`);
    }
    near(req.activity[0], req.grossOutput[0], 1e-15, 'extra activity of make_s1');
    const labour = mb.labour_coeff[0] * req.grossOutput[0] + mb.labour_coeff[1] * req.grossOutput[1];
    near(req.resources[0], labour, 1e-12, 'labour needed');
    assert.equal(req.resourcesShort.length, 1);
    near(req.resourcesShort[0].slack, 100, 1e-12, 'labour slack');
    near(req.resourcesShort[0].short, labour - 100, 1e-10, 'labour short');
    assert.equal(req.feasible, false);
    // One deficit: all together is the same requirement.
    assert.ok(closing.all !== undefined);
    near(closing.all.grossOutput[0], req.grossOutput[0], 1e-12, 'all = each');
  });

  test('fractions: 350/600 of the targets; 7/8 of the plan on 700 of labour', () => {
    const { c, planned } = model(mb.x_published, { labour: 700 });
    const r = balancePlan(c, planned);
    const f = feasibleFraction(r);
    near(f.targets, 350 / 600, 1e-12, 'θ targets');
    assert.deepEqual([f.targetsLimit?.kind, f.targetsLimit?.id], ['item', 's1']);
    near(f.resources, 700 / 800, 1e-12, 'θ resources');
    assert.deepEqual([f.resourcesLimit?.kind, f.resourcesLimit?.id], ['resource', 'labour']);
    near(f.combined, (350 / 600) * (700 / 800), 1e-12, 'combined');
    assert.equal(f.uniform, 0);
  });

  test('a resource over-used: labour 800 against 700', () => {
    const { c, planned } = model(mb.x_published, { labour: 700 });
    const r = balancePlan(c, planned);
    assert.deepEqual(r.resources.status, ['over']);
    assert.deepEqual(Array.from(r.resourcesOver), [0]);
    near(r.resources.use[0], 800, 1e-12, 'labour used');
    near(r.resources.slack[0], -100, 1e-12, 'labour slack');
    near(r.resources.utilisation[0], 8 / 7, 1e-12, 'utilisation');
    assert.equal(r.withinLimits, false);
    const s = summariseBalance(r);
    assert.deepEqual(s.limits.map((l) => [l.kind, l.id]), [['resource', 'labour']]);
    near(s.limits[0].excess, 100, 1e-12, 'excess');
  });

  test('a capacity exceeded: sector 2 runs 2000 with a capacity of 1800', () => {
    const { c, planned } = model(mb.x_published, { capacity2: 1800 });
    const r = balancePlan(c, planned);
    assert.deepEqual(r.techniques.status, ['within', 'over']);
    assert.deepEqual(Array.from(r.capacitiesOver), [1]);
    near(r.techniques.utilisation[1], 2000 / 1800, 1e-12, 'utilisation');
    assert.equal(r.withinLimits, false);
    const f = feasibleFraction(r);
    near(f.resources, 0.9, 1e-12, 'θ resources');
    assert.deepEqual([f.resourcesLimit?.kind, f.resourcesLimit?.id], ['capacity', 'make_s2']);
    // With labour scarcer still, labour sets the limit.
    const both = feasibleFraction(balancePlan(model(mb.x_published, { capacity2: 1800, labour: 700 }).c, planned));
    assert.equal(both.resourcesLimit?.id, 'labour');
  });
});
