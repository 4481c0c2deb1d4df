import type { Table } from './table.js';

/** One quantity's distribution over the draws, beside its deterministic value. */
export interface UncertaintyRow {
  /** The resource, or 'output'. */
  readonly row: string;
  readonly unit: string;
  /** The region of final demand (footprints) or the product (multipliers). */
  readonly of: string;
  readonly value: number;
  readonly mean: number;
  readonly median: number;
  readonly p025: number;
  readonly p975: number;
}

/** How the run was made, for the notes. */
export interface UncertaintyRun {
  readonly draws: number;
  readonly seed: number;
  readonly distribution: string;
  readonly rsd: number;
  readonly demandRsd: number;
  readonly extensionRsd: number;
  readonly iterations: number;
  readonly relativeResidual: number;
}

const stats = [
  { key: 'value', label: 'deterministic' },
  { key: 'mean', label: 'mean' },
  { key: 'median', label: 'median' },
  { key: 'p025', label: '2.5%' },
  { key: 'p975', label: '97.5%' },
];

const cells = (r: UncertaintyRow): number[] => [r.value, r.mean, r.median, r.p025, r.p975];
const plain = (r: UncertaintyRow): Record<string, unknown> => ({ ...r });

/**
 * Monte Carlo results as two tables (footprints by resource and region of final demand; multipliers
 * by resource or output and product), each quantity with its deterministic value, mean, median and
 * 2.5 / 97.5 percentiles over the draws; and their JSON.
 */
export function uncertaintyParts(footprints: readonly UncertaintyRow[], multipliers: readonly UncertaintyRow[], run: UncertaintyRun): { tables: Table[]; json: Record<string, unknown> } {
  const spread = `${run.draws} draws (seed ${run.seed}), ${run.distribution}; relative standard deviation ${run.rsd} of the coefficients, ${run.demandRsd} of final demand, ${run.extensionRsd} of the resource coefficients`;
  const solves = `solves: converged, ${run.iterations} iterations in all, largest relative residual ${run.relativeResidual.toExponential(2)}`;
  const tables: Table[] = [];
  if (footprints.length > 0) {
    tables.push({
      name: 'uncertainty_footprints',
      title: 'Footprints with their uncertainty: resource use behind each region’s final demand over the draws',
      columns: [{ key: 'resource', label: 'resource' }, { key: 'unit', label: 'unit' }, { key: 'region', label: 'region' }, ...stats],
      rows: footprints.map((r) => [r.row, r.unit, r.of, ...cells(r)]),
      notes: [spread, solves],
    });
  }
  tables.push({
    name: 'uncertainty_multipliers',
    title: 'Multipliers with their uncertainty: per unit of final demand for each product, over the draws (output: all gross output)',
    columns: [{ key: 'row', label: 'resource' }, { key: 'unit', label: 'unit' }, { key: 'product', label: 'product' }, ...stats],
    rows: multipliers.map((r) => [r.row, r.unit, r.of, ...cells(r)]),
    notes: [spread, solves],
  });
  return { tables, json: { footprints: footprints.map(plain), multipliers: multipliers.map(plain) } };
}
