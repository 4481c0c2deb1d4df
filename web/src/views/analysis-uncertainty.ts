import type { Api } from '../api.js';
import type { EconomyView, UncertaintyDocument, UncertaintyRow } from '../api-types.js';
import { wireNumber } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { tableView, type Column } from '../table.js';
import { errorBox } from './error-box.js';

/** The body of `POST /api/models/:id/uncertainty` (the fields the dashboard sends; src/server/routes/uncertainty-routes.ts). */
export interface UncertaintyRequest {
  readonly rsd: number;
  readonly demandRsd?: number;
  readonly extensionRsd?: number;
  readonly distribution?: 'lognormal' | 'normal';
  readonly draws?: number;
  readonly seed?: number;
}

/** One quantity's summary, read back once. */
interface Interval {
  readonly row: string;
  readonly unit: string;
  readonly of: string;
  readonly value: number;
  readonly mean: number;
  readonly median: number;
  readonly p025: number;
  readonly p975: number;
}

const versionQuery = (version: number | null | undefined): string => (version === null || version === undefined ? '' : `?version=${version}`);

/** `POST /api/models/:id/uncertainty`. */
export function uncertaintyOf(api: Api, modelId: string, body: UncertaintyRequest, version?: number | null): Promise<UncertaintyDocument> {
  return api.request<UncertaintyDocument>('POST', `/models/${encodeURIComponent(modelId)}/uncertainty${versionQuery(version)}`, body);
}

const read = (r: UncertaintyRow): Interval => ({ row: r.row, unit: r.unit, of: r.of, value: wireNumber(r.value), mean: wireNumber(r.mean), median: wireNumber(r.median), p025: wireNumber(r.p025), p975: wireNumber(r.p975) });

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Error bars relative to the deterministic values (so that small and large footprints show their
 * spread alike): per entry its 95% interval (2.5 to 97.5 percentile) as a line, its median as a
 * dot, on one axis of ratios to the deterministic value (a rule at 1), the interval written beside.
 */
function errorBarChart(name: string, title: string, entries: readonly Interval[], label: (e: Interval) => string): HTMLElement {
  const width = 480;
  const left = 96;
  const right = 118;
  const rowH = 24;
  const top = 8;
  const height = top + rowH * entries.length + 22;
  const ratio = (v: number, e: Interval): number => (e.value === 0 ? 1 : v / e.value);
  const finite = (v: number): boolean => Number.isFinite(v);
  const lows = entries.map((e) => ratio(e.p025, e)).filter(finite);
  const highs = entries.map((e) => ratio(e.p975, e)).filter(finite);
  const span = Math.max(1e-6, ...lows.map((r) => 1 - r), ...highs.map((r) => r - 1));
  const lo = 1 - span * 1.1;
  const hi = 1 + span * 1.1;
  const x = (r: number): number => left + ((r - lo) / (hi - lo)) * (width - left - right);
  const pct = (r: number): string => `${r >= 1 ? '+' : '−'}${Math.abs((r - 1) * 100).toFixed(1)}%`;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${name}-title`, class: 'error-bars' });
  chart.append(svg('title', { id: `${name}-title` }, `${title}: per entry its 95% interval as a line and its median as a dot, relative to its deterministic value.`));
  chart.append(svg('line', { x1: x(1), x2: x(1), y1: top, y2: top + rowH * entries.length, class: 'deterministic', 'stroke-width': 1 }));
  entries.forEach((e, k) => {
    const y = top + rowH * k + rowH / 2;
    const [a, m, b] = [ratio(e.p025, e), ratio(e.median, e), ratio(e.p975, e)];
    const g = svg('g', { 'data-key': e.of, 'data-p025': e.p025, 'data-median': e.median, 'data-p975': e.p975 });
    const name2 = label(e);
    g.append(
      svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'bar-label' }, name2.length > 14 ? `${name2.slice(0, 13)}…` : name2),
      svg('line', { x1: x(a), x2: x(b), y1: y, y2: y, class: 'interval', 'stroke-width': 2 }),
      svg('line', { x1: x(a), x2: x(a), y1: y - 5, y2: y + 5, class: 'interval', 'stroke-width': 2 }),
      svg('line', { x1: x(b), x2: x(b), y1: y - 5, y2: y + 5, class: 'interval', 'stroke-width': 2 }),
      svg('circle', { cx: x(m), cy: y, r: 4, class: 'median' }),
      svg('text', { x: width - right + 8, y: y + 4, class: 'bar-label' }, `${pct(a)} … ${pct(b)}`),
    );
    chart.append(g);
  });
  const axisY = top + rowH * entries.length + 16;
  chart.append(
    svg('text', { x: x(lo), y: axisY, class: 'axis' }, pct(lo)),
    svg('text', { x: x(1), y: axisY, 'text-anchor': 'middle', class: 'axis' }, 'deterministic'),
    svg('text', { x: x(hi), y: axisY, 'text-anchor': 'end', class: 'axis' }, pct(hi)),
  );
  return h('figure', { class: 'chart', 'data-chart': name }, h('figcaption', { text: title }), chart);
}

function intervalColumns(ofLabel: string): Column<Interval>[] {
  const num = (label: string, f: (r: Interval) => number): Column<Interval> => ({ label, value: (r) => formatAmount(f(r)), raw: (r) => f(r), numeric: true });
  return [
    { label: 'resource', value: (r) => (r.row === 'output' ? 'gross output' : itemLabel(r.row)), raw: (r) => r.row },
    { label: 'unit', value: (r) => r.unit },
    { label: ofLabel, value: (r) => itemLabel(r.of), raw: (r) => r.of },
    num('deterministic', (r) => r.value),
    num('mean', (r) => r.mean),
    num('median', (r) => r.median),
    num('2.5%', (r) => r.p025),
    num('97.5%', (r) => r.p975),
  ];
}

function numberField(id: string, label: string, value: string, attrs: Record<string, string | number>): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { id, type: 'number', value, inputmode: 'decimal', ...attrs });
  return { field: h('div', { class: 'field' }, h('label', { for: id, text: label }), input), input };
}

/** The answer as error bars (one resource's footprints by region, picked) and the two tables. */
function render(doc: Extract<UncertaintyDocument, { status: 'converged' }>): (Node | null)[] {
  const footprints = doc.footprints.map(read);
  const multipliers = doc.multipliers.map(read);
  const rows = [...new Set(footprints.map((f) => f.row))];
  const holder = h('div', { class: 'picked-chart' });
  const show = (row: string): void => {
    const unit = footprints.find((f) => f.row === row)?.unit ?? '';
    holder.replaceChildren(errorBarChart('uncertainty-footprints', `${itemLabel(row)} footprint by region of final demand${unit !== '' ? ` (${unit})` : ''}: 95% interval and median against the deterministic value`, footprints.filter((f) => f.row === row), (e) => itemLabel(e.of)));
  };
  const pick = h('select', { id: 'uncertainty-row' }, ...rows.map((r) => h('option', { value: r, text: itemLabel(r) })));
  pick.addEventListener('change', () => show(pick.value));
  if (rows.length > 0) show(rows[0]);
  return [
    h('p', { class: 'lede' }, `${doc.draws} draws (seed ${doc.seed}, ${doc.distribution}); relative standard deviation ${doc.rsd.coefficients} of the coefficients, ${doc.rsd.demand} of final demand, ${doc.rsd.extensions} of the resource coefficients.`),
    rows.length > 0 ? h('div', { class: 'chart-picker' }, h('div', { class: 'field' }, h('label', { for: 'uncertainty-row', text: 'Footprint of' }), pick), holder) : null,
    footprints.length > 0 ? tableView({ caption: 'Footprints with their uncertainty, by resource and region of final demand', name: 'uncertainty-footprints', columns: intervalColumns('region'), rows: footprints, rowKey: (r) => `${r.row}|${r.of}` }) : null,
    tableView({ caption: 'Multipliers with their uncertainty, per unit of final demand', name: 'uncertainty-multipliers', columns: intervalColumns('product'), rows: multipliers, rowKey: (r) => `${r.row}|${r.of}` }),
  ];
}

/**
 * The uncertainty section of the analysis view: Monte Carlo over the coefficients (and optionally
 * final demand and the resource coefficients) through POST /api/models/:id/uncertainty, every
 * footprint and multiplier with its deterministic value, mean, median and 95% interval, the
 * footprints also as error bars.
 */
export function uncertaintySection(api: Api, modelId: string, version: number | null, _economy: EconomyView): HTMLElement {
  const rsd = numberField('uncertainty-rsd', 'Coefficients’ relative s.d.', '0.1', { min: 0, max: 10, step: 'any' });
  const demandRsd = numberField('uncertainty-demand-rsd', 'Final demand’s', '0', { min: 0, max: 10, step: 'any' });
  const extensionRsd = numberField('uncertainty-extension-rsd', 'Resource coefficients’', '0', { min: 0, max: 10, step: 'any' });
  const draws = numberField('uncertainty-draws', 'Draws', '200', { min: 1, max: 2000, step: 1 });
  const seed = numberField('uncertainty-seed', 'Seed', '1', { min: 0, step: 1 });
  const distribution = h('select', { id: 'uncertainty-distribution' }, h('option', { value: 'lognormal', text: 'lognormal' }), h('option', { value: 'normal', text: 'normal (cut at 0)' }));
  const results = h('div', { class: 'uncertainty-results', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'uncertainty-controls', 'aria-label': 'Monte Carlo' },
    h('div', { class: 'fields' }, rsd.field, demandRsd.field, extensionRsd.field, h('div', { class: 'field' }, h('label', { for: 'uncertainty-distribution', text: 'Distribution' }), distribution), draws.field, seed.field),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', text: 'Run Monte Carlo' }), status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body: UncertaintyRequest = {
      rsd: Number(rsd.input.value),
      demandRsd: Number(demandRsd.input.value),
      extensionRsd: Number(extensionRsd.input.value),
      distribution: distribution.value === 'normal' ? 'normal' : 'lognormal',
      draws: Number(draws.input.value),
      seed: Number(seed.input.value),
    };
    status.textContent = `Drawing ${body.draws ?? ''}…`;
    uncertaintyOf(api, modelId, body, version)
      .then((doc) => {
        status.textContent = '';
        if (doc.status !== 'converged') {
          mount(results, h('div', { class: 'error', role: 'alert', 'data-failed': doc.status }, h('p', {}, h('strong', { text: `Monte Carlo: ${doc.status.replace(/-/g, ' ')}. ` }), doc.message)));
          return;
        }
        mount(results, ...render(doc));
        announce(`Monte Carlo done: ${doc.draws} draws.`);
      })
      .catch((err: unknown) => {
        status.textContent = '';
        mount(results, errorBox(err));
      });
  });
  return h(
    'section',
    { class: 'panel analysis-part', 'data-part': 'uncertainty', 'aria-labelledby': 'uncertainty-h' },
    h('h3', { id: 'uncertainty-h', text: 'Uncertainty (Monte Carlo)' }),
    h('p', { class: 'muted', text: 'Every coefficient drawn around its value (and, if asked, every final-demand entry and resource coefficient), the footprints and multipliers solved per draw: their mean, median and 95% interval beside the deterministic value. At most 2,000 draws here; more with plenty uncertainty.' }),
    form,
    results,
  );
}
