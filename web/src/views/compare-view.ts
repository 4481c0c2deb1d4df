import { isOptimal, type EconomyView, type ObjectiveSpec, type PlanRecord, type PlanSummary, type SolveOptions } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { formatLevel, formatPercent } from '../format.js';
import { presetsFor } from '../presets.js';
import { runJob } from '../run-job.js';
import { modelDetail } from '../state.js';
import type { AppState } from '../state.js';
import { urlState } from '../url-state.js';
import { errorBox } from './error-box.js';
import { planForm } from './plan-form.js';
import { planStatus } from './plan-status.js';
import { comparisonPanel } from './scenario-compare.js';
import { scenarioEditor } from './scenario-editor.js';
import { AS_IT_STANDS, scenarioFor } from './solve-view.js';

/** Plans of the model as it stands per model and solve options, so that a second question does not solve it again. */
const baseByOptions = new Map<string, string>();

async function solveScenario(state: AppState, scenarioId: string, options: SolveOptions, onText: (t: string) => void): Promise<PlanRecord> {
  const job = await runJob(state.api, scenarioId, (f, text) => onText(f === undefined ? text : `${text} (${formatPercent(f, 0)})`), options);
  const out = await job.outcome;
  if (out.status !== 'done' || out.planId === undefined) throw new Error(out.status === 'cancelled' ? 'the solve was cancelled' : `the solve failed: ${out.message ?? ''}`);
  return state.api.plan(out.planId);
}

function unitOf(economy: EconomyView, o: ObjectiveSpec): string {
  if (o.kind === 'maxmin') return 'λ';
  if (o.kind === 'mincost') return economy.resources.find((r) => r.id === (o.resource ?? 'labour'))?.unit ?? '';
  return '';
}

function side(title: string, rec: PlanRecord, units: ReadonlyMap<string, string>, offer: (o: ObjectiveSpec) => void): HTMLElement {
  const r = rec.result;
  return h(
    'section',
    { class: 'panel side', 'aria-label': title, 'data-side-plan': rec.id },
    h('h3', { text: `${title} (plan ${rec.id})` }),
    isOptimal(r)
      ? h(
          'dl',
          { class: 'stats' },
          ...Object.entries(r.lambda ?? {}).map(([tier, l]) => h('div', {}, h('dt', { class: 'keep-case', text: `λ, tier ${tier}` }), h('dd', { class: 'num', 'data-tier': tier, text: formatLevel(l) }))),
          r.lambda === null ? h('div', {}, h('dt', { text: `objective (${r.objective.kind})` }), h('dd', { class: 'num', text: formatLevel(r.objectiveValue) })) : null,
        )
      : planStatus(rec, units, offer),
  );
}

/**
 * The scenarios view: pose a scenario (overrides of targets, availabilities, prices and trade caps
 * on the open model, or a preset built from what the model has), solve it beside the model as it
 * stands, and read the service's comparison; or compare two stored plans.
 */
export async function compareView(root: HTMLElement, state: AppState): Promise<void> {
  mount(root, h('h2', { text: 'Scenarios' }), h('p', { class: 'muted', text: 'Loading the model…' }));
  let economy: EconomyView;
  let plans: PlanSummary[];
  try {
    economy = (await modelDetail(state)).economy;
    plans = (await state.api.request<PlanSummary[]>('GET', '/plans')).filter((p) => p.modelId === state.modelId && p.status === 'optimal');
  } catch (err) {
    mount(root, h('h2', { text: 'Scenarios' }), errorBox(err));
    return;
  }
  const modelId = state.modelId ?? '';
  const units = new Map(economy.products.map((p) => [p.id, p.unit]));
  const out = h('div', { class: 'results', id: 'compare-results', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', id: 'compare-status' });
  const editor = scenarioEditor(economy);
  const form = planForm(economy);
  const run = h('button', { type: 'button', class: 'primary', id: 'run-scenario', text: 'Solve and compare with the model as it stands' });
  const presets = presetsFor(economy);
  const buttons: HTMLButtonElement[] = [run];

  const compare = async (base: PlanRecord, alt: PlanRecord, labels: { a: string; b: string }, unit: string): Promise<void> => {
    const offer = (o: ObjectiveSpec) => {
      form.set(o);
      void ask();
    };
    const sides = h('div', { class: 'two' }, side(labels.a, base, units, offer), side(labels.b, alt, units, offer));
    if (!isOptimal(base.result) || !isOptimal(alt.result)) {
      mount(out, h('div', { class: 'comparison', 'data-differences': '0' }, sides, h('p', { class: 'short', role: 'alert', text: 'No comparison: a plan that did not solve to optimality has no numbers to compare. Choose an objective that fits the model (above).' })));
      return;
    }
    const c = await state.api.comparePlans(base.id, alt.id);
    mount(out, sides, comparisonPanel(economy, c, labels, unit));
    // A reload or a shared link shows this comparison again (the two stored plans, compared as they are).
    urlState.set({ plan: base.id, against: alt.id });
  };

  const busy = (on: boolean) => {
    for (const b of buttons) b.disabled = on;
  };
  async function ask(): Promise<void> {
    const given = editor.overrides();
    if ('error' in given) {
      mount(out, h('p', { class: 'error', role: 'alert', text: given.error }));
      return;
    }
    busy(true);
    try {
      const options = form.options();
      const key = `${modelId}\u0000${JSON.stringify(options)}`;
      status.textContent = 'Solving the model as it stands…';
      const baseScenario = await scenarioFor(state, AS_IT_STANDS, []);
      const known = baseByOptions.get(key);
      const base = known !== undefined ? await state.api.plan(known) : await solveScenario(state, baseScenario, options, (t) => (status.textContent = `As it stands: ${t}`));
      baseByOptions.set(key, String(base.id));
      const name = editor.name();
      status.textContent = `Solving “${name}”…`;
      const { id } = await state.api.createScenario(modelId, name, given.overrides);
      const alt = await solveScenario(state, String(id), options, (t) => (status.textContent = `${name}: ${t}`));
      status.textContent = '';
      await compare(base, alt, { a: AS_IT_STANDS, b: name }, unitOf(economy, options.objective ?? { kind: 'maxmin' }));
      announce('Comparison ready.');
    } catch (err) {
      status.textContent = '';
      mount(out, errorBox(err));
    } finally {
      busy(false);
    }
  }
  run.addEventListener('click', () => void ask());
  const presetButtons = presets.map((p) => {
    const b = h('button', { type: 'button', class: 'preset', 'data-preset': p.id, text: p.label });
    b.addEventListener('click', () => {
      editor.load(p.label, p.overrides);
      void ask();
    });
    buttons.push(b);
    return b;
  });

  // Two stored plans of the model, compared as they are.
  const label = (p: PlanSummary) => `plan ${String(p.id)} — scenario ${String(p.scenarioId)}, ${p.objectiveKind}, ${typeof p.objective === 'number' ? formatLevel(p.objective) : '—'}`;
  const pickA = h('select', { id: 'plan-a' }, ...plans.map((p) => h('option', { value: String(p.id), text: label(p) })));
  const pickB = h('select', { id: 'plan-b' }, ...plans.map((p) => h('option', { value: String(p.id), text: label(p) })));
  if (plans.length > 1) pickB.value = String(plans[plans.length - 1].id);
  const compareStored = h('button', { type: 'button', id: 'compare-plans', text: 'Compare', disabled: plans.length < 2 });
  buttons.push(compareStored);
  compareStored.addEventListener('click', () => {
    void (async () => {
      busy(true);
      try {
        const [a, b] = await Promise.all([state.api.plan(pickA.value), state.api.plan(pickB.value)]);
        await compare(a, b, { a: `plan ${a.id}`, b: `plan ${b.id}` }, isOptimal(a.result) ? unitOf(economy, a.result.objective) : '');
      } catch (err) {
        mount(out, errorBox(err));
      } finally {
        busy(false);
      }
    })();
  });

  const fromUrl = async (): Promise<void> => {
    const a = urlState.get('plan');
    const b = urlState.get('against');
    if (a === null || b === null) return;
    busy(true);
    try {
      const [pa, pb] = await Promise.all([state.api.plan(a), state.api.plan(b)]);
      if (pa.modelId !== modelId || pb.modelId !== modelId) return;
      await compare(pa, pb, { a: `plan ${pa.id}`, b: `plan ${pb.id}` }, isOptimal(pa.result) ? unitOf(economy, pa.result.objective) : '');
    } catch (err) {
      mount(out, errorBox(err));
    } finally {
      busy(false);
    }
  };

  mount(
    root,
    h('h2', { text: 'Scenarios' }),
    h('p', { class: 'lede', text: 'Pose a question as a scenario — targets, availabilities, trade prices and caps changed against the model — solve it beside the model as it stands, and see what changes.' }),
    presets.length > 0 ? h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Ready-made scenarios for this model' }, h('span', { class: 'muted', text: 'Ready-made:' }), ...presetButtons) : null,
    editor.el,
    form.el,
    h('div', { class: 'toolbar' }, run),
    h(
      'details',
      { class: 'panel', id: 'stored-compare' },
      h('summary', { text: `Compare two stored plans of this model (${plans.length} optimal)` }),
      h('div', { class: 'fields' }, h('div', { class: 'field' }, h('label', { for: 'plan-a', text: 'First plan' }), pickA), h('div', { class: 'field' }, h('label', { for: 'plan-b', text: 'Second plan' }), pickB), compareStored),
    ),
    status,
    out,
  );
  await fromUrl();
}
