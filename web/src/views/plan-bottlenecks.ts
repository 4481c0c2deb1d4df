import type { EconomyView, ObjectiveSpec, PlanResultView } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { h } from '../dom.js';
import { formatLevel, formatPercent, formatPrice } from '../format.js';
import { resourceUse } from '../resource-use.js';
import { periodsSettingLambda } from './plan-levels.js';

/** The unit of the objective, for "per unit of the objective": λ for maxmin, the resource's unit for mincost. */
export function objectiveUnit(economy: EconomyView, r: PlanResultView): string {
  if (r.objective.kind === 'maxmin') return 'λ';
  if (r.objective.kind === 'mincost') {
    const id = r.objective.resource ?? 'labour';
    return economy.resources.find((x) => x.id === id)?.unit ?? id;
  }
  return 'objective';
}

/** Resources at their limit in a period (use ≥ 99.99% of what is available). */
export function fullResources(economy: EconomyView, r: PlanResultView, period: string): string[] {
  return resourceUse(economy, r, period)
    .filter((u) => u.available > 0 && u.use >= u.available * (1 - 1e-4))
    .map((u) => u.id);
}

/**
 * Why a period of a maxmin plan has no valuations while its limits are full: only the periods that
 * set λ carry them. Null when the period has valuations, or nothing to explain.
 */
export function unvaluedReason(economy: EconomyView, r: PlanResultView, period: string, offer: (o: ObjectiveSpec) => void): HTMLElement | null {
  const valued = r.bottlenecks.some((b) => b.period === period && b.rent > 0) || Object.values(r.valuations[period] ?? {}).some((v) => v > 0);
  if (valued || r.objective.kind !== 'maxmin' || r.lambda === null) return null;
  const full = fullResources(economy, r, period);
  const tiers = Object.keys(r.lambda);
  const last = tiers[tiers.length - 1] ?? '';
  const setters = periodsSettingLambda(r, last);
  const level = r.levels?.[last]?.[period];
  const button = h('button', { type: 'button', 'data-offer': 'harmony', text: 'Solve with harmony (values every period)' });
  button.addEventListener('click', () => offer({ kind: 'harmony' }));
  return h(
    'div',
    { class: 'explain', 'data-unvalued': period },
    h('p', {
      text:
        `No valuations in ${period}: under maxmin only the periods that set λ (${setters.join(', ') || 'none'}) carry valuations; ` +
        `${period}’s level${level === undefined ? '' : ` (${formatLevel(level)})`} was raised after λ was set, so its limits${full.length > 0 ? ` at 100% (${full.map((x) => x.replace(/_/g, ' ')).join(', ')})` : ''} hold it without a price. ` +
        'An objective that sums every period’s fulfilment values them all.',
    }),
    button,
  );
}

/** The binding limits of one period, with their shadow prices per unit of the objective. */
export function periodBottlenecks(economy: EconomyView, r: PlanResultView, period: string, offer: (o: ObjectiveSpec) => void): HTMLElement {
  const unitOf = new Map(economy.resources.map((x) => [x.id, x.unit]));
  const ou = objectiveUnit(economy, r);
  const list = r.bottlenecks.filter((b) => b.period === period && b.rent > 0);
  const sum = list.reduce((s, b) => s + (b.share ?? 0), 0);
  const chart = barChart({
    name: 'bottlenecks',
    title: `Bottlenecks, ${period}`,
    description: `Binding limits ranked by rent (shadow price × limit) as a share of the objective; the shadow price is what one more unit of the limit would add to the objective, in ${ou} per unit of the limit.`,
    columns: ['limit', 'shadow price · share of the objective'],
    domainMax: Math.max(...list.map((b) => b.share ?? 0), 1e-9),
    bars: list.map((b) => {
      const unit = b.kind === 'resource' ? (unitOf.get(b.id) ?? '') : b.kind === 'capacity' ? 'unit of activity' : 'unit';
      return {
        key: `${b.kind}:${b.id}:${b.period}`,
        label: `${b.kind === 'resource' ? '' : `${b.kind} `}${b.id.replace(/_/g, ' ')}`,
        value: b.share ?? 0,
        text: `${formatPrice(b.price)} ${ou} per ${unit}${b.share === null ? '' : ` · ${formatPercent(b.share)}`}`,
        tone: 'over' as const,
      };
    }),
  });
  const note =
    list.length > 0 && sum > 1 + 1e-6
      ? h('p', { class: 'muted small', 'data-share-sum': String(sum), text: `The shares add up to ${formatPercent(sum)}: more than 100% because the levels held from earlier rounds (earlier tiers, periods raised first) take part of the objective’s imputation with a negative share that is not listed.` })
      : null;
  return h('div', { class: 'bottlenecks' }, chart, note, list.length === 0 ? unvaluedReason(economy, r, period, offer) : null);
}
