import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeOptimalPlan } from '../../src/report/decode-plan.js';
import { distributionOf } from '../../src/service/distribution-of.js';
import { enterprisePlanOf } from '../../src/service/enterprise-plan-of.js';
import { enterpriseSupply } from '../../src/service/enterprise-supply.js';
import { fulfilmentOf } from '../../src/service/fulfilment-of.js';
import { registerEnterprise } from '../../src/service/register-enterprise.js';
import { replanPublished } from '../../src/service/replan-published.js';
import { storedPlan } from '../../src/service/stored-plan.js';
import { submitReport } from '../../src/service/submit-report.js';
import { supplyNetworkOf } from '../../src/service/supply-network-of.js';
import { refusal } from './refusal.js';
import { publishedSmall, runTask } from './small-service.js';

describe('the use cases of the published plan', () => {
  test('enterprise plan, fulfilment, supply, distribution and re-plan of the small economy', async (t) => {
    const { store, planId } = await publishedSmall();
    const doc = decodeOptimalPlan((await storedPlan(store, planId)).result, 'plan');
    const bakeryNorth = doc.activity.p1.bakery_north;
    for (const e of ['South Bakery', 'North Bakery', 'Railway']) await registerEnterprise(store, { id: e });

    await t.test('enterprisePlanOf: the techniques of the enterprise per period, with what they make and use', async () => {
      const p = await enterprisePlanOf(store, 'North Bakery');
      assert.equal(p.planId, planId);
      const p1 = p.techniques.find((x) => x.period === 'p1');
      assert.equal(p1?.activity, bakeryNorth);
      assert.deepEqual(p1.outputs, { 'bread@north': bakeryNorth });
      assert.deepEqual(p1.inputs, { 'grain@north': 1.25 * bakeryNorth });
      assert.deepEqual(p.units.items, { 'bread@north': 't', 'grain@north': 't' });
      assert.equal((await refusal(enterprisePlanOf(store, 'North Farm'))).message, 'no enterprise with id "North Farm"');
    });

    await t.test('fulfilmentOf: a report of half the planned bread is a ratio of 0.5; an unknown period is an invalid request', async () => {
      await submitReport(store, { reportId: 'r1', enterprise: 'South Bakery', period: 'p1', outputs: { 'bread@south': 45 }, inputs: { 'grain@south': 56.25 } });
      const f = await fulfilmentOf(store, { period: 'p1', enterprise: 'South Bakery' });
      assert.equal(f.reports, 1);
      const bread = f.enterprises.find((e) => e.item === 'bread@south' && e.kind === 'output');
      assert.deepEqual([bread?.planned, bread?.reported, bread?.ratio], [90, 45, 0.5]);
      assert.ok(f.enterprises.every((e) => e.enterprise === 'South Bakery'));
      const bad = await refusal(fulfilmentOf(store, { period: 'p9' }));
      assert.deepEqual([bad.kind, bad.message], ['invalid-request', 'no period p9 in the plan']);
      assert.deepEqual(bad.issues, [{ path: ['period'], message: 'periods: p1, p2', value: 'p9' }]);
    });

    await t.test('supplyNetworkOf and enterpriseSupply: 40 t of grain north → south on the full line', async () => {
      const net = await supplyNetworkOf(store, 'p2');
      assert.deepEqual(net.flows.map((f) => [f.period, f.product, f.from, f.to, f.amount]), [['p2', 'grain', 'north', 'south', 40]]);
      assert.deepEqual(net.lines.map((l) => [l.period, l.used, l.capacity]), [['p2', 40, 40]]);
      const customers = await enterpriseSupply(store, 'Railway', 'customers', 'p1');
      assert.ok(customers.assignments.length > 0 && customers.assignments.every((a) => a.from === 'Railway' && a.period === 'p1'), JSON.stringify(customers));
      assert.equal((await refusal(enterpriseSupply(store, 'Railway', 'suppliers', 'p3'))).issues[0].message, 'unknown period');
    });

    await t.test('distributionOf: a supply given goes to tier 1 first; without one, the delivered bread', async () => {
      const d = await distributionOf(store, { product: 'bread', supply: 100 });
      assert.deepEqual([d.period, d.category, d.supply, d.allocated], ['p1', 'households', 100, 100]);
      assert.deepEqual(d.allocations.map((a) => [a.region, a.allocated]), [['north', 10], ['south', 90]]);
      const delivered = await distributionOf(store, { product: 'bread', period: 'p1' });
      // South reported half its bread; the north as planned.
      assert.ok(Math.abs(delivered.supply - (bakeryNorth + 45)) < 1e-6, String(delivered.supply));
      const bad = await refusal(distributionOf(store, { product: 'steel' }));
      assert.equal(bad.input?.what, 'the request');
    });

    await t.test('replanPublished: the task stores a re-plan of the published plan from p2; an unknown period is refused', async () => {
      const { input, task } = await replanPublished(store, { fromPeriod: 'p2', solver: 'highs' });
      assert.deepEqual(input, { basePlanId: planId, fromPeriod: 'p2', solver: 'highs', reports: 1 });
      const id = await runTask(store, task);
      const r = await storedPlan(store, id);
      assert.equal(r.status, 'optimal');
      assert.deepEqual((r.result as { replan: { basePlanId: number; fixedPeriods: number; reports: number } }).replan.basePlanId, planId);
      const bad = await refusal(replanPublished(store, { fromPeriod: 'p7' }));
      assert.deepEqual([bad.kind, bad.code, bad.issues[0].path], ['refused', 'unknown-id', ['fromPeriod']]);
    });
    await store.close();
  });
});
