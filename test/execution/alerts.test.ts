import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alerts, priorityDependencies } from '../../src/execution/index.js';
import type { Report } from '../../src/execution/index.js';
import { InputError } from '../../src/model/index.js';
import { item, small } from './economies.js';
import { smallPlan } from './small-plan.js';

const out = (id: string, enterprise: string, key: string, amount: number, period = 'p1'): Report => ({ reportId: id, enterprise, period, outputs: { [key]: amount }, inputs: {} });

describe('alerts', () => {
  test('first-priority dependencies follow the plan flows through inputs and transport', () => {
    const c = small();
    const needed = priorityDependencies(c, smallPlan(c));
    for (const id of ['bread@south', 'grain@south', 'grain@north', 'haul@north']) assert.equal(needed[item(c, id)], 1, id);
    assert.equal(needed[item(c, 'bread@north')], 0, 'bread in the north is second priority');
    const all = priorityDependencies(c, smallPlan(c), 2);
    assert.equal(all[item(c, 'bread@north')], 1);
  });

  test('levels by deviation, escalation and the first-priority rule', () => {
    const c = small();
    const cases: [Report, string, boolean][] = [
      [out('a', 'North Bakery', 'bread@north', 40), 'normal', false],
      [out('b', 'North Bakery', 'bread@north', 38.5, 'p2'), 'normal', false], // −3.75%
      [out('c', 'North Farm', 'grain@north', 77.6), 'critical', true], // −3%, but bread in the south depends on it
      [out('d', 'South Bakery', 'bread@south', 81), 'critical', true],
      [out('e', 'South Farm', 'grain@south', 90.75), 'warning', false], // +10%
      [out('f', 'South Bakery', 'bread@south', 108, 'p2'), 'critical', false], // +20%
      [out('g', 'Railway', 'haul@north', 69, 'p2'), 'critical', false], // +15%: the critical threshold
    ];
    const got = alerts(c, smallPlan(c), cases.map((x) => x[0]));
    for (const [r, level, prio] of cases.slice(0, 6)) {
      const key = Object.keys(r.outputs)[0];
      const a = got.find((x) => x.enterprise === r.enterprise && x.period === r.period && x.item === key && x.kind === 'output');
      assert.ok(a !== undefined, r.reportId);
      assert.equal(a.level, level, `${r.reportId}: ${a.message}`);
      assert.equal(a.priorityShortfall, prio, r.reportId);
      assert.deepEqual(a.recipients, level === 'normal' ? [] : level === 'warning' ? ['enterprise'] : ['enterprise', 'planners']);
    }
    const haul = got.find((x) => x.enterprise === 'Railway' && x.item === 'haul@north');
    assert.equal(haul?.level, 'critical', '15% is the critical threshold itself');
  });

  test('thresholds are options; ids are deterministic and unique', () => {
    const c = small();
    const reps = [out('a', 'South Farm', 'grain@south', 90.75), out('b', 'North Bakery', 'bread@north', 44)];
    const loose = alerts(c, smallPlan(c), reps, { warning: 0.2, critical: 0.5 });
    assert.ok(loose.every((a) => a.level === 'normal'));
    const again = alerts(c, smallPlan(c), [...reps].reverse());
    assert.deepEqual(new Set(again.map((a) => a.id)), new Set(alerts(c, smallPlan(c), reps).map((a) => a.id)));
    assert.equal(new Set(again.map((a) => a.id)).size, again.length);
    assert.throws(() => alerts(c, smallPlan(c), reps, { warning: 0.2, critical: 0.1 }), InputError);
  });
});
