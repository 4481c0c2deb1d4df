import type { AnalysisDocument } from '../api-types.js';
import { converged } from '../api-types.js';
import type { Api } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { analyzeEffects } from '../effects-api.js';
import { formatAmount, itemLabel } from '../format.js';
import { tableView, type Column } from '../table.js';
import { errorBox } from './error-box.js';
import { failedPartBox, effectsSection } from './effects-controls.js';

type Impacts = Extract<NonNullable<AnalysisDocument['impacts']>, { status: 'converged' }>;

interface ImpactRow {
  readonly id: string;
  readonly unit: string;
  readonly values: readonly number[];
}

function render(results: HTMLElement, d: AnalysisDocument): void {
  const p = d.impacts;
  if (p === undefined) return;
  if (!converged(p)) {
    mount(results, failedPartBox('Characterised impacts', p));
    return;
  }
  const im: Impacts = p;
  const fp = im.footprints;
  const rows: ImpactRow[] = fp === undefined ? [] : im.impacts.map((c) => ({ id: c.id, unit: c.unit, values: fp.rows[c.id] ?? [] }));
  const items = d.items.map((id, i) => ({ id, i }));
  mount(
    results,
    h(
      'ul',
      { class: 'notes' },
      h('li', { text: im.unmatched.length === 0 ? 'Every factor line matched a resource.' : `Factor lines that match no resource: ${im.unmatched.map((u) => `${u.stressor} → ${u.impact}${u.where !== undefined ? ` (${u.where})` : ''}`).join('; ')}.` }),
      h('li', { text: im.unused.length === 0 ? 'Every resource is characterised.' : `Resources no factor line names: ${im.unused.map(itemLabel).join(', ')}.` }),
    ),
    fp === undefined
      ? null
      : h(
          'div',
          { class: 'charts' },
          ...rows.slice(0, 3).map((r, k) =>
            barChart({ name: `impact-${k}`, title: `${r.id} by region of final demand`, description: `${r.id} behind each region’s final demand (${r.unit}).`, bars: fp.regions.map((g, j) => ({ key: g, label: g, value: r.values[j], text: `${formatAmount(r.values[j])} ${r.unit}`, tone: 'neutral' as const })).sort((a, b) => b.value - a.value), columns: ['region', r.id] }),
          ),
        ),
    fp === undefined
      ? null
      : tableView({
          caption: 'Characterised footprints by region of final demand',
          name: 'impact-footprints',
          columns: [{ label: 'impact', value: (r: ImpactRow) => r.id }, { label: 'unit', value: (r: ImpactRow) => r.unit }, ...fp.regions.map((g, j): Column<ImpactRow> => ({ label: g, value: (r) => formatAmount(r.values[j]), raw: (r) => r.values[j], numeric: true }))],
          rows,
          rowKey: (r) => r.id,
        }),
    tableView({
      caption: 'Characterised impacts per unit of final demand',
      name: 'impact-multipliers',
      columns: [{ label: 'item', value: (r) => itemLabel(r.id), raw: (r) => r.id }, ...im.impacts.map((c): Column<{ id: string; i: number }> => ({ label: c.id, value: (r) => formatAmount(im.multipliers[c.id]?.[r.i] ?? Number.NaN), raw: (r) => im.multipliers[c.id]?.[r.i] ?? null, numeric: true, unit: `${c.unit} per unit` }))],
      rows: items,
      rowKey: (r) => r.id,
    }),
  );
}

/**
 * Characterised impacts: a factors file chosen here (CSV or TSV: stressor, impact, factor, unit;
 * docs/analysis.md) applied to the model's resources, giving impact footprints by region and impact
 * multipliers (POST /api/models/:id/analyze, `characterise`).
 */
export function impactsSection(api: Api, modelId: string, version: number | null, period: () => string | undefined): HTMLElement {
  const input = h('input', { type: 'file', id: 'impacts-factors', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values' });
  const field = h('div', { class: 'field' }, h('label', { for: 'impacts-factors', text: 'Characterisation factors (CSV or TSV: stressor, impact, factor, unit)' }), input);
  return effectsSection(
    'impacts',
    'Characterised impacts',
    'Resources (emissions and other stressors) weighted into impact categories by a factors file, as pymrio’s characterisation does: impact = Σ factor × stressor, for the footprints of each region’s final demand and the multipliers of each item.',
    [field],
    'Characterise',
    async (results, message) => {
      const file = input.files?.[0];
      if (file === undefined) {
        message.textContent = 'Choose a factors file first.';
        return;
      }
      try {
        const p = period();
        const d = await analyzeEffects(api, modelId, { analyses: [], ...(p !== undefined ? { period: p } : {}), characterise: { csv: await file.text(), name: file.name } }, version);
        message.textContent = '';
        render(results, d);
      } catch (err) {
        message.textContent = '';
        mount(results, errorBox(err));
      }
    },
  );
}
