import { inputError } from '../../model/errors.js';

/** A comma-separated list of resource ids (`--resource co2,labour`), or undefined when not given. */
export function resourceList(text: string | undefined, option: string): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',').map((s) => s.trim());
  if (ids.some((s) => s === '')) throw inputError('invalid-option', `${option} takes resource ids separated by commas`, { path: [option] }, text);
  return ids;
}
