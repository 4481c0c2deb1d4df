import type { Api } from './api.js';
import type { ModelDetail, PlanRecord } from './api-types.js';

/** A solved scenario: the scenario, the plan the solve produced. */
export interface Solved {
  readonly scenarioId: string;
  readonly plan: PlanRecord;
}

/** What the views share: the service, the open model and what has been solved for it. */
export interface AppState {
  readonly api: Api;
  modelId: string | null;
  /** The version of the open model shown; null: its latest. */
  modelVersion: number | null;
  modelName: string;
  detail: ModelDetail | null;
  /** The model as it stands (no overrides), solved. */
  baseline: Solved | null;
  /** Scenario ids by name, so that a preset is created once per model. */
  readonly scenarios: Map<string, string>;
}

export function modelDetail(state: AppState): Promise<ModelDetail> {
  if (state.modelId === null) return Promise.reject(new Error('no model is open'));
  if (state.detail !== null && state.detail.id === state.modelId && (state.modelVersion === null || state.detail.version === state.modelVersion)) return Promise.resolve(state.detail);
  return state.api.model(state.modelId, state.modelVersion ?? undefined).then((d) => {
    state.detail = d;
    return d;
  });
}
