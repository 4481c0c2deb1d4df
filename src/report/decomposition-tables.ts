import type { SdaResult } from '../leontief/index.js';
import type { AnalysisPart } from './analysis-tables.js';
import { solveNote } from './analysis-tables.js';

/** A quantity a decomposition splits: total gross output, or one resource's use. */
export interface DecompositionMeasure {
  readonly kind: 'output' | 'resource';
  readonly id: string;
  readonly unit: string;
}

/**
 * The table and JSON of a structural decomposition (`plenty decompose`, POST /api/decomposition):
 * per measure its value in the first and the second model, the change, each factor's part and the
 * sum of the parts (equal to the change: the identity; JSON also gives the residual Σ parts − change).
 */
export function decompositionPart(firstLabel: string, secondLabel: string, measures: readonly DecompositionMeasure[], r: SdaResult): AnalysisPart {
  const rows = measures.map((m, q) => {
    const parts = Object.fromEntries(r.factors.map((f) => [f.factor, f.contribution[q]]));
    const sum = r.factors.reduce((acc, f) => acc + f.contribution[q], 0);
    return { ...m, before: r.before[q], after: r.after[q], change: r.change[q], parts, sum, residual: sum - r.change[q] };
  });
  return {
    json: { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual, identityResidual: r.identityResidual, measures: rows },
    table: {
      name: 'decomposition',
      title: `Structural decomposition of the change from ${firstLabel} to ${secondLabel}`,
      columns: [
        { key: 'measure', label: 'measure' },
        { key: 'unit', label: 'unit' },
        { key: 'first', label: 'first' },
        { key: 'second', label: 'second' },
        { key: 'change', label: 'change' },
        ...r.factors.map((f) => ({ key: f.factor, label: f.factor })),
        { key: 'sum', label: 'Σ parts' },
      ],
      rows: rows.map((m) => [m.id, m.unit, m.before, m.after, m.change, ...r.factors.map((f) => m.parts[f.factor] ?? null), m.sum]),
      notes: [
        'Each part is the average of its effect over all 120 orders of changing the five factors (Dietzenbacher & Los 1998): intensity (resource use per unit of output), technology (the Leontief inverse), level (total final demand), destination (each region’s share of it), mix (each region’s product mix).',
        `The parts sum to the change: largest relative residual ${r.identityResidual.toExponential(2)} (checked ≤ 1e-9).`,
        solveNote('(I − A) x = y for both technologies and the 8 final demands', r),
      ],
    },
  };
}
