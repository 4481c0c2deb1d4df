import type { Api } from '../api.js';
import type { EconomyView, StructuralPathsDocument } from '../api-types.js';
import { wireNumber } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { formatAmount, formatPercent, itemLabel } from '../format.js';
import { tableView } from '../table.js';
import { errorBox } from './error-box.js';

/** The body of `POST /api/models/:id/paths` (the fields the dashboard sends; src/server/routes/structural-paths-routes.ts). */
export interface PathsRequest {
  readonly resource?: string;
  readonly region?: string;
  readonly top?: number;
  readonly depth?: number;
  readonly threshold?: number;
}

/** One listed path, its numbers read back once. */
interface PathRow {
  readonly rank: number;
  readonly items: readonly string[];
  readonly value: number;
  readonly share: number;
  readonly cumulative: number;
}

const versionQuery = (version: number | null | undefined): string => (version === null || version === undefined ? '' : `?version=${version}`);

/** `POST /api/models/:id/paths`. */
export function structuralPathsOf(api: Api, modelId: string, body: PathsRequest, version?: number | null): Promise<StructuralPathsDocument> {
  return api.request<StructuralPathsDocument>('POST', `/models/${encodeURIComponent(modelId)}/paths${versionQuery(version)}`, body);
}

function numberField(id: string, label: string, value: string, attrs: Record<string, string | number>): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { id, type: 'number', value, inputmode: 'decimal', ...attrs });
  return { field: h('div', { class: 'field' }, h('label', { for: id, text: label }), input), input };
}

/** The ranked paths of a converged answer: a table (chain, depth, value, share, cumulative share). */
function pathsTable(doc: Extract<StructuralPathsDocument, { status: 'converged' }>): HTMLElement {
  const rows: PathRow[] = doc.paths.map((p) => ({ rank: p.rank, items: p.items, value: wireNumber(p.value), share: wireNumber(p.share), cumulative: wireNumber(p.cumulative) }));
  const unit = doc.unit;
  return tableView({
    caption: `Supply chains behind ${doc.resource === null ? 'gross output' : itemLabel(doc.resource)} for ${doc.demand}, largest first (a ← b: b supplies a)`,
    name: 'structural-paths',
    columns: [
      { label: 'rank', value: (r) => String(r.rank), raw: (r) => r.rank, numeric: true },
      { label: 'chain', value: (r) => r.items.map(itemLabel).join(' ← '), raw: (r) => r.items.join(' ← ') },
      { label: 'depth', value: (r) => String(r.items.length - 1), raw: (r) => r.items.length - 1, numeric: true },
      { label: 'value', value: (r) => formatAmount(r.value), raw: (r) => r.value, numeric: true, ...(unit !== '' ? { unit } : {}) },
      { label: 'share', value: (r) => formatPercent(r.share, 2), raw: (r) => r.share, numeric: true },
      { label: 'cumulative', value: (r) => formatPercent(r.cumulative, 2), raw: (r) => r.cumulative, numeric: true },
    ],
    rows,
    rowKey: (r) => String(r.rank),
  });
}

/**
 * The structural paths section of the analysis view: which resource (or gross output) and whose
 * final demand (the model's, or a region's), how many paths, how deep, from what share; the answer
 * of POST /api/models/:id/paths as a ranked table with the total and the share the paths cover.
 */
export function pathsSection(api: Api, modelId: string, version: number | null, economy: EconomyView): HTMLElement {
  const resource = h('select', { id: 'paths-resource' }, h('option', { value: '', text: 'gross output' }), ...economy.resources.map((r) => h('option', { value: r.id, text: `${itemLabel(r.id)} (${r.unit})` })));
  if (economy.resources.length > 0) resource.value = economy.resources[0].id;
  const region = h('select', { id: 'paths-region' }, h('option', { value: '', text: 'the model’s final use' }), ...economy.regions.map((r) => h('option', { value: r.id, text: `${r.name ?? itemLabel(r.id)}’s final demand` })));
  const top = numberField('paths-top', 'Paths', '20', { min: 1, max: 10000, step: 1 });
  const depth = numberField('paths-depth', 'Depth', '6', { min: 0, max: 20, step: 1 });
  const threshold = numberField('paths-threshold', 'Threshold (share)', '0', { min: 0, max: 0.99, step: 'any' });
  const results = h('div', { class: 'paths-results', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'paths-controls', 'aria-label': 'Structural paths' },
    h(
      'div',
      { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: 'paths-resource', text: 'Footprint of' }), resource),
      economy.regions.length > 0 ? h('div', { class: 'field' }, h('label', { for: 'paths-region', text: 'Final demand' }), region) : null,
      top.field,
      depth.field,
      threshold.field,
    ),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', text: 'Find paths' }), status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body: PathsRequest = {
      ...(resource.value !== '' ? { resource: resource.value } : {}),
      ...(region.value !== '' ? { region: region.value } : {}),
      top: Number(top.input.value),
      depth: Number(depth.input.value),
      threshold: Number(threshold.input.value),
    };
    status.textContent = 'Searching…';
    structuralPathsOf(api, modelId, body, version)
      .then((doc) => {
        status.textContent = '';
        if (doc.status !== 'converged') {
          mount(results, h('div', { class: 'error', role: 'alert', 'data-failed': doc.status }, h('p', {}, h('strong', { text: `Structural paths: ${doc.status.replace(/-/g, ' ')}. ` }), doc.message)));
          return;
        }
        const total = wireNumber(doc.total);
        const covered = wireNumber(doc.covered);
        mount(
          results,
          h('p', { class: 'lede', 'data-total': String(total), 'data-covered': String(covered) }, `Total ${doc.resource === null ? 'gross output' : itemLabel(doc.resource)}: ${formatAmount(total)}${doc.unit !== '' ? ` ${doc.unit}` : ''}; the ${doc.paths.length} paths listed cover ${formatPercent(covered, 1)} of it${doc.complete ? '' : ' (the search stopped at its bound: a larger path may be missing)'}.`),
          pathsTable(doc),
        );
        announce(`${doc.paths.length} paths found.`);
      })
      .catch((err: unknown) => {
        status.textContent = '';
        mount(results, errorBox(err));
      });
  });
  return h(
    'section',
    { class: 'panel analysis-part', 'data-part': 'structural-paths', 'aria-labelledby': 'structural-paths-h' },
    h('h3', { id: 'structural-paths-h', text: 'Structural paths' }),
    h('p', { class: 'muted', text: 'The largest supply chains behind a footprint: each path a chain from a product’s final demand up through its suppliers to where the resource is used, with its value s a ⋯ a y, its share of the footprint and the share of the paths so far (structural path analysis).' }),
    form,
    results,
  );
}
