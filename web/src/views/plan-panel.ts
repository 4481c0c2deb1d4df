import { isOptimal, type EconomyView, type ObjectiveSpec, type PlanRecord, type PlanResultView } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { formatAmount, formatLevel, formatPercent, itemLabel } from '../format.js';
import { resourceUse } from '../resource-use.js';
import { periodBottlenecks } from './plan-bottlenecks.js';
import { planLevels } from './plan-levels.js';
import { planPlants } from './plan-plants.js';
import { planSankey } from './plan-sankey.js';
import { planStatus } from './plan-status.js';
import { planTechniques } from './plan-techniques.js';
import { planValuations } from './plan-valuations.js';
import { urlState } from '../url-state.js';

const EPS = 1e-6;

function fulfilmentChart(economy: EconomyView, r: PlanResultView, period: string): HTMLElement {
  const unit = new Map(economy.products.map((p) => [p.id, p.unit]));
  const targets = r.targets.filter((t) => t.period === period);
  const level = (p: number): number | undefined => r.levels?.[String(p)]?.[period];
  // Targets at their tier's level say the same thing: one sentence for them, bars for the rest.
  const atLevel = targets.filter((t) => {
    const l = level(t.priority);
    return l !== undefined && Math.abs(t.fulfilment - l) <= EPS * Math.max(1, l);
  });
  const others = targets.filter((t) => !atLevel.includes(t)).sort((a, b) => a.fulfilment - b.fulfilment);
  const tiers = [...new Set(atLevel.map((t) => t.priority))].sort((a, b) => a - b);
  const chart = barChart({
    name: 'fulfilment',
    title: r.levels === null || r.levels === undefined ? `Fulfilment per target, ${period}` : `Targets above their tier’s level, ${period}`,
    description: 'Delivered ÷ target amount; the mark is the full amount. Red: short of it.',
    columns: ['target', 'fulfilment'],
    domainMax: Math.max(1, ...others.map((t) => t.fulfilment)),
    bars: others.map((t) => ({
      key: `${t.target}:${t.period}`,
      label: `${itemLabel(t.item)} (tier ${t.priority})`,
      value: t.fulfilment,
      text: `${t.fulfilment > 2 ? `${formatLevel(t.fulfilment)} ×` : formatPercent(t.fulfilment)} · ${formatAmount(t.delivered)} ${unit.get(t.item.split('@')[0] ?? t.item) ?? ''}`,
      reference: 1,
      tone: t.fulfilment < 1 - EPS ? 'short' : 'ok',
    })),
  });
  return h(
    'div',
    { class: 'fulfilment' },
    ...tiers.map((p) => {
      const n = atLevel.filter((t) => t.priority === p).length;
      return h('p', { 'data-at-level': String(p), text: `${n} target${n === 1 ? '' : 's'} of tier ${p} get exactly the tier’s level in ${period}: ${formatLevel(level(p) ?? NaN)} × the amount.` });
    }),
    others.length > 0 ? chart : null,
  );
}

function resourcesChart(economy: EconomyView, r: PlanResultView, period: string): HTMLElement {
  const res = resourceUse(economy, r, period);
  const ratio = (u: (typeof res)[number]) => (u.available > 0 ? u.use / u.available : u.use > 0 ? Infinity : 0);
  return barChart({
    name: 'resources',
    title: `Resources: use against availability, ${period}`,
    description: 'Use of each limited resource as a share of what is available (including what investment built); the mark is 100%.',
    columns: ['resource', 'use of available'],
    bars: res.map((u) => ({
      key: u.id,
      label: u.id.replace(/_/g, ' '),
      value: ratio(u),
      text: `${formatAmount(u.use)} / ${formatAmount(u.available)} ${u.unit}`,
      reference: 1,
      tone: u.use > u.available * (1 + EPS) ? 'short' : u.use >= u.available * (1 - 1e-4) ? 'over' : 'neutral',
    })),
    domainMax: Math.max(1, ...res.map(ratio).filter(Number.isFinite)),
  });
}

/** A stored plan: its status in words; when optimal, λ, and per period its bottlenecks, valuations, techniques and flows. */
export function planPanel(economy: EconomyView, rec: PlanRecord, offer: (o: ObjectiveSpec) => void): HTMLElement {
  const units = new Map(economy.products.map((p) => [p.id, p.unit]));
  const status = planStatus(rec, units, offer);
  const r = rec.result;
  if (!isOptimal(r)) return h('div', { class: 'plan', 'data-plan': rec.id }, status);
  const periods = economy.periods.length > 0 ? [...economy.periods] : [...new Set(r.targets.map((t) => t.period))];
  const asked = urlState.get('period');
  const select = h('select', { id: 'period' }, ...periods.map((p) => h('option', { value: p, selected: p === asked, text: p })));
  const holder = h('div', { class: 'plan-period' });
  const show = () => {
    const p = select.value;
    mount(
      holder,
      h('div', { class: 'charts' }, periodBottlenecks(economy, r, p, offer), resourcesChart(economy, r, p), h('div', { class: 'wide' }, fulfilmentChart(economy, r, p))),
      planValuations(economy, r, p),
      planTechniques(economy, r, p),
      planSankey(economy, r, p, offer),
    );
  };
  select.addEventListener('change', () => {
    urlState.set({ period: select.value });
    show();
  });
  show();
  return h('div', { class: 'plan', 'data-plan': rec.id }, status, planLevels(economy, r), planPlants(r), h('div', { class: 'toolbar' }, h('label', { for: 'period', text: 'Period' }), select), holder);
}
