import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { CompiledEconomy } from '../../src/compile/index.js';
import { replan } from '../../src/execution/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { solvePlan, type PlanResult } from '../../src/plan/index.js';
import { fixture } from '../helpers/paths.js';
import { assertClose, compileModelFile, deliveryTolerance, levelTolerance, MIP_GAP, pastOfCase, readReplanCase, type ReplanCase } from './replan-case.js';

/** Plenty's levels against the independent LP's: the same (tier, period) pairs, each within `rel`. */
function assertLevels(c: CompiledEconomy, r: PlanResult, expected: ReplanCase['expected']['levels'], rel: number, what: string): void {
  const ix = r.formulated.index;
  const nS = ix.tiers.length;
  const got: string[] = [];
  ix.tiers.forEach((p, s) => {
    for (let t = 0; t < ix.periods; t++) {
      const level = r.levels[t * nS + s];
      if (Number.isNaN(level)) continue;
      got.push(`${p} ${c.periods.ids[t]}`);
      assertClose(level, expected?.[String(p)]?.[c.periods.ids[t]] ?? NaN, rel, `${what}: level of tier ${p} in ${c.periods.ids[t]}`);
    }
  });
  const want = Object.entries(expected ?? {}).flatMap(([p, byPeriod]) => Object.keys(byPeriod).map((t) => `${p} ${t}`));
  assert.deepEqual(got.sort(), want.sort(), `${what}: which tiers have levels in which periods`);
}


/**
 * Plenty's re-plan against an independent formulation of the same LP (the future periods alone,
 * the past's carry-over as data), solved by scipy's HiGHS in test/fixtures/replan/make-expected.py (its branch and bound, scipy's
 * milp, in make-expected-whole.py for models with whole plants);
 * its results are committed, so this needs no Python.
 */
describe('re-planning against an independent LP (scipy HiGHS)', () => {
  const names = readdirSync(fixture('replan', 'expected'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  test('the fixtures are there', () => assert.ok(names.length >= 9, names.join(', ')));

  test('the published plans: Plenty’s levels per tier and period are the independent leximin’s', async () => {
    const seen = new Set<string>();
    for (const name of names) {
      const k = readReplanCase(name);
      if (k.objective !== 'maxmin' || seen.has(k.model)) continue;
      seen.add(k.model);
      const c = compileModelFile(k.model);
      const p = await solvePlan(c, { solver: highsSolver, mipGap: MIP_GAP });
      assert.equal(p.status, 'optimal');
      assertLevels(c, p, k.published.levels, levelTolerance(c), k.model);
      p.formulated.index.tiers.forEach((tier, s) => assertClose(p.lambda[s], k.published.lambda[String(tier)], levelTolerance(c), `${k.model}: λ of tier ${tier}`));
    }
    assert.equal(seen.size, 4);
  });

  test('the small cases through PDHG as well (no presolve there: the fixed past must be eliminated)', async () => {
    for (const name of names.filter((x) => !x.startsWith('ussr-1930') && readReplanCase(x).expected.plants === undefined)) {
      const k = readReplanCase(name);
      const c = compileModelFile(k.model);
      const { actuals, plan } = pastOfCase(c, k);
      // The fixtures are leximin's; PDHG's default for maxmin is 'common' (withPeriods), so ask.
      const objective = k.objective === 'maxmin' ? ({ kind: 'maxmin', periods: 'leximin' } as const) : k.objective;
      const r = await replan(c, { objective, solver: 'pdhg', gap: 1e-8, fromPeriod: k.fromPeriod, actuals, plan, reported: k.reported });
      assert.equal(r.status, 'optimal', name);
      assertClose(r.objectiveValue, k.expected.objective, 1e-5, `${name}: objective`);
      if (k.expected.lambda !== null) r.formulated.index.tiers.forEach((p, s) => assertClose(r.lambda[s], k.expected.lambda?.[String(p)] ?? NaN, 1e-5, `${name}: λ of tier ${p}`));
      if (k.expected.levels !== null) assertLevels(c, r, k.expected.levels, 1e-5, name);
    }
  });

  for (const name of names) {
    test(name, async () => {
      const k = readReplanCase(name);
      const c = compileModelFile(k.model);
      const { actuals, plan } = pastOfCase(c, k);
      const r = await replan(c, { objective: k.objective, solver: highsSolver, mipGap: MIP_GAP, fromPeriod: k.fromPeriod, actuals, plan, reported: k.reported });
      assert.equal(r.status, 'optimal');
      const ix = r.formulated.index;

      // The future: λ and the level of every period per tier, the objective, and every delivery
      // within its range on the optimal face.
      if (k.expected.lambda !== null) ix.tiers.forEach((p, s) => assertClose(r.lambda[s], k.expected.lambda?.[String(p)] ?? NaN, levelTolerance(c), `λ of tier ${p}`));
      if (k.expected.levels !== null) assertLevels(c, r, k.expected.levels, levelTolerance(c), name);
      assertClose(r.objectiveValue, k.expected.objective, levelTolerance(c), 'objective');
      const from = c.periods.index.get(k.fromPeriod) ?? -1;
      if (k.expected.plants !== undefined) {
        // Whole plants: the same plants as the reference's (whose optimal face the ranges below are of).
        const built: Record<string, Record<string, number | 'open'>> = {};
        const whole = (id: string): boolean => c.model.techniques.find((t) => t.id === id)?.whole === true;
        for (const p of r.plants) if ((c.periods.index.get(p.period) ?? -1) >= from) (built[p.period] ??= {})[p.technique] = whole(p.technique) ? p.units : 'open';
        assert.deepEqual(built, k.expected.plants, 'the plants built in the future');
      }
      let future = 0;
      for (let g = 0; g < ix.deliveryTarget.length; g++) if (ix.deliveryPeriod[g] >= from) future++;
      assert.equal(future, k.expected.deliveries.length, 'future deliveries');
      for (const d of k.expected.deliveries) {
        const g = ix.deliveryTarget.findIndex((t, h) => t === d.target && c.periods.ids[ix.deliveryPeriod[h]] === d.period);
        const tol = deliveryTolerance(c) * Math.max(1, d.max);
        assert.ok(r.delivered[g] >= d.min - tol && r.delivered[g] <= d.max + tol, `target ${d.target} in ${d.period}: ${r.delivered[g]} not in [${d.min}, ${d.max}]`);
      }

      // The past: as it happened (trade and stocks as reported or published), its shortfalls and breaches.
      const n = c.items.ids.length;
      for (let t = 0; t < from; t++) {
        const p = c.periods.ids[t];
        for (const [field, got] of [['exports', r.exports], ['imports', r.imports], ['stock', r.stock]] as const) {
          for (let i = 0; i < n; i++) {
            const want = k.reported[field]?.[p]?.[c.items.ids[i]] ?? k.published[field][p]?.[c.items.ids[i]] ?? 0;
            assert.equal(got[t * n + i], want, `${field} of ${c.items.ids[i]} in ${p}`);
          }
        }
      }
      assert.deepEqual(
        r.past.shortfalls.map((s) => `${s.target} ${s.period}`),
        k.expected.shortfalls.map((s) => `${s.target} ${s.period}`),
      );
      k.expected.shortfalls.forEach((s, q) => assertClose(r.past.shortfalls[q].delivered, s.delivered, 1e-9, `delivered to target ${s.target} in ${s.period}`));
      const key = (b: { kind: string; id: string; period: string }): string => `${b.kind} ${b.id} ${b.period}`;
      assert.deepEqual(r.past.breaches.map(key).sort(), k.expected.breaches.map(key).sort());
      for (const b of k.expected.breaches) {
        const got = r.past.breaches.find((x) => key(x) === key(b));
        assertClose(got?.excess ?? NaN, b.excess, 1e-9, `excess of ${key(b)}`);
        assertClose(got?.limit ?? NaN, b.limit, 1e-9, `limit of ${key(b)}`);
      }
    });
  }
});
