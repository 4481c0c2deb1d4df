import type { ExtractionKind, ExtractionLoss, ExtractionResult, RankedExtraction, SolveReport } from '../leontief/index.js';
import type { AnalysisPart } from './analysis-tables.js';
import { solveNote } from './analysis-tables.js';

/** A relative loss for JSON and tables: null where there was nothing before. */
const relative = (l: ExtractionLoss): number | null => (Number.isFinite(l.relative) ? l.relative : null);

const KIND_TEXT: Record<ExtractionKind, string> = {
  total: 'total (their rows and columns of A and their final demand removed)',
  backward: 'backward (they buy no intermediate inputs)',
  forward: 'forward (they sell no intermediate output; Ghosh supply-side model)',
};

/**
 * One hypothetical extraction (`plenty extract --sectors … | --regions …`): gross output summed
 * over items and every resource before and after, with the loss, absolute and relative; then gross
 * output per item before and after.
 */
export function extractionPart(ids: readonly string[], r: ExtractionResult, unitOf: (quantity: string) => string): AnalysisPart {
  const extracted = r.extracted.map((i) => ids[i]);
  const shown = extracted.length > 6 ? `${extracted.slice(0, 6).join(', ')} and ${extracted.length - 6} more` : extracted.join(', ');
  return {
    json: {
      status: r.status,
      iterations: r.iterations,
      relativeResidual: r.relativeResidual,
      kind: r.kind,
      extracted,
      losses: r.losses.map((l) => ({ name: l.name, unit: unitOf(l.name), before: l.before, after: l.after, loss: l.loss, relative: relative(l) })),
      xBefore: r.xBefore,
      xAfter: r.xAfter,
    },
    table: {
      name: 'extraction',
      title: `Hypothetical extraction, ${KIND_TEXT[r.kind]}, of ${shown}: losses`,
      columns: [
        { key: 'quantity', label: 'quantity' },
        { key: 'unit', label: 'unit' },
        { key: 'before', label: 'before' },
        { key: 'after', label: 'after' },
        { key: 'loss', label: 'loss' },
        { key: 'loss_percent', label: 'loss', unit: '%', digits: 4 },
      ],
      rows: r.losses.map((l) => [l.name === 'output' ? 'gross output (all items)' : l.name, unitOf(l.name), l.before, l.after, l.loss, relative(l) === null ? null : l.relative * 100]),
      notes: ['Gross output is summed over items, each in its own unit; a total extraction loses the extracted items’ own output too.', solveNote('solves before and after', r)],
    },
    more: [
      {
        name: 'extraction_items',
        title: 'Gross output per item before and after the extraction',
        columns: [
          { key: 'item', label: 'item' },
          { key: 'before', label: 'before' },
          { key: 'after', label: 'after' },
          { key: 'loss', label: 'loss' },
        ],
        rows: ids.map((id, i) => [id, r.xBefore[i], r.xAfter[i], r.xBefore[i] - r.xAfter[i]]),
      },
    ],
  };
}

/**
 * Key sectors (`plenty extract --rank items|regions`): every item or region extracted on its own,
 * ranked by the gross-output loss, largest first, with the relative loss and, for items, the
 * Rasmussen–Hirschman backward and forward indices beside it.
 */
export function keySectorsPart(
  by: 'items' | 'regions',
  kind: ExtractionKind,
  r: SolveReport & { readonly ranking: readonly RankedExtraction[] },
  linkageOf: ((name: string) => { backward: number; forward: number } | undefined) | undefined,
): AnalysisPart {
  const what = by === 'items' ? 'item' : 'region';
  return {
    json: {
      status: r.status,
      iterations: r.iterations,
      relativeResidual: r.relativeResidual,
      by,
      kind,
      ranking: r.ranking.map((g, k) => {
        const l = linkageOf?.(g.name);
        return {
          rank: k + 1,
          name: g.name,
          items: g.items.length,
          losses: g.losses.map((x) => ({ name: x.name, before: x.before, after: x.after, loss: x.loss, relative: relative(x) })),
          ...(l !== undefined ? { backwardIndex: l.backward, forwardIndex: l.forward } : {}),
        };
      }),
    },
    table: {
      name: 'key_sectors',
      title: `Key ${by === 'items' ? 'sectors' : 'regions'}: each ${what} extracted on its own (${KIND_TEXT[kind]}), ranked by the loss of gross output`,
      columns: [
        { key: 'rank', label: 'rank' },
        { key: what, label: what },
        { key: 'loss', label: 'output loss' },
        { key: 'loss_percent', label: 'loss', unit: '%', digits: 4 },
        ...(linkageOf !== undefined
          ? [
              { key: 'backward_index', label: 'backward index', digits: 4 },
              { key: 'forward_index', label: 'forward index', digits: 4 },
            ]
          : []),
      ],
      rows: r.ranking.map((g, k) => {
        const out = g.losses[0];
        const l = linkageOf?.(g.name);
        return [k + 1, g.name, out.loss, relative(out) === null ? null : out.relative * 100, ...(linkageOf !== undefined ? [l?.backward ?? null, l?.forward ?? null] : [])];
      }),
      notes: [
        'Output loss: gross output summed over items before less after the extraction; Rasmussen–Hirschman indices: backward = column sum of L, forward = row sum of the Ghosh inverse, each over its average (above 1: a key linkage).',
        solveNote('solves', r),
      ],
    },
  };
}
