import type { Economy } from '../model/types.js';
import type { ModelRecord, PlentyStore } from '../store/index.js';
import { serviceContext } from './service-context.js';
import { notFound } from './service-error.js';

/** A stored model version (the latest without `version`) and its parsed economy, or not-found. */
export async function storedModel(store: PlentyStore, id: string, version?: number): Promise<{ model: ModelRecord; economy: Economy }> {
  const model = await store.models.get(id, version);
  if (model === undefined) throw notFound(version === undefined ? 'model' : `version ${version} of a model`, id);
  return { model, economy: serviceContext(store).economies.get(model) };
}
