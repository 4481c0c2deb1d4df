import type { PlentyStore } from '../store/index.js';
import { ReportBatch } from './report-batch.js';

const byStore = new WeakMap<PlentyStore, ReportBatch>();

/** The group commit of a store's reports (report-batch.ts): one per store, made on first use. */
export function reportBatchOf(store: PlentyStore): ReportBatch {
  let b = byStore.get(store);
  if (b === undefined) byStore.set(store, (b = new ReportBatch(store)));
  return b;
}
