import type { PlentyStore } from '../store/index.js';
import { enterprisesOfStoredModel, modelEnterprises } from './model-enterprises.js';
import { serviceContext } from './service-context.js';
import { notFound } from './service-error.js';

/**
 * The enterprises the models name (all the service knows of, or those of one stored model:
 * not-found when there is no such model), each with whether it is registered.
 */
export async function enterpriseNames(store: PlentyStore, model?: string): Promise<{ model?: string; names: { id: string; registered: boolean }[] }> {
  const ctx = serviceContext(store);
  const names = model === undefined ? await modelEnterprises(ctx) : await enterprisesOfStoredModel(ctx, model);
  if (names === undefined) throw notFound('model', model ?? '');
  const registered = new Set((await store.enterprises.list()).map((e) => e.id));
  return { ...(model === undefined ? {} : { model }), names: names.map((id) => ({ id, registered: registered.has(id) })) };
}
