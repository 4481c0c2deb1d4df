import type { EnterpriseRecord, PlentyStore } from '../store/index.js';
import { notFound } from './service-error.js';

/** A registered enterprise, or not-found. */
export async function registeredEnterprise(store: PlentyStore, id: string): Promise<EnterpriseRecord> {
  const e = await store.enterprises.get(id);
  if (e === undefined) throw notFound('enterprise', id);
  return e;
}
