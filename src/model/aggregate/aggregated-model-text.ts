import { checkedModelBytes, checkedModelText } from '../checked-model-file.js';
import type { Economy } from '../types.js';

const REFUSAL = 'the aggregate would not load';

/**
 * The file text of an aggregated model, checked as the loader checks a model file (checkedModelText),
 * so that what `plenty aggregate` writes always loads. A model the loader would refuse (a sum
 * beyond 1e30, say) is an InputError listing the loader's issues at `source` (the model
 * aggregated) with the path of the entry.
 */
export function aggregatedModelText(economy: Economy, format: 'yaml' | 'json', source: string): string {
  return checkedModelText(economy, format, source, REFUSAL);
}

/** The bytes of an aggregated model's file in the binary format, checked as the loader reads it (checkedModelBytes). */
export function aggregatedModelBytes(economy: Economy, source: string): Promise<Uint8Array> {
  return checkedModelBytes(economy, source, REFUSAL);
}
