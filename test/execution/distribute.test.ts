import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { distribute, distributionRegions } from '../../src/execution/index.js';
import type { Distribution, DistributionRegion } from '../../src/execution/index.js';
import { compileEconomy } from '../../src/compile/index.js';
import { InputError } from '../../src/model/index.js';
import { seededRandom } from '../helpers/random.js';
import { read1930, small } from './economies.js';

const TOL = 1e-12;

/** The defining properties of a distribution, within rounding. */
function checkProperties(d: Distribution, regions: readonly DistributionRegion[]): void {
  const scale = Math.max(1, d.supply, d.need);
  assert.ok(Math.abs(d.allocated - Math.min(d.supply, d.need)) <= TOL * scale, `Σ allocated ${d.allocated} = min(supply ${d.supply}, need ${d.need})`);
  let sum = 0;
  for (const a of d.allocations) {
    sum += a.allocated;
    assert.ok(a.allocated >= 0 && a.allocated <= a.need * (1 + TOL) + TOL, `${a.region} gets ${a.allocated} of its need ${a.need}`);
  }
  assert.ok(Math.abs(sum - d.allocated) <= TOL * scale);
  // A tier with an unmet region leaves nothing to the later tiers.
  for (const a of d.allocations) {
    if (a.fraction >= 1 - 1e-9) continue;
    for (const b of d.allocations) if (b.tier > a.tier) assert.ok(b.allocated <= TOL * scale, `tier ${b.tier} served before tier ${a.tier} is full`);
  }
  // Within a tier, the unmet regions get the same amount per unit of norm × population, and the
  // met ones would have got at least their need at that level.
  const byTier = new Map<number, number[]>();
  d.allocations.forEach((a, k) => byTier.set(a.tier, [...(byTier.get(a.tier) ?? []), k]));
  for (const ks of byTier.values()) {
    const weight = (k: number) => regions[k].norm * regions[k].population;
    const unmet = ks.filter((k) => d.allocations[k].fraction < 1 - 1e-9 && weight(k) > 0);
    if (unmet.length === 0) continue;
    const level = d.allocations[unmet[0]].allocated / weight(unmet[0]);
    for (const k of unmet) assert.ok(Math.abs(d.allocations[k].allocated / weight(k) - level) <= 1e-9 * Math.max(level, 1e-300));
    if (level === 0) continue;
    for (const k of ks) if (!unmet.includes(k) && weight(k) > 0) assert.ok(weight(k) * level >= d.allocations[k].need * (1 - 1e-9), 'a met region needed no more than its share');
  }
}

describe('distribute', () => {
  test('a hand case: tier 1 in full, tier 2 in proportion, water-filling past a region with supplies of its own', () => {
    const regions: DistributionRegion[] = [
      { region: 'capital', population: 100, norm: 2, tier: 1 },
      { region: 'a', population: 100, norm: 1, tier: 2 },
      { region: 'b', population: 300, norm: 1, tier: 2 },
      { region: 'c', population: 100, norm: 1, tier: 2, need: 10 },
      { region: 'd', population: 50, norm: 1, tier: 3 },
    ];
    const d = distribute(410, regions);
    // Capital 200; 210 left for tier 2 (weights 100, 300, 100; c needs only 10): level 0.5 would
    // give c 50 > 10, so c gets 10 and a, b share 200 at level 0.5: 50 and 150.
    const got = Object.fromEntries(d.allocations.map((a) => [a.region, a.allocated]));
    assert.deepEqual(got, { capital: 200, a: 50, b: 150, c: 10, d: 0 });
    checkProperties(d, regions);
    const plenty = distribute(1000, regions);
    assert.equal(plenty.left, 1000 - 660);
    assert.ok(plenty.allocations.every((a) => a.fraction === 1));
  });

  test('properties on seeded random cases, and permuting regions permutes the answer', () => {
    const rand = seededRandom(4242);
    for (let trial = 0; trial < 200; trial++) {
      const m = 1 + Math.floor(rand() * 12);
      const regions: DistributionRegion[] = [];
      for (let k = 0; k < m; k++) {
        const population = Math.floor(rand() * 1e6);
        const norm = rand() < 0.1 ? 0 : rand() * 0.3;
        const own = rand() < 0.3;
        regions.push({ region: `r${k}`, population, norm, tier: 1 + Math.floor(rand() * 3), ...(own ? { need: norm * population * rand() } : {}) });
      }
      const total = regions.reduce((s, r) => s + (r.need ?? r.norm * r.population), 0);
      const supply = total * rand() * 1.2;
      const d = distribute(supply, regions);
      checkProperties(d, regions);
      const order = regions.map((_, k) => k).sort(() => rand() - 0.5);
      const p = distribute(supply, order.map((k) => regions[k]));
      order.forEach((k, q) => assert.ok(Math.abs(p.allocations[q].allocated - d.allocations[k].allocated) <= 1e-9 * Math.max(1, d.allocations[k].allocated)));
    }
  });

  test('bad numbers are refused with their place', () => {
    assert.throws(
      () => distribute(-1, [{ region: 'x', population: Number.NaN, norm: 1, tier: 1 }]),
      (e: unknown) => e instanceof InputError && e.issues.length === 2 && e.issues[1].location.path?.join('.') === 'regions.0.population',
    );
  });

  test('the regions of the small economy from its household targets', () => {
    const r = distributionRegions(small(), 'bread', 'p1');
    assert.deepEqual(r, [
      { region: 'north', population: 1000, norm: 0.04, tier: 2, need: 40 },
      { region: 'south', population: 3000, norm: 0.03, tier: 1, need: 90 },
    ]);
    const explicit = distributionRegions(small(), 'bread', 'p1', { norms: { north: 0.05 } });
    assert.deepEqual(explicit, [{ region: 'north', population: 1000, norm: 0.05, tier: 2 }]);
    assert.throws(() => distributionRegions(small(), 'cake', 'p1'), InputError);
  });

  test('1930: bread short by a fifth serves Moscow–Leningrad and Donbass–Baku in full first', () => {
    const c = compileEconomy(read1930());
    const regions = distributionRegions(c, 'bread', '1931');
    assert.equal(regions.length, 8);
    const need = regions.reduce((s, r) => s + (r.need ?? 0), 0);
    assert.ok(Math.abs(need - 19.65e6) < 1);
    const d = distribute(0.8 * need, regions);
    checkProperties(d, regions);
    for (const a of d.allocations) {
      if (a.region === 'moscow_leningrad' || a.region === 'donbass_baku') assert.equal(a.fraction, 1, a.region);
      else assert.ok(Math.abs(a.fraction - (0.8 * 19.65e6 - 5.75e6) / 13.9e6) < 1e-12, `${a.region} ${a.fraction}`);
    }
    // Norms: 0.25 t a head in the priority regions.
    assert.ok(Math.abs((regions.find((r) => r.region === 'moscow_leningrad')?.norm ?? 0) - 0.25) < 1e-12);
  });
});
