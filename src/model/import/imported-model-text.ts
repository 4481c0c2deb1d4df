import { checkedModelBytes, checkedModelText } from '../checked-model-file.js';
import type { Economy } from '../types.js';

const REFUSAL = 'the model imported from it would not load';

/**
 * The file text of an imported model, checked exactly as the loader checks a model file
 * (checkedModelText): every importer's model goes through here before it is written, so what an
 * importer writes always loads (`plenty check` accepts it). A model the loader would refuse is an
 * InputError listing the loader's issues, each at `source` (the table read) with the path of the
 * model entry and its value; a model too big for a text, one pointing to the binary format.
 */
export function importedModelText(economy: Economy, format: 'yaml' | 'json', source: string): string {
  return checkedModelText(economy, format, source, REFUSAL);
}

/** The bytes of an imported model's file in the binary format, checked as the loader reads it (checkedModelBytes). */
export function importedModelBytes(economy: Economy, source: string): Promise<Uint8Array> {
  return checkedModelBytes(economy, source, REFUSAL);
}
