import type { PlentyStore, ScenarioRecord } from '../store/index.js';
import { notFound } from './service-error.js';

/** A stored scenario, or not-found. */
export async function storedScenario(store: PlentyStore, id: number): Promise<ScenarioRecord> {
  const s = await store.scenarios.get(id);
  if (s === undefined) throw notFound('scenario', id);
  return s;
}
