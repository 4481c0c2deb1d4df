import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { compileEconomy } from '../../src/compile/index.js';
import { InputError, loadEconomy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/highs/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { applyOverrides, overrideSchema } from '../../src/service/overrides.js';
import { repoRoot } from '../helpers/paths.js';

describe('scenario overrides', () => {
  test('export a million more tonnes of grain: the cap of one item rises, and the plan uses it', async () => {
    const e = await loadEconomy(join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml'));
    const more = applyOverrides(e, [{ kind: 'price', product: 'grain@ukraine', maxExport: 4_000_000 }]);
    assert.equal(more.trade.find((t) => t.product === 'grain@ukraine')?.maxExport, 4_000_000);
    assert.equal(more.trade.find((t) => t.product === 'grain@ukraine')?.exportPrice, 30, 'the price is kept');
    assert.equal(e.trade.find((t) => t.product === 'grain@ukraine')?.maxExport, 3_000_000, 'the model is unchanged');

    const base = await solvePlan(compileEconomy(e), { objective: 'maxmin', solver: highsSolver });
    const c = compileEconomy(more);
    const plan = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
    assert.equal(plan.status, 'optimal');
    const g = c.items.index.get('grain@ukraine')!;
    const n = c.items.ids.length;
    const exported = Array.from({ length: c.periods.ids.length }, (_, t) => plan.exports[t * n + g]);
    assert.ok(exported.some((x) => x > 3_000_000 + 1), `exports of Ukrainian grain rise above the old cap: ${exported.join(', ')}`);
    assert.ok(plan.lambda[1] > base.lambda[1], `the second tier gains (λ ${base.lambda[1]} → ${plan.lambda[1]})`);
  });

  test('an override naming no product or region is refused with its place', async () => {
    const e = await loadEconomy(join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml'));
    assert.throws(
      () => applyOverrides(e, [{ kind: 'price', product: 'grain@atlantis', maxExport: 1 }]),
      (err: unknown) => err instanceof InputError && err.issues[0].location.path?.join('.') === 'overrides.0.product' && err.issues[0].value === 'grain@atlantis',
    );
  });

  test('a number beyond 1e30 (or not finite) is refused by the schema at its path; a factor that takes a value beyond it, at the factor', async () => {
    for (const available of [1e31, Infinity, Number.NaN]) {
      const parsed = overrideSchema.safeParse({ kind: 'resource', resource: 'labour', available });
      assert.equal(parsed.success, false, String(available));
      assert.deepEqual(parsed.error?.issues[0].path, ['available']);
    }
    assert.equal(overrideSchema.safeParse({ kind: 'resource', resource: 'labour', available: 1e30 }).success, true);
    const e = await loadEconomy(join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml'));
    const target = e.targets[0];
    assert.throws(
      () => applyOverrides(e, [{ kind: 'target', product: target.product, factor: 1e30 }]),
      (err: unknown) => err instanceof InputError && err.issues[0].code === 'out-of-range' && err.issues[0].location.path?.join('.') === 'overrides.0.factor' && err.issues[0].value === target.amount * 1e30,
    );
  });
});
