import type { EconomyView, ObjectiveSpec, PlanRecord, ScenarioEntry } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { runJob } from '../run-job.js';
import type { RunningJob } from '../run-job.js';
import { modelDetail } from '../state.js';
import type { AppState } from '../state.js';
import { urlState } from '../url-state.js';
import { errorBox } from './error-box.js';
import { planForm } from './plan-form.js';
import { planHistory } from './plan-history.js';
import { planPanel } from './plan-panel.js';

export const AS_IT_STANDS = 'As the model stands';

/** A scenario id by name for the open model, created on first use. */
export async function scenarioFor(state: AppState, name: string, overrides: Parameters<AppState['api']['createScenario']>[2]): Promise<string> {
  const key = `${state.modelId ?? ''}\u0000${state.modelVersion ?? ''}\u0000${name}`;
  const known = state.scenarios.get(key);
  if (known !== undefined) return known;
  const { id } = await state.api.createScenario(state.modelId ?? '', name, overrides, state.modelVersion ?? undefined);
  state.scenarios.set(key, String(id));
  return String(id);
}

/** The scenario and plan shown last per model, so that coming back to the view shows them again. */
const shownByModel = new Map<string, { scenarioId: string; planId: string | null }>();

function scenarioLabel(s: ScenarioEntry): string {
  const n = s.overrides.length;
  return `${s.name} (#${String(s.id)}, ${n === 0 ? 'no overrides' : `${n} override${n === 1 ? '' : 's'}`})`;
}

/**
 * The plans view: choose a scenario, an objective and a solver (each objective explained), solve
 * and watch the job, read the plan (status in words, λ, bottlenecks, valuations, techniques, flows),
 * and the scenario's plan history with a Publish button per plan.
 */
export async function solveView(root: HTMLElement, state: AppState): Promise<void> {
  mount(root, h('h2', { text: 'Plans' }), h('p', { class: 'muted', text: 'Loading the model…' }));
  let economy: EconomyView;
  let scenarios: ScenarioEntry[];
  try {
    economy = (await modelDetail(state)).economy;
    scenarios = (await state.api.scenarios()).filter((s) => s.modelId === state.modelId);
  } catch (err) {
    mount(root, h('h2', { text: 'Plans' }), errorBox(err));
    return;
  }
  const modelId = state.modelId ?? '';
  // The plan the URL names (a reload, a shared link, back or forward) comes first, then the one shown last.
  const fromUrl = urlState.get('plan');
  const remembered = fromUrl !== null ? { scenarioId: urlState.get('scenario') ?? '', planId: fromUrl } : shownByModel.get(modelId);
  const results = h('div', { class: 'results', id: 'plan-results', 'aria-live': 'polite' });
  const history = h('div', { id: 'plan-history' });
  const scenarioSelect = h('select', { id: 'scenario' }, ...scenarios.map((s) => h('option', { value: String(s.id), text: scenarioLabel(s) })));
  if (!scenarios.some((s) => s.name === AS_IT_STANDS && s.overrides.length === 0)) scenarioSelect.prepend(h('option', { value: '', text: `${AS_IT_STANDS} (new, no overrides)` }));
  const standing = scenarios.find((s) => s.name === AS_IT_STANDS && s.overrides.length === 0);
  scenarioSelect.value = remembered?.scenarioId ?? (standing === undefined ? '' : String(standing.id));
  if (standing !== undefined) state.scenarios.set(`${modelId}\u0000${AS_IT_STANDS}`, String(standing.id));
  const form = planForm(economy);
  const progress = h('progress', { id: 'solve-progress', max: 1, 'aria-label': 'Solve progress' });
  const progressText = h('span', { class: 'muted', id: 'solve-progress-text' });
  const progressRow = h('div', { class: 'progress', hidden: true }, progress, progressText);
  const solveButton = h('button', { type: 'button', id: 'solve', class: 'primary', text: 'Solve the plan' });
  const cancelButton = h('button', { type: 'button', id: 'cancel', text: 'Cancel', disabled: true });
  let running: RunningJob | null = null;
  let shown: string | null = remembered?.planId ?? null;

  const refreshHistory = async (): Promise<void> => {
    const id = scenarioSelect.value;
    if (id === '') {
      mount(history);
      return;
    }
    try {
      mount(history, await planHistory(state.api, id, shown, { show: (planId) => void showPlan(planId) }));
    } catch (err) {
      mount(history, errorBox(err));
    }
  };
  const showPlan = async (planId: string): Promise<void> => {
    try {
      const plan: PlanRecord = await state.api.plan(planId);
      if (plan.modelId !== modelId) {
        mount(results, h('p', { class: 'muted', text: `Plan ${planId} is of another model (${plan.modelId}).` }));
        return;
      }
      shown = planId;
      if (String(plan.scenarioId) !== scenarioSelect.value && [...scenarioSelect.options].some((o) => o.value === String(plan.scenarioId))) scenarioSelect.value = String(plan.scenarioId);
      urlState.set({ plan: plan.id, scenario: plan.scenarioId });
      shownByModel.set(modelId, { scenarioId: String(plan.scenarioId), planId });
      if (String(plan.scenarioId) === state.scenarios.get(`${modelId}\u0000${AS_IT_STANDS}`)) state.baseline = { scenarioId: String(plan.scenarioId), plan };
      mount(results, planPanel(economy, plan, offer));
      await refreshHistory();
    } catch (err) {
      mount(results, errorBox(err));
    }
  };
  const solve = async (): Promise<void> => {
    if (running !== null) return;
    solveButton.disabled = true;
    cancelButton.disabled = false;
    progressRow.hidden = false;
    progress.removeAttribute('value');
    progressText.textContent = 'starting';
    announce('Solving the plan.');
    try {
      let scenarioId = scenarioSelect.value;
      if (scenarioId === '') {
        scenarioId = await scenarioFor(state, AS_IT_STANDS, []);
        const option = scenarioSelect.querySelector('option[value=""]');
        if (option !== null) {
          option.setAttribute('value', scenarioId);
          option.textContent = `${AS_IT_STANDS} (#${scenarioId}, no overrides)`;
        }
        scenarioSelect.value = scenarioId;
      }
      running = await runJob(
        state.api,
        scenarioId,
        (f, text) => {
          if (f === undefined) progress.removeAttribute('value');
          else progress.value = f;
          progressText.textContent = text;
        },
        form.options(),
      );
      const out = await running.outcome;
      if (out.status === 'done' && out.planId !== undefined) {
        await showPlan(out.planId);
        announce('Plan solved.');
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
  };
  /** A diagnosis's or an explanation's objective: put it in the form and solve with it. */
  function offer(o: ObjectiveSpec): void {
    form.set(o);
    form.el.scrollIntoView({ block: 'nearest' });
    void solve();
  }

  solveButton.addEventListener('click', () => void solve());
  cancelButton.addEventListener('click', () => {
    if (running === null) return;
    progressText.textContent = 'cancelling';
    void running.cancel().catch((err: unknown) => mount(results, errorBox(err)));
  });
  scenarioSelect.addEventListener('change', () => {
    shown = null;
    mount(results);
    void refreshHistory();
  });

  mount(
    root,
    h('h2', { text: 'Plans' }),
    h('p', { class: 'lede', text: 'Solve a scenario of the model for the objective you choose; read the plan’s status, its fulfilment level, bottlenecks, valuations and techniques; publish the plan to put it into execution.' }),
    h('div', { class: 'toolbar' }, h('label', { for: 'scenario', text: 'Scenario' }), scenarioSelect),
    form.el,
    h('div', { class: 'toolbar' }, solveButton, cancelButton, progressRow),
    results,
    history,
  );
  if (shown !== null) await showPlan(shown);
  else await refreshHistory();
}
