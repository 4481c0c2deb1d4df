import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/index.js';
import { supplyAssignments, transportLinks } from '../../src/execution/index.js';
import type { SupplyAssignment } from '../../src/execution/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { seededRandom } from '../helpers/random.js';
import { SMALL_YAML, small, tech } from './economies.js';
import { smallPlan } from './small-plan.js';

const key = (a: SupplyAssignment) => `${a.period} ${a.product} ${a.from} → ${a.to} (${a.fromRegion} → ${a.toRegion})`;
const byKey = (list: readonly SupplyAssignment[]) => new Map(list.map((a) => [key(a), a.amount]));

describe('supply assignments', () => {
  test('the rail technique is a link: cost from its haulage, capacity from its line', () => {
    const c = small();
    const links = transportLinks(c);
    assert.equal(links.length, 1);
    assert.equal(links[0].technique, tech(c, 'rail_grain_north_to_south'));
    assert.equal(links[0].cost, 2);
    assert.deepEqual(links[0].uses, [[c.resources.index.get('line'), 1]]);
  });

  test('a hand case: who supplies whom', async () => {
    const c = small();
    const r = await supplyAssignments(c, smallPlan(c), { solver: highsSolver, period: 'p1' });
    assert.equal(r.status, 'optimal');
    const got = byKey(r.assignments);
    const expected: [string, number][] = [
      ['p1 grain North Farm → North Bakery (north → north)', 50],
      ['p1 grain North Farm → South Bakery (north → south)', 30],
      ['p1 grain South Farm → South Bakery (south → south)', 82.5],
      ['p1 bread North Bakery → final:north (north → north)', 40],
      ['p1 bread South Bakery → final:south (south → south)', 90],
      ['p1 haul Railway → Railway (north → north)', 60],
    ];
    assert.equal(got.size, expected.length, [...got.keys()].join('\n'));
    for (const [k, v] of expected) assert.ok(Math.abs((got.get(k) ?? NaN) - v) < 1e-7, `${k}: ${got.get(k)}`);
    assert.ok(Math.abs(r.transportCost - 60) < 1e-7, 'only the 30 t sent south cost 2 each');
    assert.deepEqual(r.capacities.map((u) => [u.resource, u.period, Math.round(u.used * 1e6) / 1e6, u.capacity]), [['line', 'p1', 30, 40]]);
  });

  test('a line too small: capacity-short with the unserved amount', async () => {
    const c = small();
    const plan = smallPlan(c);
    const activity = Float64Array.from(plan.activity);
    activity[tech(c, 'farm_north')] = 100;
    activity[tech(c, 'farm_south')] = 62.5; // 50 t must go south; the line takes 40
    const r = await supplyAssignments(c, { ...plan, activity }, { solver: highsSolver, period: 'p1' });
    assert.equal(r.status, 'capacity-short');
    assert.equal(r.unserved.length, 1);
    assert.equal(r.unserved[0].product, 'grain');
    assert.equal(r.unserved[0].region, 'south');
    assert.ok(Math.abs(r.unserved[0].amount - 10) < 1e-7);
    assert.ok(r.capacities.every((u) => u.used <= u.capacity * (1 + 1e-9)));
  });

  test('permuting the techniques (and so the enterprises) permutes the answer (seeded)', async () => {
    const base = small();
    const a = await supplyAssignments(base, smallPlan(base), { solver: highsSolver });
    const e = parseEconomy(SMALL_YAML, { file: 'small.yaml' });
    const rand = seededRandom(77);
    const order = e.techniques.map((_, j) => j).sort(() => rand() - 0.5);
    const p = compileEconomy({ ...e, techniques: order.map((j) => e.techniques[j]) });
    const nT = base.techniques.ids.length;
    const baseAct = smallPlan(base).activity;
    const activity = new Float64Array(2 * nT);
    for (let t = 0; t < 2; t++) for (let j = 0; j < nT; j++) activity[t * nT + (p.techniques.index.get(base.techniques.ids[j]) ?? -1)] = baseAct[t * nT + j];
    const b = await supplyAssignments(p, { ...smallPlan(base), activity }, { solver: highsSolver });
    const ka = byKey(a.assignments);
    const kb = byKey(b.assignments);
    assert.equal(ka.size, kb.size);
    for (const [k, v] of ka) assert.ok(Math.abs((kb.get(k) ?? NaN) - v) <= 1e-9 * Math.max(1, v), k);
  });
});
