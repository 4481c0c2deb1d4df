import type { PlanRecord, PlentyStore, ScenarioRecord } from '../store/index.js';
import { storedScenario } from './stored-scenario.js';

/** A stored scenario and the plans computed for it. */
export async function scenarioWithPlans(store: PlentyStore, id: number): Promise<ScenarioRecord & { plans: readonly PlanRecord[] }> {
  const s = await storedScenario(store, id);
  return { ...s, plans: await store.plans.list(id) };
}
