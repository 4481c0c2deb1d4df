import type { ByteStrings } from './byte-strings.js';

/**
 * A read-only map id → position over ids kept as bytes (ByteStrings), like HashedIds
 * (model/hashed-ids.ts) but hashing and comparing the ids' UTF-8 bytes, so that indexing 10⁷ ids
 * makes no string: one Int32Array of slots (open addressing, linear probing), each slot holding a
 * position, with the position's hash beside it so that most mismatches are found without reading
 * the ids' bytes. A lookup by string encodes the string once.
 */
export class HashedByteIds implements ReadonlyMap<string, number> {
  /** Pairs (position + 1, hash) per slot; position + 1 = 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  /**
   * Indexes `ids`. `onDuplicate(i, first)` is called for an id equal to an earlier one (the later
   * position is not indexed).
   */
  constructor(
    private readonly ids: ByteStrings,
    onDuplicate?: (i: number, first: number) => void,
  ) {
    const n = ids.length;
    let capacity = 8;
    while (capacity < n * 1.5) capacity *= 2;
    this.slots = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    const { bytes, offsets } = ids;
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const first = this.place(bytes, offsets[i], offsets[i + 1], i);
      if (first === i) distinct++;
      else onDuplicate?.(i, first);
    }
    this.size = distinct;
  }

  /**
   * The position of the id whose bytes are key[start, end): placed as position `insert` if absent
   * and `insert` ≥ 0 (then `insert` is returned); −1 if absent and not inserted.
   */
  private place(key: Uint8Array, start: number, end: number, insert: number): number {
    const h = hashBytes(key, start, end);
    const slots = this.slots;
    const { bytes, offsets } = this.ids;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = slots[2 * s] - 1;
      if (at < 0) {
        if (insert < 0) return -1;
        slots[2 * s] = insert + 1;
        slots[2 * s + 1] = h;
        return insert;
      }
      if (slots[2 * s + 1] !== h) continue;
      const a = offsets[at];
      const length = offsets[at + 1] - a;
      if (length !== end - start) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (bytes[a + k] !== key[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return at;
    }
  }

  get(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const key = Buffer.from(id, 'utf8');
    const at = this.place(key, 0, key.length, -1);
    return at < 0 ? undefined : at;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Entries in the order of the ids (positions ascending), each id once. */
  *entries(): MapIterator<[string, number]> {
    const { bytes, offsets } = this.ids;
    for (let i = 0; i < this.ids.length; i++) if (this.place(bytes, offsets[i], offsets[i + 1], -1) === i) yield [this.ids.get(i), i];
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<number> {
    for (const [, i] of this.entries()) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [id, i] of this.entries()) callback(i, id, this);
  }
}

/** FNV-1a over bytes, with a final mix (ids differing only in their last bytes spread over the table). */
function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    h ^= b[k];
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}
