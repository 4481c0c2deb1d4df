import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompiledEconomy } from '../../src/compile/index.js';
import { executionPlan, replan, type ReplanResult } from '../../src/execution/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { solvePlan, type PlanResult } from '../../src/plan/index.js';
import { seededRandom } from '../helpers/random.js';
import { assertClose, compileModelFile, deliveryTolerance, levelTolerance, MIP_GAP } from './replan-case.js';

const MINIMAL = 'test/fixtures/replan/minimal.yaml';
const REGIONS = 'test/fixtures/replan/two-regions.yaml';
const USSR_1930 = 'examples/ussr-1930/economy.yaml';

async function published(file: string): Promise<{ c: CompiledEconomy; p: PlanResult }> {
  const c = compileModelFile(file);
  const p = await solvePlan(c, { solver: highsSolver, mipGap: MIP_GAP });
  assert.equal(p.status, 'optimal');
  return { c, p };
}

async function replanFrom(c: CompiledEconomy, p: PlanResult, fromPeriod: string, actuals: ArrayLike<number>): Promise<ReplanResult> {
  const r = await replan(c, { solver: highsSolver, mipGap: MIP_GAP, fromPeriod, actuals, plan: executionPlan(p) });
  assert.equal(r.status, 'optimal');
  return r;
}

describe('re-planning with actuals equal to the published plan returns the published future', () => {
  // The plan is leximin over the periods of each tier, so its future is leximin-optimal given its
  // past (docs/optimize.md, "Re-planning"): the re-plan finds the same level in every future
  // period, λ = the least of them, and the same deliveries.
  for (const [file, from] of [
    [MINIMAL, 'p2'],
    [REGIONS, 'p2'],
    [REGIONS, 'p3'],
    [USSR_1930, '1931'],
    [USSR_1930, '1932'],
  ] as const) {
    test(`${file.split('/').pop()} from ${from}`, async () => {
      const { c, p } = await published(file);
      const r = await replanFrom(c, p, from, p.activity);
      const t0 = c.periods.index.get(from) ?? -1;
      const ix = r.formulated.index;
      const nS = ix.tiers.length;
      ix.tiers.forEach((tier, s) => {
        let least = Infinity;
        for (let t = 0; t < ix.periods; t++) {
          const level = p.levels[t * nS + s];
          if (t < t0) {
            assert.ok(Number.isNaN(r.levels[t * nS + s]), `the past has no level: tier ${tier} in ${c.periods.ids[t]}`);
            continue;
          }
          if (Number.isNaN(level)) continue;
          assertClose(r.levels[t * nS + s], level, levelTolerance(c), `level of tier ${tier} in ${c.periods.ids[t]}`);
          least = Math.min(least, level);
        }
        if (Number.isFinite(least)) assertClose(r.lambda[s], least, levelTolerance(c), `λ of tier ${tier}: the least published level of the future`);
      });
      for (let g = 0; g < ix.deliveryTarget.length; g++) {
        const what = `delivery to target ${ix.deliveryTarget[g]} in ${c.periods.ids[ix.deliveryPeriod[g]]}`;
        // Future deliveries as planned; past ones as delivered (the published plan's, nothing short).
        assertClose(r.delivered[g], p.delivered[g], deliveryTolerance(c), what);
      }
      const n = c.items.ids.length;
      for (let k = 0; k < t0 * n; k++) {
        assert.equal(r.exports[k], p.exports[k]);
        assert.equal(r.imports[k], p.imports[k]);
        assert.equal(r.stock[k], p.stock[k]);
      }
      assert.deepEqual(r.past.breaches, []);
      assert.deepEqual(r.past.shortfalls, []);
    });
  }
});

test('re-planned from the first period, there is no past and the re-plan is the plan', async () => {
  const { c, p } = await published(REGIONS);
  const r = await replanFrom(c, p, 'p1', []);
  assert.equal(r.fixedPeriods, 0);
  p.lambda.forEach((l, s) => assertClose(r.lambda[s], l, 1e-9, `λ of tier ${s}`));
  p.levels.forEach((l, k) => (Number.isNaN(l) ? assert.ok(Number.isNaN(r.levels[k])) : assertClose(r.levels[k], l, 1e-9, `level ${k}`)));
  assertClose(r.objectiveValue, p.objectiveValue, 1e-9, 'objective');
});

describe('a past shortfall never lowers a future period’s fulfilment (seeded)', () => {
  test('random shortfalls of the two-region economy’s past, from p2 and from p3', async () => {
    const { c, p } = await published(REGIONS);
    const nT = c.techniques.ids.length;
    // Investment is not a shortfall of a delivery: building less leaves the future less capacity.
    const candidates = c.model.techniques.flatMap((t, j) => (t.build === undefined ? [j] : []));
    let shortfalls = 0;
    for (const from of ['p2', 'p3']) {
      const t0 = c.periods.index.get(from) ?? -1;
      const base = await replanFrom(c, p, from, p.activity);
      const ix = base.formulated.index;
      for (let seed = 1; seed <= 10; seed++) {
        const rand = seededRandom(seed);
        const actuals = Float64Array.from(p.activity);
        for (let t = 0; t < t0; t++) for (const j of candidates) if (rand() < 0.5) actuals[t * nT + j] *= 0.3 + 0.7 * rand();
        const r = await replanFrom(c, p, from, actuals);
        const nS = ix.tiers.length;
        ix.tiers.forEach((tier, s) => assert.ok(r.lambda[s] >= base.lambda[s] - 1e-7 * Math.max(1, base.lambda[s]), `seed ${seed} from ${from}: λ of tier ${tier} ${r.lambda[s]} < ${base.lambda[s]}`));
        base.levels.forEach((l, k) => {
          if (!Number.isNaN(l)) assert.ok(r.levels[k] >= l - 1e-7 * Math.max(1, l), `seed ${seed} from ${from}: level ${k} (tier ${ix.tiers[k % nS]}) ${r.levels[k]} < ${l}`);
        });
        for (let g = 0; g < ix.deliveryTarget.length; g++) {
          if (ix.deliveryPeriod[g] < t0) continue;
          const level = base.levels[ix.deliveryPeriod[g] * nS + ix.deliveryTier[g]];
          if (!(ix.deliveryAmount[g] > 0)) continue;
          const floor = (level - 1e-7 * Math.max(1, level)) * ix.deliveryAmount[g];
          assert.ok(r.delivered[g] >= floor * (1 - 1e-7) - 1e-9, `seed ${seed} from ${from}: delivery ${g} ${r.delivered[g]} < ${floor}`);
        }
        for (const s of r.past.shortfalls) assert.ok(s.delivered < s.amount && (c.periods.index.get(s.period) ?? Infinity) < t0, JSON.stringify(s));
        shortfalls += r.past.shortfalls.length;
      }
    }
    assert.ok(shortfalls >= 10, `the random pasts fell short ${shortfalls} times`);
  });
});
