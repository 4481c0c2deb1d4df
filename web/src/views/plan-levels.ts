import type { EconomyView, PlanResultView } from '../api-types.js';
import { h } from '../dom.js';
import { formatAmount, formatLevel, itemLabel } from '../format.js';
import { scroller } from '../table.js';

const REL = 1e-9;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= REL * Math.max(1, Math.abs(a), Math.abs(b)) + 1e-7 * Math.max(1, Math.abs(b));

/** The periods in which a tier's level equals its λ: those that set it (and carry the valuations). */
export function periodsSettingLambda(r: PlanResultView, tier: string): string[] {
  const l = r.lambda?.[tier];
  const levels = r.levels?.[tier] ?? {};
  if (l === undefined) return [];
  return Object.entries(levels).flatMap(([p, v]) => (close(v, l) ? [p] : []));
}

/** One set of a tier's targets in words, when it is short: "1 piece part1, 1 piece part2". */
function setOf(economy: EconomyView, r: PlanResultView, tier: string): string | null {
  const first = r.targets.find((t) => String(t.priority) === tier)?.period;
  const ts = r.targets.filter((t) => String(t.priority) === tier && t.period === first);
  if (ts.length === 0 || ts.length > 4) return null;
  const unit = new Map(economy.products.map((p) => [p.id, p.unit]));
  return ts.map((t) => `${formatAmount(t.amount)} ${unit.get(t.item.split('@')[0] ?? t.item) ?? ''} ${itemLabel(t.item)}`).join(', ');
}

/** λ of each tier, as λ (86⅔ sets), and the level of each tier per period, marking the periods that set λ. */
export function planLevels(economy: EconomyView, r: PlanResultView): HTMLElement {
  if (r.objective.kind !== 'maxmin' || r.lambda === null) {
    const res = economy.resources.find((x) => x.id === r.objective.resource);
    const what =
      r.objective.kind === 'mincost'
        ? `${formatAmount(r.objectiveValue)} ${res?.unit ?? ''} of ${(r.objective.resource ?? 'labour').replace(/_/g, ' ')} in total over the periods, every target met in full`
        : `${formatAmount(r.objectiveValue)}: Σ weight × fulfilment (${r.objective.kind}) over the targets and periods`;
    return h('section', { class: 'panel', 'aria-labelledby': 'levels-h' }, h('h3', { id: 'levels-h', text: 'Objective' }), h('p', { 'data-objective-value': String(r.objectiveValue), text: `Objective value: ${what}.` }));
  }
  const tiers = Object.keys(r.lambda);
  const periods = [...new Set(tiers.flatMap((t) => Object.keys(r.levels?.[t] ?? {})))];
  const lambdas = tiers.map((tier) => {
    const l = r.lambda?.[tier] ?? NaN;
    const set = setOf(economy, r, tier);
    const setters = periodsSettingLambda(r, tier);
    return h(
      'div',
      { class: l < 1 - 1e-6 ? 'short' : undefined, 'data-tier': tier },
      h('dt', { class: 'keep-case', text: `λ, tier ${tier}` }),
      h('dd', { class: 'num', 'data-lambda': String(l), text: set === null ? `${formatLevel(l)} × the targets` : `${formatLevel(l)} sets` }),
      h('dd', { class: 'muted small', text: set === null ? `every target of tier ${tier} gets at least ${formatLevel(l)} × its amount${setters.length > 0 && periods.length > 1 ? `; set by ${setters.join(', ')}` : ''}` : `one set: ${set}` }),
    );
  });
  const table = h(
    'table',
    { class: 'data', 'data-table': 'levels' },
    h('caption', { text: 'Level of each tier per period: its targets get at least the level × their amount; ● marks the periods that set λ' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'tier' }), ...periods.map((p) => h('th', { scope: 'col', class: 'num', text: p })))),
    h(
      'tbody',
      {},
      ...tiers.map((tier) => {
        const setters = new Set(periodsSettingLambda(r, tier));
        return h(
          'tr',
          { 'data-tier': tier },
          h('th', { scope: 'row', text: `tier ${tier}` }),
          ...periods.map((p) => {
            const v = r.levels?.[tier]?.[p];
            return h('td', { class: 'num', 'data-period': p, 'data-level': v === undefined ? '' : String(v), text: v === undefined ? '—' : `${formatLevel(v)}${setters.has(p) ? ' ●' : ''}` });
          }),
        );
      }),
    ),
  );
  return h('section', { class: 'panel', 'aria-labelledby': 'levels-h' }, h('h3', { id: 'levels-h', text: 'Fulfilment level λ' }), h('dl', { class: 'stats' }, ...lambdas), periods.length > 1 ? scroller(table, 'Levels per period') : null);
}
