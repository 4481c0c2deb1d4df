import type { Economy } from '../model/types.js';
import type { ModelFormat, PlentyStore } from '../store/index.js';
import { modelSummary } from './model-summary.js';
import { storedModel } from './stored-model.js';

/** A stored model version (the latest without `version`): its record, text, summary and parsed economy. */
export async function modelDetail(store: PlentyStore, id: string, version?: number): Promise<{ id: string; version: number; name: string; format: ModelFormat; createdAt: string; text: string; summary: ReturnType<typeof modelSummary>; economy: Economy }> {
  const { model: m, economy } = await storedModel(store, id, version);
  return { id: m.id, version: m.version, name: m.name, format: m.format, createdAt: m.createdAt, text: m.text, summary: modelSummary(economy), economy };
}
