/** A list of ids with its index id → position, as compile's IdIndex holds them. */
export interface KnownIds {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

const known = new WeakMap<object, KnownIds>();

/**
 * Remembers that the ids of `list` (a model's products or techniques, say) were checked distinct
 * when read, with the index built for that check, so that compiling the model does not hash
 * millions of ids a second time.
 */
export function rememberIds(list: object, ids: KnownIds): void {
  known.set(list, ids);
}

/** The ids and index remembered for `list`, if any. */
export function knownIds(list: object): KnownIds | undefined {
  return known.get(list);
}
