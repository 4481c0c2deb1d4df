import { formatLocation, type Location } from '../model/errors.js';
import type { AnalysisItems, AnalysisPart } from './analysis-tables.js';
import type { Table } from './table.js';

/** Characterised impacts as the report reads them (src/analysis/characterised-impacts.ts). */
export interface ImpactsOfModel {
  readonly impacts: readonly { readonly id: string; readonly unit: string }[];
  readonly direct: readonly Float64Array[];
  readonly multipliers: readonly Float64Array[];
  readonly footprints?: { readonly regions: readonly string[]; readonly rows: readonly Float64Array[] };
  readonly unmatched: readonly { readonly stressor: string; readonly impact: string; readonly where?: Location }[];
  readonly unused: readonly string[];
}

/**
 * Characterised impacts (`plenty analyze --characterise FACTORS`): the impact multipliers per
 * unit of final demand for each item, the impact footprints of each region's final demand, and
 * notes naming the factor lines that matched no resource and the resources no line names.
 */
export function impactsPart(items: AnalysisItems, r: ImpactsOfModel, factorsFile: string): AnalysisPart {
  const notes = [
    `Factors from ${factorsFile}: ${r.impacts.length} impact categor${r.impacts.length === 1 ? 'y' : 'ies'}.`,
    r.unmatched.length === 0
      ? 'Every factor line matched a resource.'
      : `Factor lines that match no resource (${r.unmatched.length}): ${r.unmatched.map((u) => `${u.stressor} → ${u.impact}${u.where !== undefined ? ` (${formatLocation(u.where)})` : ''}`).join('; ')}.`,
    r.unused.length === 0 ? 'Every resource is characterised.' : `Resources no factor line names (${r.unused.length}): ${r.unused.join(', ')}.`,
  ];
  const multipliers: Table = {
    name: 'impact_multipliers',
    title: 'Characterised impacts per unit of final demand (direct and indirect)',
    columns: [{ key: 'item', label: 'item' }, ...r.impacts.map((c) => ({ key: c.id, label: c.id, unit: c.unit === '' ? 'per unit' : `${c.unit}/unit` }))],
    rows: items.ids.map((id, i) => [id, ...r.multipliers.map((m) => m[i])]),
    ...(r.footprints === undefined ? { notes } : {}),
  };
  const fp = r.footprints;
  const footprints: Table | undefined =
    fp === undefined
      ? undefined
      : {
          name: 'impact_footprints',
          title: 'Characterised footprints: the impacts behind each region’s final demand (consumption-based)',
          columns: [{ key: 'impact', label: 'impact' }, { key: 'unit', label: 'unit' }, ...fp.regions.map((g) => ({ key: g, label: g }))],
          rows: r.impacts.map((c, q) => [c.id, c.unit, ...fp.rows[q]]),
          notes,
        };
  return {
    json: {
      status: 'converged',
      factors: factorsFile,
      impacts: r.impacts,
      direct: Object.fromEntries(r.impacts.map((c, q) => [c.id, r.direct[q]])),
      multipliers: Object.fromEntries(r.impacts.map((c, q) => [c.id, r.multipliers[q]])),
      ...(fp !== undefined ? { footprints: { regions: fp.regions, rows: Object.fromEntries(r.impacts.map((c, q) => [c.id, fp.rows[q]])) } } : {}),
      unmatched: r.unmatched.map((u) => ({ stressor: u.stressor, impact: u.impact, ...(u.where !== undefined ? { where: formatLocation(u.where) } : {}) })),
      unused: r.unused,
    },
    table: footprints ?? multipliers,
    ...(footprints !== undefined ? { more: [multipliers] } : {}),
  };
}
