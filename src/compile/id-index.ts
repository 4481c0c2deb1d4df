import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { HASHED_FROM, indexIds } from '../model/hashed-ids.js';
import type { IdIndex } from './types.js';

export { HASHED_FROM };

/**
 * An IdIndex over `ids`. Duplicates are an InputError (the model's parser reports them with lines;
 * this guards models built in code). `where(i)` locates the i-th id for the message.
 */
export function idIndex(ids: readonly string[], kind: string, where?: (i: number) => Issue['location'], hashedFrom = HASHED_FROM): IdIndex {
  const issues: Issue[] = [];
  const duplicate = (i: number, first: number): void => {
    issues.push({ code: 'duplicate-id', message: `duplicate ${kind} id "${ids[i]}" (first at position ${first + 1})`, location: where?.(i) ?? {}, value: ids[i] });
  };
  const index = indexIds(ids, duplicate, hashedFrom);
  if (issues.length > 0) throw new InputError(issues);
  return { ids, index };
}
