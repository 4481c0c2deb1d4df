import assert from 'node:assert/strict';
import type { Economy, IoExtension, IoTable } from '../../../src/model/index.js';

/**
 * The input–output table behind an economy of importer shape (the inverse of ioTableToEconomy),
 * written independently of the aggregation under test: regions in the economy's order, sectors
 * as the first region lists them (every region the same), x from plan.output, Z = A diag(x),
 * Y from the targets in `categories`, extensions from resources `extension/stressor` (F = uses ·
 * x; compartments from names `stressor (compartment)`) with F_Y from direct use.
 */
export function tableOfEconomy(e: Economy, categories: readonly string[]): IoTable {
  const regions = e.regions.map((r) => r.id);
  const several = regions.length > 1;
  const sectorOf = (id: string, region: string): string => (several ? id.slice(region.length + 1) : id);
  const sectors = e.products.filter((p) => p.region === regions[0]).map((p) => sectorOf(p.id, regions[0]));
  const S = sectors.length;
  const n = regions.length * S;
  assert.equal(e.products.length, n, 'a grid of regions × sectors');
  const at = new Map<string, number>();
  for (const p of e.products) {
    const r = regions.indexOf(p.region ?? '');
    const s = sectors.indexOf(sectorOf(p.id, p.region ?? ''));
    assert.ok(r >= 0 && s >= 0, p.id);
    at.set(p.id, r * S + s);
  }
  const x = new Float64Array(n);
  for (const [id, v] of Object.entries(e.plan?.output ?? {})) x[at.get(id) ?? -1] = v;
  const Z = new Float64Array(n * n);
  type Stressor = IoExtension['stressors'][number];
  const groups = new Map<string, { stressors: Stressor[]; rows: Map<string, number> }>();
  for (const r of e.resources) {
    const cut = r.id.indexOf('/');
    const ext = r.id.slice(0, cut);
    const id = r.id.slice(cut + 1);
    const g = groups.get(ext) ?? { stressors: [] as Stressor[], rows: new Map<string, number>() };
    groups.set(ext, g);
    g.rows.set(r.id, g.stressors.length);
    const m = r.name === undefined ? null : new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((.*)\\)$`).exec(r.name);
    g.stressors.push(m === null ? { id, unit: r.unit } : { id, unit: r.unit, compartment: m[1] });
  }
  const C = categories.length;
  const K = regions.length * C;
  const F = new Map([...groups].map(([name, g]) => [name, new Float64Array(g.stressors.length * n)]));
  const FY = new Map([...groups].map(([name, g]) => [name, new Float64Array(g.stressors.length * K)]));
  for (const t of e.techniques) {
    const j = at.get(t.id) ?? -1;
    for (const [id, a] of Object.entries(t.consumes)) Z[(at.get(id) ?? -1) * n + j] = a * x[j];
    for (const [res, u] of Object.entries(t.uses)) {
      const ext = res.slice(0, res.indexOf('/'));
      (F.get(ext) ?? [])[(groups.get(ext)?.rows.get(res) ?? -1) * n + j] = u * x[j];
    }
  }
  const Y = new Float64Array(n * K);
  for (const t of e.targets) Y[(at.get(t.product) ?? -1) * K + regions.indexOf(t.region ?? '') * C + categories.indexOf(t.category ?? '')] += t.amount;
  for (const d of e.directUse) {
    const ext = d.resource.slice(0, d.resource.indexOf('/'));
    (FY.get(ext) ?? [])[(groups.get(ext)?.rows.get(d.resource) ?? -1) * K + regions.indexOf(d.region ?? '') * C + categories.indexOf(d.category ?? '')] += d.amount;
  }
  const extensions: IoExtension[] = [...groups].map(([name, g]) => ({ name, stressors: g.stressors, F: F.get(name) ?? new Float64Array(0), FY: FY.get(name) ?? new Float64Array(0) }));
  const population = e.regions.every((r) => r.population !== undefined) ? Float64Array.from(e.regions, (r) => r.population ?? 0) : undefined;
  return { name: e.name, unit: e.products[0]?.unit ?? '', regions, sectors, Z, categories, Y, x, extensions, ...(population === undefined ? {} : { population }) };
}
