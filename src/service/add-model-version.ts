import { parseEconomy } from '../model/parse-economy.js';
import type { PlentyStore } from '../store/index.js';
import { modelSummary } from './model-summary.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';
import type { ModelUpload, StoredModelVersion } from './upload-model.js';

/**
 * Stores a new version of a stored model (not-found when there is none): parsed first (a bad file
 * is refused, nothing stored), named as given or as the model's latest version.
 */
export async function addModelVersion(store: PlentyStore, id: string, upload: Omit<ModelUpload, 'id'>): Promise<StoredModelVersion> {
  const { model: old } = await storedModel(store, id);
  const economy = await refusedInput('the model', () => parseEconomy(upload.text, { file: `${id}.${upload.format}`, format: upload.format }));
  const m = await store.models.add(id, upload.name ?? old.name, upload.text, upload.format);
  return { id: m.id, version: m.version, name: m.name, createdAt: m.createdAt, summary: modelSummary(economy) };
}
