import type {
  CoefficientMultipliersResult,
  DenseInverseResult,
  FootprintsPerCapita,
  IncomeMultipliersResult,
  LinkagesResult,
  GrossOutputResult,
  LabourValuesResult,
  OutputMultipliersResult,
  RegionalFootprints,
  SolveReport,
} from '../leontief/index.js';
import type { Table } from './table.js';

/** One part of an input–output analysis, ready to print: its table and its JSON. */
export interface AnalysisPart {
  readonly table: Table;
  readonly json: unknown;
  /** Further tables of the part, printed after `table`. */
  readonly more?: readonly Table[];
}

/** Items of the analysis, with their units. */
export interface AnalysisItems {
  readonly ids: readonly string[];
  /** The unit of item i. */
  readonly unit: (i: number) => string;
}

/** The note under a table: how its solve went. */
export function solveNote(what: string, r: SolveReport): string {
  return `${what}: ${r.status}, ${r.iterations} iterations, relative residual ${r.relativeResidual.toExponential(2)}`;
}

/** Gross output x for final demand y (`plenty analyze`). */
export function grossOutputPart(items: AnalysisItems, y: Float64Array, r: GrossOutputResult, demand: string): AnalysisPart {
  return {
    json: { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual, finalDemand: y, x: r.x },
    table: {
      name: 'gross_output',
      title: `Gross output required by the final demand (${demand})`,
      columns: [
        { key: 'item', label: 'item' },
        { key: 'unit', label: 'unit' },
        { key: 'final_demand', label: 'final demand' },
        { key: 'gross_output', label: 'gross output' },
      ],
      rows: items.ids.map((id, i) => [id, items.unit(i), y[i], r.x[i]]),
      notes: [solveNote('(I − A) x = y', r)],
    },
  };
}

/** Output multipliers and, when the economy has resources, each resource row's multipliers. */
export function multipliersPart(items: AnalysisItems, om: OutputMultipliersResult, rows: CoefficientMultipliersResult | undefined, rowUnit: (name: string) => string): AnalysisPart {
  return {
    json: {
      status: om.status,
      relativeResidual: Math.max(om.relativeResidual, rows?.relativeResidual ?? 0),
      output: om.multipliers,
      rows: Object.fromEntries((rows?.names ?? []).map((name, k) => [name, { direct: rows?.direct[k], total: rows?.multipliers[k] }])),
    },
    table: {
      name: 'multipliers',
      title: 'Multipliers per unit of final demand (output: all gross output; each resource: direct and indirect use)',
      columns: [
        { key: 'item', label: 'item' },
        { key: 'output', label: 'output' },
        ...(rows?.names ?? []).map((name) => ({ key: name, label: name, unit: `${rowUnit(name)}/unit` })),
      ],
      rows: items.ids.map((id, i) => [id, om.multipliers[i], ...(rows?.multipliers ?? []).map((m) => m[i])]),
      notes: [solveNote('output multipliers', om), ...(rows !== undefined ? [solveNote(`multipliers of ${rows.names.length} resource rows`, rows)] : [])],
    },
  };
}

/** Labour values v = l (I − A)⁻¹ with the identity v·y = l·x. */
export function labourValuesPart(items: AnalysisItems, lv: LabourValuesResult, labourUnit: string): AnalysisPart {
  const id = lv.identity;
  return {
    json: {
      labour: lv.name,
      status: lv.status,
      relativeResidual: lv.relativeResidual,
      direct: lv.direct,
      values: lv.values,
      identity: id === undefined ? null : { valueOfFinalDemand: id.valueOfFinalDemand, totalLabour: id.totalLabour, relativeDifference: id.relativeDifference },
    },
    table: {
      name: 'labour_values',
      title: `Labour values: ${lv.name} embodied per unit, directly and indirectly (v = l (I − A)⁻¹)`,
      columns: [
        { key: 'item', label: 'item' },
        { key: 'unit', label: 'per unit of' },
        { key: 'direct', label: 'direct', unit: labourUnit },
        { key: 'embodied', label: 'embodied', unit: labourUnit },
      ],
      rows: items.ids.map((item, i) => [item, items.unit(i), lv.direct[i], lv.values[i]]),
      notes: [
        solveNote('v (I − A) = l', lv),
        ...(id !== undefined ? [`v·y = ${id.valueOfFinalDemand.toPrecision(8)} and l·x = ${id.totalLabour.toPrecision(8)} (relative difference ${id.relativeDifference.toExponential(2)})`] : []),
      ],
    },
  };
}

/** Consumption-based footprints by region of final demand. */
export function footprintsPart(m: CoefficientMultipliersResult, f: RegionalFootprints, rowUnit: (name: string) => string): AnalysisPart {
  return {
    json: { status: m.status, relativeResidual: m.relativeResidual, regions: f.regions, rows: Object.fromEntries(m.names.map((name, r) => [name, f.rows[r]])) },
    table: {
      name: 'footprints',
      title: 'Footprints: resource use behind each region’s final demand, direct and indirect (consumption-based)',
      columns: [{ key: 'resource', label: 'resource' }, { key: 'unit', label: 'unit' }, ...f.regions.map((g) => ({ key: g, label: g }))],
      rows: m.names.map((name, r) => [name, rowUnit(name), ...f.rows[r]]),
      notes: [solveNote('m (I − A) = c', m)],
    },
  };
}

/** The dense Leontief inverse (a converged one). */
export function inversePart(items: AnalysisItems, L: DenseInverseResult): AnalysisPart {
  const n = items.ids.length;
  const row = (i: number): number[] => Array.from(L.inverse.subarray(i * n, (i + 1) * n));
  return {
    json: { status: L.status, L: items.ids.map((_, i) => row(i)) },
    table: {
      name: 'inverse',
      title: 'Leontief inverse L = (I − A)⁻¹ (column j: everything needed per unit of final demand for j)',
      columns: [{ key: 'item', label: 'item' }, ...items.ids.map((id) => ({ key: id, label: id }))],
      rows: items.ids.map((id, i) => [id, ...row(i)]),
    },
  };
}

/** Backward linkages (column sums of L) and forward linkages (row sums of G), raw and as indices. */
export function linkagesPart(items: AnalysisItems, backward: LinkagesResult, forward: LinkagesResult): AnalysisPart {
  return {
    json: {
      status: backward.status,
      relativeResidual: Math.max(backward.relativeResidual, forward.relativeResidual),
      backward: { raw: backward.raw, normalised: backward.normalised },
      forward: { raw: forward.raw, normalised: forward.normalised },
    },
    table: {
      name: 'linkages',
      title: 'Linkages: backward (what an item draws on the economy, column sums of L) and forward (what it supplies, row sums of the Ghosh inverse); an index above 1 is stronger than the average item',
      columns: [
        { key: 'item', label: 'item' },
        { key: 'backward', label: 'backward' },
        { key: 'backward_index', label: 'backward index' },
        { key: 'forward', label: 'forward' },
        { key: 'forward_index', label: 'forward index' },
      ],
      rows: items.ids.map((id, i) => [id, backward.raw[i], backward.normalised[i], forward.raw[i], forward.normalised[i]]),
      notes: [solveNote('e (I − A)⁻¹', backward), solveNote('(I − B)⁻¹ e', forward)],
    },
  };
}

/** Simple and Type I income multipliers of one income row. */
export function incomeMultipliersPart(items: AnalysisItems, r: IncomeMultipliersResult, incomeUnit: string): AnalysisPart {
  return {
    json: { income: r.name, status: r.status, relativeResidual: r.relativeResidual, direct: r.direct, simple: r.simple, typeI: Array.from(r.typeI, (v) => (Number.isNaN(v) ? null : v)) },
    table: {
      name: 'income_multipliers',
      title: `Income multipliers: ${r.name} paid in the whole economy per unit of final demand (simple) and per unit paid directly (Type I)`,
      columns: [
        { key: 'item', label: 'item' },
        { key: 'unit', label: 'per unit of' },
        { key: 'direct', label: 'direct', unit: incomeUnit },
        { key: 'simple', label: 'simple', unit: incomeUnit },
        { key: 'type_i', label: 'Type I', unit: 'ratio' },
      ],
      rows: items.ids.map((id, i) => [id, items.unit(i), r.direct[i], r.simple[i], Number.isNaN(r.typeI[i]) ? null : r.typeI[i]]),
      notes: [solveNote('m (I − A) = c', r)],
    },
  };
}

/** Consumption-based footprints per person of each region with a population. */
export function perCapitaPart(f: FootprintsPerCapita, names: readonly string[], rowUnit: (name: string) => string): AnalysisPart {
  return {
    json: { regions: f.regions, population: f.population, rows: Object.fromEntries(names.map((name, r) => [name, f.rows[r]])) },
    table: {
      name: 'footprints_per_capita',
      title: 'Footprints per person: each region’s footprint over its population',
      columns: [{ key: 'resource', label: 'resource' }, { key: 'unit', label: 'unit per person' }, ...f.regions.map((g) => ({ key: g, label: g }))],
      rows: names.map((name, r) => [name, rowUnit(name), ...f.rows[r]]),
    },
  };
}
