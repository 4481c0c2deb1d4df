import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALERT_KINDS, alertKind, alerts, alertSide, priorityDependencies } from '../../src/execution/index.js';
import type { AlertKind, Report } from '../../src/execution/index.js';
import { InputError } from '../../src/model/index.js';
import { item, small } from './economies.js';
import { smallPlan } from './small-plan.js';

const out = (id: string, enterprise: string, key: string, amount: number, period = 'p1'): Report => ({ reportId: id, enterprise, period, outputs: { [key]: amount }, inputs: {} });
const inp = (id: string, enterprise: string, key: string, amount: number, period = 'p1'): Report => ({ reportId: id, enterprise, period, outputs: {}, inputs: { [key]: amount } });

describe('alerts', () => {
  test('first-priority dependencies follow the plan flows through inputs and transport', () => {
    const c = small();
    const needed = priorityDependencies(c, smallPlan(c));
    for (const id of ['bread@south', 'grain@south', 'grain@north', 'haul@north']) assert.equal(needed[item(c, id)], 1, id);
    assert.equal(needed[item(c, 'bread@north')], 0, 'bread in the north is second priority');
    const all = priorityDependencies(c, smallPlan(c), 2);
    assert.equal(all[item(c, 'bread@north')], 1);
  });

  test('levels by kind and relative deviation, escalation and the first-priority rule', () => {
    const c = small();
    const cases: [Report, string, AlertKind, string, boolean][] = [
      [out('a', 'North Bakery', 'bread@north', 40), 'bread@north', 'over-delivery', 'normal', false], // on plan
      [out('b', 'North Bakery', 'bread@north', 38.5, 'p2'), 'bread@north', 'under-delivery', 'warning', false], // −3.75%, second priority
      [out('c', 'North Farm', 'grain@north', 77.6), 'grain@north', 'under-delivery', 'critical', true], // −3%, but bread in the south depends on it
      [out('d', 'South Bakery', 'bread@south', 81), 'bread@south', 'under-delivery', 'critical', true], // −10%
      [out('e', 'South Farm', 'grain@south', 90.75), 'grain@south', 'over-delivery', 'warning', false], // +10%
      [out('f', 'South Farm', 'grain@south', 82.4, 'p2'), 'grain@south', 'under-delivery', 'normal', false], // −0.12%: within 0.5%, even for a first-priority item
      [out('g', 'South Bakery', 'bread@south', 108, 'p2'), 'bread@south', 'over-delivery', 'warning', false], // +20%
      [out('h', 'Railway', 'haul@north', 75, 'p2'), 'haul@north', 'over-delivery', 'critical', false], // +25%: the critical threshold itself
      [inp('i', 'North Bakery', 'grain@north', 42), 'grain@north', 'input-under-use', 'warning', false], // −16%: at most a warning
      [inp('j', 'Railway', 'grain@north', 36), 'grain@north', 'input-over-use', 'critical', false], // +20%
      [inp('k', 'South Bakery', 'grain@south', 112.9, 'p2'), 'grain@south', 'input-over-use', 'normal', false], // +0.36%
    ];
    const got = alerts(c, smallPlan(c), cases.map((x) => x[0]));
    for (const [r, key, kind, level, prio] of cases) {
      const side = Object.keys(r.outputs).length > 0 ? 'output' : 'input';
      const a = got.find((x) => x.enterprise === r.enterprise && x.period === r.period && x.item === key && x.side === side);
      assert.ok(a !== undefined, r.reportId);
      assert.equal(a.kind, kind, `${r.reportId}: ${a.message}`);
      assert.equal(a.level, level, `${r.reportId}: ${a.message}`);
      assert.equal(a.priorityShortfall, prio, r.reportId);
      assert.deepEqual(a.recipients, level === 'normal' ? [] : level === 'warning' ? ['enterprise'] : ['enterprise', 'planners']);
      assert.doesNotMatch(a.message, /\de[+-]?\d/);
    }
  });

  test('an output or input where nothing was planned is a warning of the over kind', () => {
    const c = small();
    const got = alerts(c, smallPlan(c), [inp('a', 'North Farm', 'grain@north', 3)]);
    assert.equal(got.length, 1);
    assert.deepEqual([got[0].kind, got[0].level, got[0].deviation], ['input-over-use', 'warning', null]);
    assert.match(got[0].message, /nothing was planned/);
  });

  test('thresholds are options by kind; ids are deterministic and unique', () => {
    const c = small();
    const reps = [out('a', 'South Farm', 'grain@south', 90.75), out('b', 'North Bakery', 'bread@north', 36)];
    const loose = alerts(c, smallPlan(c), reps, { thresholds: { 'over-delivery': { warning: 0.2 }, 'under-delivery': { warning: 0.2, critical: 0.5 } } });
    assert.ok(loose.every((a) => a.level === 'normal'), JSON.stringify(loose.map((a) => a.message)));
    const never = alerts(c, smallPlan(c), [out('c', 'Railway', 'haul@north', 600)], { thresholds: { 'over-delivery': { critical: null } } });
    assert.equal(never[0].level, 'warning', '+900% with no critical threshold');
    const again = alerts(c, smallPlan(c), [...reps].reverse());
    assert.deepEqual(new Set(again.map((a) => a.id)), new Set(alerts(c, smallPlan(c), reps).map((a) => a.id)));
    assert.equal(new Set(again.map((a) => a.id)).size, again.length);
    assert.throws(() => alerts(c, smallPlan(c), reps, { thresholds: { 'input-over-use': { warning: 0.2, critical: 0.1 } } }), InputError);
    assert.throws(() => alerts(c, smallPlan(c), reps, { thresholds: { 'under-delivery': { warning: -1 } } }), InputError);
  });

  test('kinds and sides', () => {
    assert.deepEqual(
      ALERT_KINDS.map((k) => alertSide(k)),
      ['output', 'output', 'input', 'input'],
    );
    assert.equal(alertKind('output', 10, 9), 'under-delivery');
    assert.equal(alertKind('input', 10, 10), 'input-over-use');
  });
});
