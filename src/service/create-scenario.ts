import type { PlentyStore, ScenarioRecord } from '../store/index.js';
import { applyOverrides, type Override } from './overrides.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';

/**
 * Stores a scenario: a stored model version (the latest without `modelVersion`) with overrides,
 * checked against it first (an override naming nothing in the model, or a factor beyond the
 * magnitude rule, is refused as `the scenario` with its located issues; nothing stored).
 */
export async function createScenario(store: PlentyStore, input: { readonly modelId: string; readonly modelVersion?: number | undefined; readonly name: string; readonly overrides: readonly Override[] }): Promise<ScenarioRecord> {
  const { model: m, economy } = await storedModel(store, input.modelId, input.modelVersion);
  await refusedInput('the scenario', () => applyOverrides(economy, input.overrides));
  return store.scenarios.add(m.id, m.version, input.name, input.overrides);
}
