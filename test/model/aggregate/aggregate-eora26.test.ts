import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateEconomy, concordanceOf, ioTableToEconomy, parseEconomy, serializeEconomy, type Economy } from '../../../src/model/index.js';
import { readEora26, tableOutput } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);

/** Each resource's total use: by the techniques at the plan's output, and directly by final demand. */
function resourceTotals(e: Economy): Map<string, number> {
  const x = e.plan?.output ?? {};
  const totals = new Map<string, number>(e.resources.map((r) => [r.id, 0]));
  for (const t of e.techniques) {
    const level = x[Object.keys(t.produces)[0]] ?? 0;
    for (const [r, u] of Object.entries(t.uses)) totals.set(r, (totals.get(r) ?? 0) + u * level);
  }
  for (const d of e.directUse ?? []) totals.set(d.resource, (totals.get(d.resource) ?? 0) + d.amount);
  return totals;
}

/** Net final demand by product: targets less the plan's imports (negative final demand). */
function netDemand(e: Economy): Map<string, number> {
  const y = new Map<string, number>();
  for (const t of e.targets) y.set(t.product, (y.get(t.product) ?? 0) + t.amount);
  for (const [p, v] of Object.entries(e.plan?.imports ?? {})) y.set(p, (y.get(p) ?? 0) - v);
  return y;
}

describe('aggregating an imported Eora26 model (negative parts, direct use, plan imports, a sector without output)', () => {
  test('3 regions → 2 and 26 sectors → 3: totals kept, x′ = A′x′ + y′, and the aggregate loads', async () => {
    const table = await readEora26(fixture('eora26'));
    const economy = ioTableToEconomy(table);
    const sectorMap = Object.fromEntries(table.sectors.map((s, k) => [s, k < 4 ? 'primary' : k < 12 ? 'manufacturing' : 'services']));
    const agg = aggregateEconomy(economy, { regions: concordanceOf({ AUS: 'oceania', BRA: 'south', SUD: 'south' }), sectors: concordanceOf(sectorMap) });
    assert.deepEqual(agg.regions.map((r) => r.id), ['oceania', 'south']);
    assert.equal(agg.products.length, 6);

    const x = tableOutput(table);
    const xAgg = agg.plan?.output ?? {};
    close(Object.values(xAgg).reduce((a, b) => a + b, 0), x.reduce((a, b) => a + b, 0), 'Σ x');
    // South's manufacturing is BRA's and SUD's sectors 4–11.
    const S = table.sectors.length;
    let southManufacturing = 0;
    for (const r of [1, 2]) for (let s = 4; s < 12; s++) southManufacturing += x[r * S + s];
    close(xAgg['south/manufacturing'], southManufacturing, 'south/manufacturing');

    const before = resourceTotals(economy);
    const after = resourceTotals(agg);
    assert.ok(before.size > 10);
    for (const [r, v] of before) close(after.get(r) ?? Number.NaN, v, r);

    const y = netDemand(agg);
    close([...y.values()].reduce((a, b) => a + b, 0), [...netDemand(economy).values()].reduce((a, b) => a + b, 0), 'Σ y');
    for (const p of agg.products) {
      let ax = 0;
      for (const t of agg.techniques) ax += (t.consumes[p.id] ?? 0) * (xAgg[Object.keys(t.produces)[0]] ?? 0);
      close(xAgg[p.id], ax + (y.get(p.id) ?? 0), `x = Ax + y for ${p.id}`);
    }
    const back = parseEconomy(serializeEconomy(agg, 'yaml'), { file: 'agg.yaml' });
    assert.equal(back.products.length, 6);
  });
});
