import type { AnalysisPart } from './analysis-tables.js';

/** A quantity followed over the years of a series, with its value per year (null where its solve did not succeed). */
export interface SeriesMeasure {
  readonly id: string;
  readonly kind: 'output' | 'resource' | 'multiplier' | 'footprint';
  readonly unit: string;
  readonly item?: string;
  readonly resource?: string;
  readonly region?: string;
  readonly values: readonly (number | null)[];
}

/** The table (one row per measure, one column per year) and JSON of a series of tables. */
export function seriesPart(years: readonly string[], measures: readonly SeriesMeasure[]): AnalysisPart {
  return {
    json: { measures },
    table: {
      name: 'series',
      title: `Over the years ${years[0]}–${years[years.length - 1]}`,
      columns: [{ key: 'measure', label: 'measure' }, { key: 'unit', label: 'unit' }, ...years.map((y) => ({ key: `y${y}`, label: y }))],
      rows: measures.map((m) => [m.id, m.unit, ...m.values]),
      notes: ['gross output: the sum over items of x = (I − A)⁻¹ y for the year’s final demand; use of a resource: r · x (without final demand’s direct use).'],
    },
  };
}
