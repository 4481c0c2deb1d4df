import type { PlanResultView } from '../api-types.js';
import { h } from '../dom.js';
import { formatAmount, formatPercent } from '../format.js';
import { scroller } from '../table.js';

/** The plan's whole-plant decisions: which plant is built, how many units, in which period, and when it is on line; null when the model has none. */
export function planPlants(r: PlanResultView): HTMLElement | null {
  const mip = r.mip;
  if (mip === undefined || mip === null) return null;
  const plants = r.plants ?? [];
  const how =
    mip.method === 'relaxation'
      ? 'LP relaxation only: fractions of plants allowed; the valuations are the relaxation’s.'
      : `Branch and bound: within ${formatPercent(mip.gap, 3)} of the best bound (asked ${formatPercent(mip.requestedGap, 3)}); the valuations are those of the plan with these plants fixed as built.`;
  const table = h(
    'table',
    { class: 'data', 'data-table': 'plants' },
    h('caption', { text: 'Plants built: which plant, in which period, how many units, what they build and from when it is on line' }),
    h('thead', {}, h('tr', {}, ...['plant', 'period', 'units', 'builds', 'on line'].map((t) => h('th', { scope: 'col', class: t === 'units' ? 'num' : undefined, text: t })))),
    h(
      'tbody',
      {},
      ...plants.map((p) =>
        h(
          'tr',
          { 'data-plant': p.technique, 'data-period': p.period },
          h('th', { scope: 'row', text: p.name ?? p.technique }),
          h('td', { text: p.period }),
          h('td', { class: 'num', 'data-units': String(p.units), text: formatAmount(p.units) }),
          h('td', { text: Object.entries(p.builds).map(([k, v]) => `${formatAmount(v)} ${k}`).join(', ') || '—' }),
          h('td', { text: p.onLine ?? '—' }),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'plants-h', 'data-mip-method': mip.method },
    h('h3', { id: 'plants-h', text: 'Plants built' }),
    h('p', { class: 'muted small', 'data-mip-gap': String(mip.gap), text: how }),
    plants.length === 0 ? h('p', { text: 'No plant is built.' }) : scroller(table, 'Plants built'),
  );
}
