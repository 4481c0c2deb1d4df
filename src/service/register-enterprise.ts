import { newToken, type EnterpriseRecord, type PlentyStore } from '../store/index.js';
import { modelEnterprises, notNamedByModels } from './model-enterprises.js';
import { serviceContext } from './service-context.js';
import { ServiceError } from './service-error.js';

const exists = (id: string): ServiceError => new ServiceError('conflict', 'exists', `enterprise ${JSON.stringify(id)} exists`);

/**
 * Registers an enterprise that the published plan's model or a stored model names (else refused,
 * code `unknown-enterprise`, with the nearest names), with its reporting token (returned here
 * only; the store keeps its hash). An id registered already is a conflict (code `exists`).
 */
export async function registerEnterprise(store: PlentyStore, input: { readonly id: string; readonly name?: string | undefined }): Promise<EnterpriseRecord & { token: string }> {
  if ((await store.enterprises.get(input.id)) !== undefined) throw exists(input.id);
  const known = await modelEnterprises(serviceContext(store));
  if (!known.includes(input.id)) throw notNamedByModels(input.id, known);
  const token = newToken('enterprise');
  const e = await store.transaction(async (tx) => {
    // Again inside the transaction: a concurrent registration of the same id may have come first.
    if ((await tx.enterprises.get(input.id)) !== undefined) throw exists(input.id);
    const made = await tx.enterprises.add(input.id, input.name ?? input.id);
    await tx.tokens.add(token, 'enterprise', input.id);
    return made;
  });
  return { ...e, token };
}
