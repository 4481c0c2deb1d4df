import type { PlentyStore } from '../store/index.js';
import { EconomyCache } from './economy-cache.js';

/**
 * What the use cases keep per store: the store and the parsed models of its stored versions (a
 * stored version never changes). The caches of published plans, compiled scenarios and supply
 * assignments are kept per context too (WeakMaps keyed by it).
 */
export interface ServiceContext {
  readonly store: PlentyStore;
  readonly economies: EconomyCache;
}

const byStore = new WeakMap<PlentyStore, ServiceContext>();

/** The one context of a store (made on first use, kept while the store is). */
export function serviceContext(store: PlentyStore): ServiceContext {
  let ctx = byStore.get(store);
  if (ctx === undefined) byStore.set(store, (ctx = { store, economies: new EconomyCache() }));
  return ctx;
}
