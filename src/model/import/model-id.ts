import { inputError, type Location } from '../errors.js';
import { regionSchema } from '../schema.js';

/** True when `label` may be an id in a model file (the loader's rule: non-empty text without "@"). */
export function isModelId(label: string): boolean {
  return regionSchema.safeParse(label).success;
}

/**
 * Checks that a label an importer turns into an id (a sector, region or stressor; the value of an
 * option such as --region) is one the model format accepts; else an InputError at `where`.
 */
export function checkModelId(label: string, what: string, where: Location): void {
  if (!isModelId(label)) throw inputError('invalid-id', `${what} becomes an id in the model, and an id is non-empty text without "@"`, where, label);
}
