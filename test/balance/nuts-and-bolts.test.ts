import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan, blockedByDeficits, closingRequirements, feasibleFraction, summariseBalance } from '../../src/balance/index.js';
import { near } from './close.js';
import { nutsAndBolts } from './nuts-and-bolts.js';

const status = (ids: readonly string[], st: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.map((id, k) => [id, st[k]]));

describe('nuts and bolts', () => {
  const { c, activity } = nutsAndBolts();
  const report = balancePlan(c, { activity });
  const item = (id: string): number => c.items.index.get(id) as number;

  test('bolts are in deficit, nuts in surplus, the rest balances', () => {
    assert.deepEqual(status(c.items.ids, report.items.status), {
      steel: 'balanced',
      coal: 'balanced',
      nut: 'surplus',
      bolt: 'deficit',
      tractor: 'balanced',
      grain: 'balanced',
      bread: 'balanced',
    });
    near(report.items.gap[item('bolt')], -11, 1e-12, 'bolt gap');
    near(report.items.relativeGap[item('bolt')], -0.5, 1e-12, 'bolt relative gap');
    near(report.items.gap[item('nut')], 18, 1e-12, 'nut gap');
    near(report.items.final[item('bread')], 80000, 0, 'bread final use');
    assert.deepEqual(Array.from(report.deficits), [item('bolt')]);
    assert.deepEqual(Array.from(report.surpluses), [item('nut')]);
    assert.deepEqual(report.counts, {
      items: 7, balanced: 5, surplus: 1, deficit: 1, resources: 1, resourcesOver: 0, techniques: 7, capacitiesOver: 0,
    });
    assert.equal(report.balances, false);
    assert.equal(report.withinLimits, true);
    near(report.resources.slack[0], 5, 1e-9, 'labour slack');
  });

  test('supply − use = gap and use = intermediate + final + exports for every item', () => {
    const it = report.items;
    for (let i = 0; i < it.gap.length; i++) {
      near(it.supply[i] - it.use[i], it.gap[i], 1e-15, `gap ${c.items.ids[i]}`, 1e-12);
      near(it.intermediate[i] + it.final[i] + it.exports[i], it.use[i], 1e-15, `use ${c.items.ids[i]}`);
    }
  });

  test('priority rule: the chain bolts → tractors → grain → bread', () => {
    const b = blockedByDeficits(report);
    assert.equal(b.status, 'converged');
    const blocked = Object.fromEntries(b.techniques.map((t) => [t.id, t]));
    assert.deepEqual(Object.keys(blocked).sort(), ['bakery', 'grain_farm', 'tractor_plant']);
    near(blocked.tractor_plant.fraction, 0.5, 1e-12, 'tractor plant fraction');
    assert.equal(blocked.tractor_plant.reasonId, 'bolt');
    near(blocked.tractor_plant.missing, 11, 1e-12, 'bolts missing');
    near(blocked.grain_farm.allowed, 55000, 1e-12, 'farm activity allowed');
    assert.equal(blocked.grain_farm.reasonId, 'tractor');
    near(blocked.grain_farm.missing, 45, 1e-12, 'tractors missing at the farm');
    near(blocked.bakery.allowed, 44000, 1e-12, 'bakery activity allowed');
    assert.equal(blocked.bakery.reasonId, 'grain');
    near(blocked.bakery.missing, 45000, 1e-12, 'grain missing at the bakery');

    // Targets: bread (priority 1) gets the bread there is; the tractors all go to the farm first.
    assert.deepEqual(b.targets.map((t) => [t.itemId, t.priority]), [['bread', 1], ['tractor', 2]]);
    near(b.targets[0].covered, 44000, 1e-12, 'bread covered');
    near(b.targets[0].shortfall, 36000, 1e-12, 'bread short');
    near(b.targets[1].covered, 0, 0, 'tractor target covered', 1e-9);
    near(b.targets[1].shortfall, 10, 1e-12, 'tractor target short');

    // Nuts made for the tractors that cannot be built lie idle; the steel for them too.
    near(b.idle[item('nut')], 11, 1e-12, 'idle nuts');
    near(b.idle[item('steel')], 165, 1e-12, 'idle steel');
    near(b.lostOutput[item('tractor')], 55, 1e-12, 'tractors not made');

    assert.equal(b.chains.length, 1);
    const chain = b.chains[0];
    assert.equal(chain.id, 'bolt');
    near(chain.deficit, 11, 1e-12, 'chain deficit');
    assert.equal(chain.truncated, false);
    assert.deepEqual(
      chain.steps.map((s) => [s.depth, s.kind, s.kind === 'target' ? s.itemId : s.id]),
      [
        [0, 'item', 'bolt'],
        [1, 'technique', 'tractor_plant'],
        [2, 'item', 'tractor'],
        [3, 'target', 'tractor'],
        [3, 'technique', 'grain_farm'],
        [4, 'item', 'grain'],
        [5, 'technique', 'bakery'],
        [6, 'item', 'bread'],
        [7, 'target', 'bread'],
      ],
    );
    const tractorStep = chain.steps[2];
    assert.ok(tractorStep.kind === 'item');
    near(tractorStep.shortfall, 55, 1e-12, 'tractor shortfall');
    near(tractorStep.lost, 55, 1e-12, 'tractors lost');
    assert.equal(c.techniques.ids[tractorStep.cause], 'tractor_plant');
  });

  test('proportional rule: every claim on a short item gets the same share', () => {
    const b = blockedByDeficits(report, { rule: 'proportional' });
    near(b.share[item('bolt')], 0.5, 1e-12, 'bolt share');
    near(b.share[item('tractor')], 0.5, 1e-12, 'tractor share');
    const covered = Object.fromEntries(b.targets.map((t) => [t.itemId, t.covered]));
    near(covered.bread, 40000, 1e-12, 'bread covered');
    near(covered.tractor, 5, 1e-12, 'tractors covered');
  });

  test('closing the bolt deficit: the Leontief total through the steel–coal cycle, labour short', () => {
    const closing = closingRequirements(report);
    assert.equal(closing.status, 'ok');
    assert.equal(closing.each.length, 1);
    const req = closing.each[0];
    assert.equal(req.status, 'converged');
    // 11 bolts need 0.22 t of steel directly; steel needs coal 0.5 and coal needs steel 0.01:
    // Δsteel = 0.22 + 0.01 Δcoal, Δcoal = 0.5 Δsteel, so Δsteel = 0.22 / 0.995.
    const steel = 0.22 / 0.995;
    const expected: Record<string, number> = { steel, coal: steel / 2, nut: 0, bolt: 11, tractor: 0, grain: 0, bread: 0 };
    for (const [id, v] of Object.entries(expected)) near(req.grossOutput[item(id)], v, 1e-10, `Δx ${id}`, 1e-12);
    const labour = 0.5 * 11 + 2 * steel + steel / 2;
    near(req.resources[0], labour, 1e-10, 'labour needed');
    assert.deepEqual(req.resourcesShort.map((x) => x.id), ['labour']);
    near(req.resourcesShort[0].short, labour - 5, 1e-9, 'labour short');
    assert.equal(req.feasible, false);
    // With enough labour the closing fits.
    const roomy = nutsAndBolts(10);
    const ok = closingRequirements(balancePlan(roomy.c, { activity: roomy.activity })).each[0];
    assert.equal(ok.feasible, true);
  });

  test('fractions: no share of the targets without bolts; the labour carries the plan', () => {
    const f = feasibleFraction(report);
    assert.equal(f.targets, 0);
    assert.equal(f.targetsLimit?.id, 'bolt');
    assert.equal(f.resources, 1);
    assert.equal(f.resourcesLimit?.id, 'labour');
    assert.ok((f.resourcesLimit?.ratio ?? 0) > 1);
    assert.equal(f.uniform, 0);
    assert.equal(f.combined, 0);
  });

  test('summary lists the bolt deficit with its chain as sentences', () => {
    const s = summariseBalance(report);
    assert.equal(s.balances, false);
    assert.equal(s.deficits.length, 1);
    const d = s.deficits[0];
    assert.equal(d.id, 'bolt');
    assert.equal(d.unit, 'thousand');
    near(d.deficit, 11, 1e-12, 'summary deficit');
    near(d.share, 0.5, 1e-12, 'summary share');
    assert.equal(d.lines.length, d.chain.length);
    assert.match(d.lines[0], /^bolt: short 11 thousand$/);
    assert.match(d.lines[1], /tractor_plant: can run 55 of 110 planned \(50%\) for want of bolt/);
    assert.match(d.lines[8], /target bread \(priority 1\): 44000 of 80000 t covered, short 36000/);
    assert.deepEqual(s.surpluses.map((x) => x.id), ['nut']);
    assert.equal(s.limits.length, 0);
    assert.doesNotThrow(() => JSON.stringify(s));
  });
});
