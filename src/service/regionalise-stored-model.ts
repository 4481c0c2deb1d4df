import { regionaliseModel, type RegionaliseRequest } from '../analysis/index.js';
import { compileEconomy } from '../compile/index.js';
import { aggregatedModelText } from '../model/index.js';
import type { RegionalData } from '../model/parse-regional-data.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import { ServiceError } from './service-error.js';
import { storedModel } from './stored-model.js';

const taken = (id: string): ServiceError => new ServiceError('conflict', 'exists', `a model with id ${JSON.stringify(id)} exists: choose another id`, [{ path: ['store', 'id'], code: 'exists', message: 'taken', value: id }]);

/**
 * The regional table of a stored (national) model version by location quotients (analysis/
 * regionalise-model.ts, as `plenty regionalise --json`) and, with `storeAs`, the regional model
 * stored as a new model (its id must be free: a conflict located at `store.id`, checked before
 * the work and again in the transaction that adds it). The regional data is read (`data`) once
 * the model is found; data or options that do not fit are refused as `the regional table`.
 */
export async function regionaliseStoredModel(
  store: PlentyStore,
  ref: { readonly id: string; readonly version?: number | undefined },
  data: () => RegionalData,
  request: RegionaliseRequest,
  storeAs?: { readonly id: string } | undefined,
): Promise<Record<string, unknown>> {
  if (storeAs !== undefined && (await store.models.exists(storeAs.id))) throw taken(storeAs.id);
  const { model: m, economy } = await storedModel(store, ref.id, ref.version);
  return refusedInput('the regional table', async () => {
    const r = regionaliseModel(economy, compileEconomy(economy), data(), request);
    let stored: { id: string; version: number; name: string } | undefined;
    if (storeAs !== undefined && r.economy !== undefined) {
      const text = aggregatedModelText(r.economy, 'yaml', `${storeAs.id}.yaml`);
      const economyName = r.economy.name;
      const s = await store.transaction(async (tx) => {
        if (await tx.models.exists(storeAs.id)) throw taken(storeAs.id);
        return tx.models.add(storeAs.id, economyName, text, 'yaml');
      });
      stored = { id: s.id, version: s.version, name: s.name };
    }
    return { ...(r.json as object), modelId: m.id, version: m.version, stored: stored ?? null, failures: r.failures };
  });
}
