import { isOptimal, type PlanRecord, type TargetResult } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { formatPercent, itemLabel } from '../format.js';
import { PRESETS } from '../presets.js';
import type { Preset } from '../presets.js';
import { runJob } from '../run-job.js';
import type { AppState } from '../state.js';
import { dataTable, scroller } from '../table.js';
import { urlState } from '../url-state.js';
import { errorBox } from './error-box.js';
import { scenarioFor } from './solve-view.js';

const EPS = 1e-6;

interface Row {
  readonly key: string;
  readonly item: string;
  readonly period: string;
  readonly priority: number;
  readonly a: number;
  readonly b: number;
}

async function solveScenario(state: AppState, scenarioId: string, onText: (t: string) => void): Promise<PlanRecord> {
  const job = await runJob(state.api, scenarioId, (f, text) => onText(f === undefined ? text : `${text} (${formatPercent(f, 0)})`));
  const out = await job.outcome;
  if (out.status !== 'done' || out.planId === undefined) throw new Error(out.status === 'cancelled' ? 'the solve was cancelled' : `the solve failed: ${out.message ?? ''}`);
  return state.api.plan(out.planId);
}

function pairRows(a: readonly TargetResult[], b: readonly TargetResult[]): Row[] {
  const key = (t: TargetResult) => `${t.item}|${t.period}|${t.target}`;
  const other = new Map(b.map((t) => [key(t), t]));
  return a.flatMap((t) => {
    const u = other.get(key(t));
    return u === undefined ? [] : [{ key: key(t), item: t.item, period: t.period, priority: t.priority, a: t.fulfilment, b: u.fulfilment }];
  });
}

function change(r: Row): string {
  const d = r.b - r.a;
  return Math.abs(d) < EPS ? '—' : `${d > 0 ? '+' : '−'}${formatPercent(Math.abs(d))}`;
}

function side(title: string, rec: PlanRecord): HTMLElement {
  const r = rec.result;
  return h(
    'section',
    { class: 'panel side', 'aria-label': title },
    h('h3', { text: title }),
    h('p', { class: `verdict ${r.status === 'optimal' ? 'ok' : 'short'}`, text: `status ${r.status}` }),
    ...(isOptimal(r)
      ? [
          h('dl', { class: 'stats' }, ...Object.entries(r.lambda ?? {}).map(([tier, l]) => h('div', { class: l < 1 - EPS ? 'short' : undefined }, h('dt', { text: `fulfilment, tier ${tier}` }), h('dd', { class: 'num', 'data-tier': tier, text: formatPercent(l) })))),
          h('p', { class: 'muted', text: `top bottleneck: ${r.bottlenecks[0]?.id.replace(/_/g, ' ') ?? 'none'}` }),
        ]
      : [h('p', { class: 'short', text: r.diagnosis?.message ?? r.message ?? 'The solve did not reach an optimal plan.' })]),
  );
}

function comparison(preset: Preset, base: PlanRecord, alt: PlanRecord): HTMLElement {
  if (!isOptimal(base.result) || !isOptimal(alt.result)) {
    return h(
      'div',
      { class: 'comparison', 'data-preset': preset.id },
      h('p', { class: 'lede', text: preset.question }),
      h('div', { class: 'two' }, side('As the model stands', base), side(preset.label, alt)),
      h('p', { class: 'short', role: 'alert', text: 'No comparison: a plan that did not solve to optimality has no numbers to compare.' }),
    );
  }
  const rows = pairRows(base.result.targets, alt.result.targets);
  const watched = rows.filter((r) => preset.watch.includes(r.item.split('@')[0] ?? r.item));
  const moved = rows.filter((r) => Math.abs(r.b - r.a) >= EPS).sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
  const cols = [
    { label: 'target', value: (r: Row) => `${itemLabel(r.item)} (p${r.priority})` },
    { label: 'period', value: (r: Row) => r.period },
    { label: 'as it stands', value: (r: Row) => formatPercent(r.a), numeric: true, tone: (r: Row) => (r.a < 1 - EPS ? 'short' : undefined) },
    { label: 'scenario', value: (r: Row) => formatPercent(r.b), numeric: true, tone: (r: Row) => (r.b < 1 - EPS ? 'short' : undefined) },
    { label: 'change', value: change, numeric: true, tone: (r: Row) => (r.b < r.a - EPS ? 'short' : r.b > r.a + EPS ? 'gain' : undefined) },
  ];
  return h(
    'div',
    { class: 'comparison', 'data-preset': preset.id, 'data-differences': String(moved.length) },
    h('p', { class: 'lede', text: preset.question }),
    h('div', { class: 'two' }, side('As the model stands', base), side(preset.label, alt)),
    h('section', { class: 'panel', 'aria-labelledby': 'watch-h' }, h('h3', { id: 'watch-h', text: `Targets asked about: ${preset.watch.map((w) => w.replace(/_/g, ' ')).join(', ')}` }), scroller(dataTable('Fulfilment of the targets asked about', cols, watched, (r) => r.key, 'watched'), 'Targets asked about')),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'moved-h' },
      h('h3', { id: 'moved-h', text: `Every target that changed (${moved.length})` }),
      moved.length === 0 ? h('p', { class: 'muted', text: 'No target’s fulfilment changed.' }) : scroller(dataTable('Targets whose fulfilment changed, largest change first', cols, moved, (r) => r.key, 'moved'), 'Targets that changed'),
    ),
  );
}

/** The compare view: a preset scenario solved beside the model as it stands. */
export function compareView(root: HTMLElement, state: AppState): void {
  const out = h('div', { class: 'results', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', id: 'compare-status' });
  const buttons = PRESETS.map((p) => {
    const b = h('button', { type: 'button', class: 'preset', 'data-preset': p.id, text: p.label });
    b.addEventListener('click', () => {
      void (async () => {
        for (const x of buttons) x.disabled = true;
        try {
          status.textContent = 'Solving the model as it stands…';
          const baseId = await scenarioFor(state, 'As the model stands', []);
          const base = state.baseline?.scenarioId === baseId ? state.baseline.plan : await solveScenario(state, baseId, (t) => (status.textContent = `As it stands: ${t}`));
          state.baseline = { scenarioId: baseId, plan: base };
          status.textContent = `Solving “${p.label}”…`;
          const altId = await scenarioFor(state, p.label, p.overrides);
          const alt = await solveScenario(state, altId, (t) => (status.textContent = `${p.label}: ${t}`));
          status.textContent = '';
          urlState.set({ preset: p.id, plan: base.id, against: alt.id });
          mount(out, comparison(p, base, alt));
          announce('Comparison ready.');
        } catch (err) {
          status.textContent = '';
          mount(out, errorBox(err));
        } finally {
          for (const x of buttons) x.disabled = false;
        }
      })();
    });
    return b;
  });
  mount(
    root,
    h('h2', { text: 'Compare scenarios' }),
    h('p', { class: 'lede', text: 'Pose a question as a scenario; it is solved beside the model as it stands and the targets that move are listed.' }),
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Scenarios' }, ...buttons),
    status,
    out,
  );
  void fromUrl(state, out);
}

/** The comparison the URL names (`preset`, `plan`, `against`): a reload or a shared link shows it again. */
async function fromUrl(state: AppState, out: HTMLElement): Promise<void> {
  const preset = PRESETS.find((p) => p.id === urlState.get('preset'));
  const a = urlState.number('plan');
  const b = urlState.number('against');
  if (preset === undefined || a === null || b === null) return;
  try {
    const [base, alt] = await Promise.all([state.api.plan(a), state.api.plan(b)]);
    if (base.modelId !== state.modelId || alt.modelId !== state.modelId) return;
    mount(out, comparison(preset, base, alt));
  } catch (err) {
    mount(out, errorBox(err));
  }
}
