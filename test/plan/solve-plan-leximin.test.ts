import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileEconomy } from '../../src/compile/index.js';
import type { CompiledEconomy } from '../../src/compile/index.js';
import { InputError, parseEconomy } from '../../src/model/index.js';
import type { Economy, Target } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/highs/index.js';
import { formulatePlan, solvePlan } from '../../src/plan/index.js';
import type { LpSolver } from '../../src/lp/index.js';
import type { PlanObjective, PlanResult } from '../../src/plan/index.js';
import { seededRandom } from '../helpers/random.js';

/**
 * maxmin, leximin over the periods of a tier: the tier's common λ first, then every period raised
 * as far as it goes without lowering one at a lower level (docs/optimize.md, "Objectives").
 */

/** The least fulfilment of tier s's targets of positive amount in period t (NaN when there are none). */
function leastFulfilment(r: PlanResult, s: number, t: number): number {
  const ix = r.formulated.index;
  let least = NaN;
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    if (ix.deliveryTier[g] !== s || ix.deliveryPeriod[g] !== t || !(ix.deliveryAmount[g] > 0)) continue;
    const f = r.delivered[g] / ix.deliveryAmount[g];
    least = Number.isNaN(least) ? f : Math.min(least, f);
  }
  return least;
}

function close(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);
}

async function plan(c: CompiledEconomy, objective: PlanObjective = { kind: 'maxmin' }): Promise<PlanResult> {
  const r = await solvePlan(c, { objective, solver: highsSolver });
  assert.equal(r.status, 'optimal');
  return r;
}

/**
 * What every maxmin plan promises: λ is the least level, and every target gets its level × amount
 * (less the tolerance at which levels are held: 10⁻⁷ relative, of 1 below 1).
 */
function assertLevelsHold(r: PlanResult): void {
  const ix = r.formulated.index;
  const nS = ix.tiers.length;
  ix.tiers.forEach((tier, s) => {
    let least = Infinity;
    for (let t = 0; t < ix.periods; t++) if (!Number.isNaN(r.levels[t * nS + s])) least = Math.min(least, r.levels[t * nS + s]);
    close(r.lambda[s], least, 1e-12, `λ of tier ${tier} is its least level`);
  });
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    const level = r.levels[ix.deliveryPeriod[g] * nS + ix.deliveryTier[g]];
    if (!(ix.deliveryAmount[g] > 0)) continue;
    assert.ok(r.delivered[g] >= (level - 1e-6 * Math.max(1, level)) * ix.deliveryAmount[g], `delivery ${g}: ${r.delivered[g]} < ${level} × ${ix.deliveryAmount[g]}`);
  }
}

// Bread and cloth for 50 each in both periods, one person-year a unit; 60 person-years in p1, 200 in p2.
const HAND = `
periods: [p1, p2]
products:
  - { id: bread, unit: t, storable: false }
  - { id: cloth, unit: m, storable: false }
resources:
  - { id: labour, unit: person-year, available: { p1: 60, p2: 200 } }
techniques:
  - { id: bakery, produces: { bread: 1 }, uses: { labour: 1 } }
  - { id: weaver, produces: { cloth: 1 }, uses: { labour: 1 } }
targets:
  - { product: bread, amount: 50, priority: 1 }
  - { product: cloth, amount: 50, priority: PRIORITY }
`;

function hand(clothPriority: number): CompiledEconomy {
  return compileEconomy(parseEconomy(HAND.replace('PRIORITY', String(clothPriority)), { file: 'hand.yaml' }));
}

describe('leximin over periods: a bottleneck in p1 does not hold p2 back', () => {
  test('one tier: p1 reaches 0.6 (60 of 100 person-years), p2 reaches 2 (200 of 100), λ = 0.6', async () => {
    const r = await plan(hand(1));
    close(r.lambda[0], 0.6, 1e-9, 'λ');
    close(r.levels[0], 0.6, 1e-9, 'level of p1');
    close(r.levels[1], 2, 1e-6, 'level of p2');
    // Before: one λ for both periods, p2 delivered 30 of each (the plan stopped at p1's level).
    close(leastFulfilment(r, 0, 1), 2, 1e-6, 'least fulfilment in p2');
    assertLevelsHold(r);
    assert.deepEqual(
      r.stages.map((s) => [s.step, s.periods]),
      [
        ['tier', ['p1', 'p2']],
        ['test', ['p1']],
        ['raise', ['p2']],
      ],
    );
  });

  test('two tiers: bread in full in both periods, then cloth at 0.2 in p1 (10 person-years left) and 3 in p2', async () => {
    const r = await plan(hand(2));
    assert.deepEqual(Array.from(r.lambda), [1, r.lambda[1]]);
    close(r.lambda[1], 0.2, 1e-6, 'λ2');
    close(r.levels[0 * 2 + 1], 0.2, 1e-6, 'tier 2 in p1');
    close(r.levels[1 * 2 + 1], 3, 1e-6, 'tier 2 in p2');
    close(r.levels[0], 1, 1e-12, 'tier 1 in p1');
    close(r.levels[2], 1, 1e-12, 'tier 1 in p2');
    assertLevelsHold(r);
    // Tier 1 reaches its cap in one LP (every period at the cap): no test.
    assert.deepEqual(
      r.stages.map((s) => [s.priority, s.step]),
      [
        [1, 'tier'],
        [2, 'tier'],
        [2, 'test'],
        [2, 'raise'],
      ],
    );
  });

  test("periods 'common': one λ per tier, every period at it, one LP per tier", async () => {
    const r = await plan(hand(2), { kind: 'maxmin', periods: 'common' });
    close(r.lambda[1], 0.2, 1e-6, 'λ2');
    for (let t = 0; t < 2; t++) assert.equal(r.levels[t * 2 + 1], r.lambda[1]);
    assert.deepEqual(
      r.stages.map((s) => s.step),
      ['tier', 'tier'],
    );
    assert.equal(r.formulated.lp.A.cols, (await plan(hand(2))).formulated.lp.A.cols - 4, 'no level columns of their own (2 tiers × 2 periods)');
  });

  test('PDHG reaches the same levels when asked for leximin', async () => {
    const r = await solvePlan(hand(2), { objective: { kind: 'maxmin', periods: 'leximin' }, solver: 'pdhg', gap: 1e-8 });
    assert.equal(r.status, 'optimal');
    close(r.levels[1], 0.2, 1e-5, 'tier 2 in p1');
    close(r.levels[3], 3, 1e-5, 'tier 2 in p2');
  });

  test('a backend whose “optimal” level is not the optimum is caught by the test: status error, no level read', async () => {
    const c = hand(1);
    const lam = formulatePlan(c, { kind: 'maxmin' }).index.lambdaStart;
    let calls = 0;
    // The first LP (the tier's common level) answered at λ = 0.3, feasible but not optimal.
    const stopsShort: LpSolver = {
      name: 'stops-short',
      maxNonZeros: Infinity,
      async solve(lp, options) {
        if (calls++ > 0) return highsSolver.solve(lp, options);
        const colUpper = Float64Array.from(lp.colUpper);
        colUpper[lam] = 0.3;
        return highsSolver.solve({ ...lp, colUpper }, options);
      },
    };
    const r = await solvePlan(c, { solver: stopsShort });
    assert.equal(r.status, 'error');
    assert.match(r.message ?? '', /not the most its periods reach together/);
    assert.ok(Number.isNaN(r.lambda[0]) && r.levels.every(Number.isNaN), 'no λ and no level from a contradicted solve');
    assert.deepEqual(
      r.stages.map((s) => s.step),
      ['tier', 'test'],
    );
  });

  test("the default mode is leximin with HiGHS and common with PDHG (its rounds cost tens of solves), and the result says which", async () => {
    const highs = await solvePlan(hand(2), { solver: 'highs' });
    assert.equal(highs.objective.kind === 'maxmin' && highs.objective.periods, 'leximin');
    close(highs.levels[3], 3, 1e-6, 'tier 2 in p2 (leximin)');
    const pdhg = await solvePlan(hand(2), { solver: 'pdhg', gap: 1e-8 });
    assert.equal(pdhg.status, 'optimal');
    assert.equal(pdhg.objective.kind === 'maxmin' && pdhg.objective.periods, 'common');
    close(pdhg.levels[3], 0.2, 1e-5, 'tier 2 in p2 (common: at λ2)');
    const auto = await solvePlan(hand(2));
    assert.equal(auto.objective.kind === 'maxmin' && auto.objective.periods, 'leximin', 'auto picks HiGHS for a small plan');
  });

  test('a bad periods option is a located input error', async () => {
    await assert.rejects(solvePlan(hand(1), { objective: { kind: 'maxmin', periods: 'each' as 'common' } }), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.issues[0].code, 'invalid-option');
      assert.deepEqual(e.issues[0].location.path, ['objective', 'periods']);
      return true;
    });
  });
});

/**
 * A seeded economy of independent periods (nothing storable, no investment): three products made
 * from two resources, targets in two tiers, every number drawn per period.
 */
function independentPeriods(seed: number, periods: number): Economy {
  const rand = seededRandom(seed);
  const ids = Array.from({ length: periods }, (_, t) => `y${t + 1}`);
  const perPeriod = (lo: number, hi: number): Record<string, number> => Object.fromEntries(ids.map((p) => [p, lo + (hi - lo) * rand()]));
  const products = ['bread', 'cloth', 'steel'];
  const targets: Target[] = [];
  for (const [k, product] of products.entries()) {
    for (const p of ids) targets.push({ product, amount: 20 + 80 * rand(), priority: k === 0 ? 1 : 2, period: p });
  }
  return {
    name: `independent periods ${seed}`,
    periods: ids,
    regions: [],
    products: products.map((id) => ({ id, unit: 't', storable: false })),
    resources: [
      { id: 'labour', unit: 'person-year', available: perPeriod(80, 400) },
      { id: 'land', unit: 'ha', available: perPeriod(50, 300) },
    ],
    techniques: products.map((id, k) => ({ id: `make_${id}`, produces: { [id]: 1 }, consumes: {}, uses: { labour: 0.5 + k * 0.5, land: 1.5 - k * 0.5 } })),
    targets,
    trade: [],
    directUse: [],
  };
}

/** The same economy with period t's data moved to period order[t]. */
function permutePeriods(e: Economy, order: readonly number[]): Economy {
  const ids = e.periods;
  const moved = (p: string): string => ids[order[ids.indexOf(p)]];
  return {
    ...e,
    resources: e.resources.map((r) => ({ ...r, available: Object.fromEntries(Object.entries(r.available as Record<string, number>).map(([p, v]) => [moved(p), v])) })),
    targets: e.targets.map((t) => ({ ...t, period: moved(t.period ?? '') })),
  };
}

describe('leximin over periods: metamorphic', () => {
  test('permuting independent periods permutes their levels (seeded)', async () => {
    const rand = seededRandom(20261205);
    let distinct = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const periods = 3 + (seed % 3);
      const e = independentPeriods(seed, periods);
      const order = Array.from({ length: periods }, (_, t) => t);
      for (let i = periods - 1; i > 0; i--) {
        const k = Math.floor(rand() * (i + 1));
        [order[i], order[k]] = [order[k], order[i]];
      }
      const a = await plan(compileEconomy(e));
      const b = await plan(compileEconomy(permutePeriods(e, order)));
      assertLevelsHold(a);
      assertLevelsHold(b);
      const nS = a.formulated.index.tiers.length;
      for (let t = 0; t < periods; t++) {
        for (let s = 0; s < nS; s++) {
          const what = `seed ${seed}, tier ${s + 1}, period ${t + 1} → ${order[t] + 1}`;
          close(b.levels[order[t] * nS + s], a.levels[t * nS + s], 1e-6, `level, ${what}`);
          close(leastFulfilment(b, s, order[t]), leastFulfilment(a, s, t), 1e-6, `least fulfilment, ${what}`);
        }
      }
      // Independent periods: each period's level of the last tier is what that period alone reaches.
      const last = new Set(Array.from({ length: periods }, (_, t) => a.levels[t * nS + nS - 1].toPrecision(6)));
      distinct += last.size;
    }
    assert.ok(distinct > 12, `the periods' levels differ (${distinct} distinct levels of the last tier)`);
  });
});
