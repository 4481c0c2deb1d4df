import { parseEconomy } from '../model/parse-economy.js';
import type { PlentyStore } from '../store/index.js';
import { modelSummary, slugOf } from './model-summary.js';
import { refusedInput } from './refused-input.js';
import { ServiceError } from './service-error.js';

/** A model file to store: its text and format, and optionally its id and name. */
export interface ModelUpload {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly format: 'yaml' | 'json';
  readonly text: string;
}

/** A stored model version and how much it holds. */
export interface StoredModelVersion {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly createdAt: string;
  readonly summary: ReturnType<typeof modelSummary>;
}

/**
 * Stores a new model (version 1): parsed first (a bad file is refused with its located issues,
 * nothing stored), under the id given or the slug of its name. Checked and added in one
 * transaction, so a concurrent upload under the same id cannot slip in between: an id given
 * that exists, or the slug of a stored model's name, is a conflict (code `exists`).
 */
export async function uploadModel(store: PlentyStore, upload: ModelUpload): Promise<StoredModelVersion> {
  const economy = await refusedInput('the model', () => parseEconomy(upload.text, { file: `${upload.id ?? 'model'}.${upload.format}`, format: upload.format }));
  const name = upload.name ?? economy.name;
  const given = upload.id;
  const id = given ?? slugOf(name);
  const m = await store.transaction(async (tx) => {
    if (given !== undefined && (await tx.models.exists(given))) throw new ServiceError('conflict', 'exists', `a model with id ${JSON.stringify(given)} exists: PUT /api/models/${given} adds a version`);
    const stored = given === undefined ? await tx.models.get(id) : undefined;
    if (stored !== undefined) {
      const same = stored.text === upload.text && stored.format === upload.format ? ' with the same text' : '';
      throw new ServiceError('conflict', 'exists', `a model named ${JSON.stringify(name)} is stored${same} as ${JSON.stringify(id)} (version ${stored.version}): PUT /api/models/${id} adds a version, or give another id`, [
        { path: ['id'], code: 'exists', message: `the id ${JSON.stringify(id)} of the model's name is taken (version ${stored.version}${same})`, value: id },
      ]);
    }
    return tx.models.add(id, name, upload.text, upload.format);
  });
  return { id: m.id, version: m.version, name: m.name, createdAt: m.createdAt, summary: modelSummary(economy) };
}
