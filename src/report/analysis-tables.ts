import type {
  CoefficientMultipliersResult,
  DenseInverseResult,
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
