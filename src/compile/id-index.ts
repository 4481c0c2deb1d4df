import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { HashedIds } from './hashed-ids.js';
import type { IdIndex } from './types.js';

/** From this many ids on, the index is a HashedIds rather than a Map (far less memory and time at millions). */
export const HASHED_FROM = 1 << 16;

/**
 * An IdIndex over `ids`. Duplicates are an InputError (the model's parser reports them with lines;
 * this guards models built in code). `where(i)` locates the i-th id for the message.
 */
export function idIndex(ids: readonly string[], kind: string, where?: (i: number) => Issue['location'], hashedFrom = HASHED_FROM): IdIndex {
  const issues: Issue[] = [];
  const duplicate = (i: number, first: number): void => {
    issues.push({ code: 'duplicate-id', message: `duplicate ${kind} id "${ids[i]}" (first at position ${first + 1})`, location: where?.(i) ?? {}, value: ids[i] });
  };
  let index: ReadonlyMap<string, number>;
  if (ids.length >= hashedFrom) index = new HashedIds(ids, duplicate);
  else {
    const map = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) {
      const first = map.get(ids[i]);
      if (first === undefined) map.set(ids[i], i);
      else duplicate(i, first);
    }
    index = map;
  }
  if (issues.length > 0) throw new InputError(issues);
  return { ids, index };
}
