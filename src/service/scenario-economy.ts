import type { Economy } from '../model/types.js';
import type { PlentyStore, ScenarioRecord } from '../store/index.js';
import { applyOverrides, type Override } from './overrides.js';
import { storedModel } from './stored-model.js';

/** The economy of a scenario: its model version with its overrides applied. */
export async function scenarioEconomy(store: PlentyStore, s: ScenarioRecord): Promise<Economy> {
  return applyOverrides((await storedModel(store, s.modelId, s.modelVersion)).economy, s.overrides as Override[]);
}
