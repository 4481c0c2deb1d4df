import type { QuantityMultipliers, TypeIIResult } from '../leontief/index.js';
import type { AnalysisItems, AnalysisPart } from './analysis-tables.js';
import { solveNote } from './analysis-tables.js';
import type { Table } from './table.js';

/** How the model was closed: the households' category and income row, and what they spend per unit of income. */
export interface ClosureFacts {
  readonly category: string;
  readonly income: string;
  readonly totalIncome: number;
  readonly consumption: Float64Array;
}

/** A ratio for JSON: null where it is undefined (no initial effect). */
const ratio = (v: Float64Array): (number | null)[] => Array.from(v, (x) => (Number.isFinite(x) ? x : null));

/** The table's machine name: `type_ii_` and the quantity's id in lower case, `_` for other characters (`type_ii_emissions_co2`). */
function tableName(name: string, taken: Set<string>, k: number): string {
  const slug = `type_ii_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
  const unique = taken.has(slug) ? `${slug}_${k}` : slug;
  taken.add(unique);
  return unique;
}

function quantityTable(items: AnalysisItems, q: QuantityMultipliers, name: string, unit: string): Table {
  const u = unit === '' ? undefined : `${unit}/unit`;
  const col = (key: string, label: string): { key: string; label: string; unit?: string } => ({ key, label, ...(u !== undefined ? { unit: u } : {}) });
  return {
    name,
    title: `Type I and Type II effects of ${q.name} per unit of final demand (direct, indirect, induced by households' spending)`,
    columns: [
      { key: 'item', label: 'item' },
      col('direct', 'direct'),
      col('first_round', 'first round'),
      col('industrial_support', 'industrial support'),
      col('induced', 'induced'),
      col('type_i', 'Type I total'),
      col('type_ii', 'Type II total'),
      { key: 'type_i_ratio', label: 'Type I ratio' },
      { key: 'type_ii_ratio', label: 'Type II ratio' },
    ],
    rows: items.ids.map((id, j) => [id, q.initial[j], q.firstRound[j], q.industrialSupport[j], q.induced[j], q.simple[j], q.total[j], Number.isFinite(q.typeI[j]) ? q.typeI[j] : null, Number.isFinite(q.typeII[j]) ? q.typeII[j] : null]),
  };
}

/**
 * Type II effects (`plenty analyze --type-ii`): per quantity (output, household income, every
 * resource row) a table of the direct, first-round, industrial-support and induced effects per
 * unit of final demand for each item, with the Type I and Type II totals and ratios. The first
 * table's notes say how the model was closed.
 */
export function typeIIPart(items: AnalysisItems, r: TypeIIResult, closure: ClosureFacts, unitOf: (quantity: string) => string): AnalysisPart {
  const taken = new Set<string>();
  const tables = r.quantities.map((q, k) => quantityTable(items, q, tableName(q.name, taken, k), unitOf(q.name)));
  const notes = [
    `Closed with respect to households: their income is ${closure.income} (${String(Number(closure.totalIncome.toPrecision(8)))} from the gross output of the period's final use), their spending the final use ${closure.category}, per unit of income.`,
    'Ratios: Type I = Type I total / direct, Type II = Type II total / direct (empty where the direct effect is 0).',
    solveNote('open and closed models', r),
  ];
  const [first, ...rest] = tables;
  return {
    json: {
      status: r.status,
      iterations: r.iterations,
      relativeResidual: r.relativeResidual,
      category: closure.category,
      income: closure.income,
      totalIncome: closure.totalIncome,
      consumption: closure.consumption,
      quantities: r.quantities.map((q) => ({
        name: q.name,
        unit: unitOf(q.name),
        direct: q.initial,
        firstRound: q.firstRound,
        industrialSupport: q.industrialSupport,
        induced: q.induced,
        typeI: q.simple,
        typeII: q.total,
        typeIRatio: ratio(q.typeI),
        typeIIRatio: ratio(q.typeII),
      })),
    },
    table: { ...first, notes },
    ...(rest.length > 0 ? { more: rest } : {}),
  };
}
