import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { compileEconomy, type CompiledEconomy } from '../../src/compile/index.js';
import { alerts, enterprises, executionPlan, reportAlertBasis, reportAlerts, type Alert, type ExecutionPlan, type Report } from '../../src/execution/index.js';
import { highsSolver } from '../../src/lp/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { openStore } from '../../src/store/index.js';
import { seededRandom } from '../helpers/random.js';
import { read1930 } from './economies.js';

const SEED = 1930;
const REPORTS = 400;

let c: CompiledEconomy;
let plan: ExecutionPlan;

before(async () => {
  c = compileEconomy(read1930());
  const result = await solvePlan(c, { objective: 'maxmin', solver: highsSolver });
  assert.equal(result.status, 'optimal');
  plan = executionPlan(result);
});

/** The items an enterprise's techniques make (or use), each by its item id or, when its product has one item, by the product id. */
function keysOf(js: readonly number[], m: CompiledEconomy['outputs'], rand: () => number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < c.items.ids.length; i++) {
    let uses = false;
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) if (js.includes(m.colIdx[p]) && m.values[p] > 0) uses = true;
    if (!uses) continue;
    const product = c.itemProduct[i];
    const single = c.itemProduct.filter((q) => q === product).length === 1;
    keys.push(single && rand() < 0.5 ? c.products.ids[product] : c.items.ids[i]);
  }
  return keys;
}

/** A random report: an enterprise, a period, sometimes one of its techniques, some of its items with amounts around a share of the plan. */
function randomReport(k: number, rand: () => number, members: [string, number[]][]): Report {
  const [enterprise, js] = members[Math.floor(rand() * members.length)];
  const period = c.periods.ids[Math.floor(rand() * c.periods.ids.length)];
  const own = rand() < 0.4 ? [js[Math.floor(rand() * js.length)]] : js;
  const pick = (m: CompiledEconomy['outputs']): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const key of keysOf(own, m, rand)) if (rand() < 0.7) out[key] = rand() < 0.1 ? 0 : Math.round(rand() * 5000) / 10;
    return out;
  };
  return { reportId: `r${k}`, enterprise, period, outputs: pick(c.outputs), inputs: pick(c.inputs), ...(own.length === 1 && rand() < 0.8 ? { technique: c.techniques.ids[own[0]] } : {}) };
}

const close = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

describe('incremental alerts of a report', () => {
  test(`equal alerts() over all the enterprise's reports for the items a report names (1930 example, ${REPORTS} random reports, seed ${SEED})`, () => {
    const rand = seededRandom(SEED);
    const members = [...enterprises(c)];
    const store = openStore({ dir: ':memory:' });
    try {
      for (const [e] of members) store.enterprises.add(e, e);
      const basis = reportAlertBasis(c, plan);
      const stored: Report[] = [];
      let compared = 0;
      for (let k = 0; k < REPORTS; k++) {
        const r = randomReport(k, rand, members);
        const incremental: Alert[] = store.transaction(() => {
          store.reports.submit(r.reportId, r.enterprise, r.period, r);
          return reportAlerts(basis, r, store.reports.totals(r.enterprise, r.period));
        });
        stored.push(r);
        const same = stored.filter((s) => s.enterprise === r.enterprise && s.period === r.period);
        const named = new Set(incremental.map((a) => `${a.side}/${a.item}`));
        const full = alerts(c, plan, same, { period: r.period }).filter((a) => a.enterprise === r.enterprise && named.has(`${a.side}/${a.item}`));
        // Every item the report names with something planned or reported has its alert.
        const keys = Object.keys(r.outputs).length + Object.keys(r.inputs).length;
        assert.ok(incremental.length <= keys, `report ${r.reportId}: ${incremental.length} alerts for ${keys} items`);
        assert.equal(incremental.length, full.length, `report ${r.reportId}`);
        incremental.forEach((a, q) => {
          const b = full[q];
          assert.deepEqual([a.id, a.kind, a.level, a.priorityShortfall, a.recipients, a.message], [b.id, b.kind, b.level, b.priorityShortfall, b.recipients, b.message], `report ${r.reportId}, ${a.id}`);
          assert.ok(close(a.planned, b.planned) && close(a.actual, b.actual) && close(a.deviation, b.deviation), `report ${r.reportId}, ${a.id}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`);
          compared++;
        });
      }
      assert.ok(compared > REPORTS, `${compared} alerts compared`);
    } finally {
      store.close();
    }
  });

  test('the items a report names and nothing else; a key naming no item counts for nothing', () => {
    const basis = reportAlertBasis(c, plan);
    const [[enterprise, js]] = [...enterprises(c)];
    const item = keysOf(js, c.outputs, () => 1)[0];
    const totals = { techniques: [null], outputs: new Map([[item, 5], ['no-such-item', 7]]), inputs: new Map<string, number>() };
    const got = reportAlerts(basis, { reportId: 'x', enterprise, period: c.periods.ids[0], outputs: { [item]: 5 }, inputs: {} }, totals);
    assert.equal(got.length, 1);
    assert.equal(got[0].actual, 5);
    assert.equal(got[0].side, 'output');
  });
});
