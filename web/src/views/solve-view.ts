import { isOptimal, type EconomyView, type FailedPlanView, type PlanRecord, type PlanResultView } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { sankeyChart } from '../charts/sankey-chart.js';
import { announce, h, mount } from '../dom.js';
import { largestFlows } from '../flows.js';
import { formatAmount, formatPercent, formatPrice, itemLabel } from '../format.js';
import { resourceUse } from '../resource-use.js';
import { runJob } from '../run-job.js';
import type { RunningJob } from '../run-job.js';
import { modelDetail } from '../state.js';
import type { AppState } from '../state.js';
import { urlState } from '../url-state.js';
import { errorBox } from './error-box.js';

const EPS = 1e-6;

/** A scenario id by name for the open model, created on first use. */
export async function scenarioFor(state: AppState, name: string, overrides: Parameters<AppState['api']['createScenario']>[2]): Promise<string> {
  const key = `${state.modelId ?? ''}\u0000${state.modelVersion ?? ''}\u0000${name}`;
  const known = state.scenarios.get(key);
  if (known !== undefined) return known;
  const { id } = await state.api.createScenario(state.modelId ?? '', name, overrides, state.modelVersion ?? undefined);
  state.scenarios.set(key, String(id));
  return String(id);
}

function periodsOf(plan: PlanResultView | FailedPlanView, economy: EconomyView): string[] {
  const fromTargets = isOptimal(plan) ? [...new Set(plan.targets.map((t) => t.period))] : [];
  return economy.periods.length > 0 ? [...economy.periods] : fromTargets;
}

function statusLine(rec: PlanRecord): HTMLElement {
  const r = rec.result;
  const tiers = !isOptimal(r) || r.lambda === null ? [] : Object.entries(r.lambda);
  return h(
    'section',
    { class: 'summary', 'aria-label': 'Plan summary', 'data-plan': rec.id },
    h('p', { class: `verdict ${r.status === 'optimal' ? 'ok' : 'short'}`, text: r.status === 'optimal' ? 'Optimal plan found.' : `No optimal plan: ${r.status}.` }),
    h(
      'dl',
      { class: 'stats' },
      h('div', {}, h('dt', { text: 'objective' }), h('dd', { text: r.objective.kind })),
      ...tiers.map(([tier, l]) => h('div', { class: l < 1 - EPS ? 'short' : undefined, title: 'The least fulfilment level of the tier over the periods' }, h('dt', { text: `fulfilment, tier ${tier}` }), h('dd', { class: 'num', text: formatPercent(l) }))),
      h('div', {}, h('dt', { text: 'solver' }), h('dd', { text: r.solver })),
      isOptimal(r) ? h('div', {}, h('dt', { text: 'primal residual' }), h('dd', { class: 'num', text: r.residuals.primal.toExponential(1) })) : null,
    ),
    r.message !== null ? h('p', { class: 'muted', text: r.message }) : null,
    r.diagnosis !== null ? h('p', { class: 'short', text: r.diagnosis.message }) : null,
  );
}

/** The charts of one period of a solved plan. */
export function planCharts(economy: EconomyView, r: PlanResultView, period: string): HTMLElement {
  const targets = r.targets.filter((t) => t.period === period).sort((a, b) => a.fulfilment - b.fulfilment || a.target - b.target);
  const fulfilment = barChart({
    name: 'fulfilment',
    title: `Fulfilment per target, ${period}`,
    description: 'Delivered ÷ target amount, least fulfilled first; the mark is 100%. Red: short of the target.',
    columns: ['target', 'fulfilment'],
    domainMax: Math.max(1, ...targets.map((t) => t.fulfilment)),
    bars: targets.map((t) => ({
      key: `${t.target}:${t.period}`,
      label: `${itemLabel(t.item)} (p${t.priority})`,
      value: t.fulfilment,
      text: formatPercent(t.fulfilment),
      reference: 1,
      tone: t.fulfilment < 1 - EPS ? 'short' : 'ok',
    })),
  });
  const bottlenecks = r.bottlenecks.filter((b) => b.period === period && b.rent > 0);
  const bChart = barChart({
    name: 'bottlenecks',
    title: `Bottlenecks, ${period}`,
    description: 'Binding limits ranked by rent (shadow price × limit) as a share of the objective; the shadow price is what one more unit of the limit would gain.',
    columns: ['limit', 'shadow price · share'],
    domainMax: Math.max(...bottlenecks.map((b) => b.share ?? 0), EPS),
    bars: bottlenecks.map((b) => ({
      key: `${b.kind}:${b.id}:${b.period}`,
      label: b.id.replace(/_/g, ' '),
      value: b.share ?? 0,
      text: b.share === null ? formatPrice(b.price) : `${formatPrice(b.price)} · ${formatPercent(b.share)}`,
      tone: 'over',
    })),
  });
  const res = resourceUse(economy, r, period);
  const ratio = (u: (typeof res)[number]) => (u.available > 0 ? u.use / u.available : u.use > 0 ? Infinity : 0);
  const rChart = barChart({
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
  const flows = largestFlows(economy, r, period, 24);
  const sankey = sankeyChart(
    `Largest flows between sectors and regions, ${period}`,
    'Products (left) into the sectors that use them (right); band width: the flow valued at the plan’s valuations, the largest = 100.',
    flows,
    'value (largest = 100)',
  );
  return h('div', { class: 'charts' }, fulfilment, bChart, rChart, h('div', { class: 'wide' }, sankey));
}

/** The level of each tier in one period: its targets there get at least the level × their amount. */
function periodLevels(r: PlanResultView, period: string): HTMLElement | null {
  const levels = Object.entries(r.levels ?? {}).flatMap(([tier, byPeriod]) => (byPeriod[period] === undefined ? [] : [[tier, byPeriod[period]] as const]));
  if (levels.length === 0) return null;
  return h(
    'dl',
    { class: 'stats', 'aria-label': `Fulfilment level per tier, ${period}`, 'data-levels': period },
    ...levels.map(([tier, l]) => h('div', { class: l < 1 - EPS ? 'short' : undefined }, h('dt', { text: `level in ${period}, tier ${tier}` }), h('dd', { class: 'num', 'data-tier': tier, text: formatPercent(l) }))),
  );
}

/** Renders a solved plan with a period picker. */
export function planPanel(economy: EconomyView, rec: PlanRecord): HTMLElement {
  const periods = periodsOf(rec.result, economy);
  const holder = h('div', { class: 'plan-charts' });
  const asked = urlState.get('period');
  const select = h('select', { id: 'period', 'aria-label': 'Period shown' }, ...periods.map((p) => h('option', { value: p, selected: p === asked, text: p })));
  const show = () =>
    isOptimal(rec.result)
      ? mount(holder, periodLevels(rec.result, select.value), planCharts(economy, rec.result, select.value))
      : mount(holder, h('p', { class: 'muted', text: 'No charts: the plan is not optimal.' }));
  select.addEventListener('change', () => {
    urlState.set({ period: select.value });
    show();
  });
  show();
  return h('div', {}, statusLine(rec), h('div', { class: 'toolbar' }, h('label', { for: 'period', text: 'Period' }), select), holder);
}

/** The solve view: run a solve of the model as it stands, watch it, cancel it, see the plan. */
export function solveView(root: HTMLElement, state: AppState): void {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const progress = h('progress', { id: 'solve-progress', max: 1, 'aria-label': 'Solve progress' });
  const progressText = h('span', { class: 'muted', id: 'solve-progress-text' });
  const progressRow = h('div', { class: 'progress', hidden: true }, progress, progressText);
  const solveButton = h('button', { type: 'button', id: 'solve', class: 'primary', text: 'Solve the plan' });
  const cancelButton = h('button', { type: 'button', id: 'cancel', text: 'Cancel', disabled: true });
  let running: RunningJob | null = null;

  const show = async () => {
    if (state.baseline === null) return;
    const economy = (await modelDetail(state)).economy;
    mount(results, planPanel(economy, state.baseline.plan));
  };

  /** The plan the URL names (a reload, a shared link, back or forward), when it is of the open model. */
  const fromUrl = async () => {
    const planId = urlState.number('plan');
    if (planId === null || state.baseline?.plan.id === planId) return;
    try {
      const plan = await state.api.plan(planId);
      if (plan.modelId !== state.modelId || plan.scenarioId === null) return;
      state.baseline = { scenarioId: String(plan.scenarioId), plan };
    } catch (err) {
      mount(results, errorBox(err));
    }
  };

  solveButton.addEventListener('click', () => {
    if (running !== null || state.modelId === null) return;
    void (async () => {
      solveButton.disabled = true;
      cancelButton.disabled = false;
      progressRow.hidden = false;
      progress.removeAttribute('value');
      progressText.textContent = 'starting';
      announce('Solving the plan.');
      try {
        const scenarioId = await scenarioFor(state, 'As the model stands', []);
        running = await runJob(state.api, scenarioId, (f, text) => {
          if (f === undefined) progress.removeAttribute('value');
          else progress.value = f;
          progressText.textContent = text;
        });
        const out = await running.outcome;
        if (out.status === 'done' && out.planId !== undefined) {
          const plan = await state.api.plan(out.planId);
          state.baseline = { scenarioId, plan };
          urlState.set({ plan: plan.id, scenario: scenarioId });
          await show();
          announce(`Plan solved: ${plan.result.status}.`);
        } else {
          mount(results, h('p', { class: out.status === 'cancelled' ? 'muted' : 'error', role: 'alert', text: out.status === 'cancelled' ? 'Solve cancelled.' : `Solve failed: ${out.message ?? ''}` }));
          announce(out.status === 'cancelled' ? 'Solve cancelled.' : 'Solve failed.');
        }
      } catch (err) {
        mount(results, errorBox(err));
      } finally {
        running = null;
        solveButton.disabled = false;
        cancelButton.disabled = true;
        progressRow.hidden = true;
      }
    })();
  });
  cancelButton.addEventListener('click', () => {
    if (running === null) return;
    progressText.textContent = 'cancelling';
    void running.cancel().catch((err: unknown) => mount(results, errorBox(err)));
  });

  mount(
    root,
    h('h2', { text: 'Solve' }),
    h('p', { class: 'lede', text: 'The optimal plan for the model as it stands: targets fulfilled as far as resources allow, priority tiers first, with the shadow prices that name its bottlenecks.' }),
    h('div', { class: 'toolbar' }, solveButton, cancelButton, progressRow),
    results,
  );
  void fromUrl().then(show);
}
