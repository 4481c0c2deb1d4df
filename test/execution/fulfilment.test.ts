import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { actualActivity, fulfilment } from '../../src/execution/index.js';
import type { Report } from '../../src/execution/index.js';
import { InputError } from '../../src/model/index.js';
import { small, tech } from './economies.js';
import { smallPlan } from './small-plan.js';

const close = (a: number | null, b: number, tol = 1e-12): void => {
  assert.ok(a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
};

const reports: Report[] = [
  { reportId: 'sb-p1', enterprise: 'South Bakery', period: 'p1', outputs: { 'bread@south': 81 }, inputs: { 'grain@south': 112.5 } },
  { reportId: 'nf-p1', enterprise: 'North Farm', period: 'p1', outputs: { 'grain@north': 96 }, inputs: {} },
];

describe('fulfilment', () => {
  test('per enterprise: planned from activity × coefficients, reported, ratio', () => {
    const c = small();
    const f = fulfilment(c, smallPlan(c), reports);
    const row = (e: string, item: string, kind: string, period = 'p1') => f.enterprises.find((r) => r.enterprise === e && r.item === item && r.kind === kind && r.period === period);
    const bread = row('South Bakery', 'bread@south', 'output');
    assert.ok(bread !== undefined);
    close(bread.planned, 90);
    close(bread.reported, 81);
    close(bread.ratio, 0.9);
    const grainIn = row('South Bakery', 'grain@south', 'input');
    close(grainIn?.planned ?? null, 112.5);
    close(grainIn?.ratio ?? null, 1);
    close(row('North Farm', 'grain@north', 'output')?.ratio ?? null, 1.2);
    // Not reported: planned, with reported and ratio null.
    const later = row('South Bakery', 'bread@south', 'output', 'p2');
    assert.equal(later?.reported, null);
    assert.equal(later?.ratio, null);
    close(later?.planned ?? null, 90);
  });

  test('targets: planned delivery × the item output ratio', () => {
    const c = small();
    const f = fulfilment(c, smallPlan(c), reports);
    const south1 = f.targets.find((t) => t.target === 0 && t.period === 'p1');
    close(south1?.implied ?? null, 81);
    close(south1?.fulfilment ?? null, 0.9);
    assert.equal(south1?.category, 'households');
    close(f.targets.find((t) => t.target === 0 && t.period === 'p2')?.fulfilment ?? null, 1);
    close(f.targets.find((t) => t.target === 1 && t.period === 'p1')?.fulfilment ?? null, 1);
    const grain = f.items.find((r) => r.item === 'grain@north' && r.period === 'p1');
    close(grain?.actual ?? null, 96);
    close(grain?.ratio ?? null, 1.2);
  });

  test('the period option keeps one period', () => {
    const c = small();
    const f = fulfilment(c, smallPlan(c), reports, { period: 'p2' });
    assert.ok(f.enterprises.length > 0 && f.enterprises.every((r) => r.period === 'p2'));
    assert.ok(f.targets.every((r) => r.period === 'p2'));
    assert.throws(
      () => fulfilment(c, smallPlan(c), reports, { period: 'p3' }),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.deepEqual(e.issues[0].location.path, ['period']);
        assert.equal(e.issues[0].value, 'p3');
        assert.match(e.message, /unknown period "p3" \(did you mean "p[12]"\?\)/);
        return true;
      },
    );
  });

  test('bad reports are refused with their place and value', () => {
    const c = small();
    const bad: Report[] = [
      { reportId: 'x', enterprise: 'South Bakery', period: 'p9', outputs: { bread: 5, 'bread@south': -1 }, inputs: {} },
      { reportId: 'y', enterprise: 'South Bakery', period: 'p1', technique: 'farm_north', outputs: {}, inputs: {} },
    ];
    assert.throws(
      () => fulfilment(c, smallPlan(c), bad),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        const codes = e.issues.map((i) => i.code).sort();
        assert.deepEqual(codes, ['ambiguous-item', 'negative', 'not-own-technique', 'unknown-id']);
        const neg = e.issues.find((i) => i.code === 'negative');
        assert.deepEqual(neg?.location.path, ['reports', 0, 'outputs', 'bread@south']);
        assert.equal(neg?.value, -1);
        return true;
      },
    );
  });

  test('actual activity: reported output ÷ coefficient where reported, planned elsewhere', () => {
    const c = small();
    const plan = smallPlan(c);
    const nT = c.techniques.ids.length;
    const a = actualActivity(c, plan, [...reports, { reportId: 'rw', enterprise: 'Railway', period: 'p1', technique: 'rail_grain_north_to_south', outputs: { 'grain@south': 27 }, inputs: {} }]);
    close(a.activity[tech(c, 'bakery_south')], 81);
    close(a.activity[tech(c, 'farm_north')], 96);
    close(a.activity[tech(c, 'rail_grain_north_to_south')], 27);
    assert.equal(a.reported[tech(c, 'haulage')], 0, 'a report naming one technique covers only it');
    close(a.activity[tech(c, 'haulage')], 60);
    close(a.activity[nT + tech(c, 'bakery_south')], 90);
    assert.equal(a.reported[nT + tech(c, 'bakery_south')], 0);
  });
});
