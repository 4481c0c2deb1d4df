import type { StructuralPathsResult } from '../leontief/index.js';
import type { AnalysisPart } from './analysis-tables.js';
import { solveNote } from './analysis-tables.js';

/** What the paths decompose, for the title. */
export interface StructuralPathsContext {
  /** The resource, or 'gross output'. */
  readonly what: string;
  readonly unit: string;
  /** The final demand, e.g. "reg1's final demand". */
  readonly demand: string;
  readonly depth: number;
}

/**
 * The ranked supply-chain paths (a converged result): per path its rank, the chain of products from
 * the final demand up to where the resource is used (`a ← b`: b supplies a), its depth, value,
 * share of the total and the cumulative share of the paths listed so far.
 */
export function structuralPathsPart(ids: readonly string[], r: StructuralPathsResult, ctx: StructuralPathsContext): AnalysisPart {
  let cumulative = 0;
  const paths = r.paths.map((p, k) => {
    cumulative += p.share;
    return { rank: k + 1, items: p.items.map((i) => ids[i]), value: p.value, share: p.share, cumulative };
  });
  return {
    json: { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual, total: r.total, covered: r.covered, complete: r.complete, expanded: r.expanded, paths },
    table: {
      name: 'structural_paths',
      title: `Structural paths: the largest supply chains behind ${ctx.what} for ${ctx.demand} (depth ≤ ${ctx.depth}; a ← b: b supplies a)`,
      columns: [
        { key: 'rank', label: 'rank' },
        { key: 'path', label: 'path' },
        { key: 'depth', label: 'depth' },
        { key: 'value', label: 'value', ...(ctx.unit !== '' ? { unit: ctx.unit } : {}) },
        { key: 'share', label: 'share', digits: 4 },
        { key: 'cumulative', label: 'cumulative', digits: 4 },
      ],
      rows: paths.map((p) => [p.rank, p.items.join(' ← '), p.items.length - 1, p.value, p.share, p.cumulative]),
      notes: [
        `Total ${ctx.what}${ctx.unit !== '' ? ` (${ctx.unit})` : ''}: ${r.total.toPrecision(8)}; the ${paths.length} paths listed cover ${(r.covered * 100).toFixed(2)}% of it${r.complete ? '' : ' (the search stopped at its node limit: a larger path may be missing)'}; ${r.expanded} chains expanded.`,
        solveNote('M (I − A) = s', r),
      ],
    },
  };
}
