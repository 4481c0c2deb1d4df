import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import type { IdIndex } from './types.js';

/**
 * An IdIndex over `ids`. Duplicates are an InputError (the model's parser reports them with lines;
 * this guards models built in code). `where(i)` locates the i-th id for the message.
 */
export function idIndex(ids: readonly string[], kind: string, where?: (i: number) => Issue['location']): IdIndex {
  const index = new Map<string, number>();
  const issues: Issue[] = [];
  for (let i = 0; i < ids.length; i++) {
    const first = index.get(ids[i]);
    if (first === undefined) index.set(ids[i], i);
    else issues.push({ code: 'duplicate-id', message: `duplicate ${kind} id "${ids[i]}" (first at position ${first + 1})`, location: where?.(i) ?? {}, value: ids[i] });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { ids, index };
}
