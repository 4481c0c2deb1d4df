import type { EconomyView } from '../api-types.js';
import type { Api } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { extractModel, type ExtractionDocument, type ExtractionRequest } from '../effects-api.js';
import { formatAmount, itemLabel } from '../format.js';
import { tableView, type Column } from '../table.js';
import { errorBox } from './error-box.js';
import { effectsSection, failedPartBox, selectField } from './effects-controls.js';

type Ranking = Extract<NonNullable<ExtractionDocument['ranking']>, { status: 'converged' }>;
type Ranked = Ranking['ranking'][number];

const number = (label: string, value: (r: Ranked) => number | null | undefined, unit?: string): Column<Ranked> => ({
  label,
  value: (r) => {
    const x = value(r);
    return x === null || x === undefined || !Number.isFinite(x) ? '—' : formatAmount(x);
  },
  raw: (r) => value(r) ?? null,
  numeric: true,
  ...(unit !== undefined ? { unit } : {}),
});

function render(results: HTMLElement, d: ExtractionDocument): void {
  const p = d.ranking;
  if (p === undefined) return;
  if (p.status !== 'converged' || !('ranking' in p)) {
    mount(results, failedPartBox('Key sectors', p as Parameters<typeof failedPartBox>[1]));
    return;
  }
  const what = p.by === 'items' ? 'item' : 'region';
  const top = p.ranking.slice(0, 15).map((g) => ({ key: g.name, label: p.by === 'items' ? itemLabel(g.name) : g.name, value: g.losses[0].loss, text: `${formatAmount(g.losses[0].loss)} (${formatAmount((g.losses[0].relative ?? 0) * 100)} %)`, tone: 'neutral' as const }));
  mount(
    results,
    h('div', { class: 'charts' }, barChart({ name: 'key-sectors', title: `Key ${p.by === 'items' ? 'sectors' : 'regions'}: output lost by a ${p.kind} extraction`, description: `Gross output lost, summed over items, when each ${what} is extracted on its own; the ${top.length} largest.`, bars: top, columns: [what, 'output loss'] })),
    tableView({
      caption: `Key ${p.by === 'items' ? 'sectors' : 'regions'} by ${p.kind} extraction`,
      name: 'key-sectors',
      columns: [
        { label: 'rank', value: (g) => String(g.rank), raw: (g) => g.rank, numeric: true },
        { label: what, value: (g) => (p.by === 'items' ? itemLabel(g.name) : g.name), raw: (g) => g.name },
        number('output loss', (g) => g.losses[0].loss),
        number('output loss', (g) => (g.losses[0].relative === null ? null : g.losses[0].relative * 100), '%'),
        ...(p.by === 'items' ? [number('backward index', (g) => g.backwardIndex, '× average'), number('forward index', (g) => g.forwardIndex, '× average')] : []),
        ...d.resources.map((res, k) => number(`${itemLabel(res.id)} loss`, (g) => g.losses[k + 1]?.loss, res.unit)),
      ],
      rows: p.ranking,
      rowKey: (g) => g.name,
    }),
  );
}

/**
 * Key sectors: every item (or region) extracted on its own, ranked by the gross output lost, with
 * the Rasmussen–Hirschman indices beside it and every resource's loss (POST
 * /api/models/:id/extraction with `rank`).
 */
export function extractionSection(api: Api, modelId: string, version: number | null, economy: EconomyView, period: () => string | undefined): HTMLElement {
  const choice: { kind: ExtractionRequest['kind']; by: 'items' | 'regions' } = { kind: 'total', by: 'items' };
  const fields = [
    selectField('extraction-kind', 'Extraction', [['total', 'total (rows, columns and final demand)'], ['backward', 'backward (buys no inputs)'], ['forward', 'forward (sells no inputs)']], 'total', (v) => (choice.kind = v as ExtractionRequest['kind'])),
    economy.regions.length > 0 ? selectField('extraction-by', 'Extract each', [['items', 'item'], ['regions', 'region']], 'items', (v) => (choice.by = v as 'items' | 'regions')) : null,
  ];
  return effectsSection(
    'key-sectors',
    'Key sectors (hypothetical extraction)',
    'What the economy loses without an item (or a region), after Dietzenbacher and Lahr: total — it and its final demand gone; backward — it buys no intermediate inputs; forward — it sells none (supply-side). One solve per item: best for national tables and regions of multi-regional ones.',
    fields,
    'Rank',
    async (results, message) => {
      try {
        const p = period();
        const d = await extractModel(api, modelId, { kind: choice.kind, rank: choice.by, ...(p !== undefined ? { period: p } : {}) }, version);
        message.textContent = '';
        render(results, d);
      } catch (err) {
        message.textContent = '';
        mount(results, errorBox(err));
      }
    },
  );
}
