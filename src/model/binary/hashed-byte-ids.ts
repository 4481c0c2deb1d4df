import type { ByteStrings } from './byte-strings.js';

/**
 * A read-only map id → position over ids kept as bytes (ByteStrings), like HashedIds
 * (model/hashed-ids.ts) but hashing and comparing the ids' UTF-8 bytes, so that indexing 10⁷ ids
 * makes no string: one Int32Array of slots (open addressing, linear probing), each slot holding a
 * position, with the position's hash beside it so that most mismatches are found without reading
 * the ids' bytes. A lookup by string encodes the string once.
 */
export class HashedByteIds implements ReadonlyMap<string, number> {
  /** Pairs (position + 1, hash) per slot; position + 1 = 0 marks an empty slot. Built at the first lookup. */
  private slots: Int32Array | undefined;
  private mask = 0;
  readonly size: number;

  /**
   * Indexes `ids`, checking at once that they are distinct: `onDuplicate(i, first)` is called, in
   * order of i, for an id equal to an earlier one (the later position is not indexed). The check
   * sorts the ids' hashes (radix sort: sequential passes) rather than inserting them in the table,
   * whose random accesses cost about 0.4 µs an id at 10⁶ on this machine; the table is built at
   * the first lookup, if any.
   */
  constructor(
    private readonly ids: ByteStrings,
    onDuplicate?: (i: number, first: number) => void,
  ) {
    const pairs = duplicates(ids);
    if (onDuplicate !== undefined) for (const [i, first] of pairs) onDuplicate(i, first);
    this.size = ids.length - pairs.length;
  }

  /** The table of slots, built once: every id's first position. */
  private table(): Int32Array {
    if (this.slots !== undefined) return this.slots;
    const n = this.ids.length;
    let capacity = 8;
    while (capacity < n * 1.5) capacity *= 2;
    this.slots = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    const { bytes, offsets } = this.ids;
    for (let i = 0; i < n; i++) this.place(bytes, offsets[i], offsets[i + 1], i);
    return this.slots;
  }

  /**
   * The position of the id whose bytes are key[start, end): placed as position `insert` if absent
   * and `insert` ≥ 0 (then `insert` is returned); −1 if absent and not inserted.
   */
  private place(key: Uint8Array, start: number, end: number, insert: number): number {
    const h = hashBytes(key, start, end);
    const slots = this.slots as Int32Array;
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
      if (sameId(bytes, offsets, at, key, start, end)) return at;
    }
  }

  get(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const key = Buffer.from(id, 'utf8');
    this.table();
    const at = this.place(key, 0, key.length, -1);
    return at < 0 ? undefined : at;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Entries in the order of the ids (positions ascending), each id once. */
  *entries(): MapIterator<[string, number]> {
    const { bytes, offsets } = this.ids;
    this.table();
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

/** Whether id `at` of (bytes, offsets) has the bytes key[start, end). */
function sameId(bytes: Uint8Array, offsets: Int32Array, at: number, key: Uint8Array, start: number, end: number): boolean {
  const a = offsets[at];
  const length = offsets[at + 1] - a;
  if (length !== end - start) return false;
  for (let k = 0; k < length; k++) if (bytes[a + k] !== key[start + k]) return false;
  return true;
}

/**
 * The ids equal to an earlier one, as pairs (position, first position of that id) in order of
 * position: the positions sorted by hash (a stable radix sort, 8 bits a pass), then each run of
 * equal hashes compared byte by byte.
 */
function duplicates(ids: ByteStrings): [number, number][] {
  const n = ids.length;
  const { bytes, offsets } = ids;
  let hash = new Int32Array(n);
  for (let i = 0; i < n; i++) hash[i] = hashBytes(bytes, offsets[i], offsets[i + 1]);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let hashTo = new Int32Array(n);
  let orderTo = new Int32Array(n);
  const counts = new Int32Array(257);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((hash[i] >>> shift) & 255) + 1]++;
    for (let b = 0; b < 256; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) {
      const at = counts[(hash[i] >>> shift) & 255]++;
      hashTo[at] = hash[i];
      orderTo[at] = order[i];
    }
    [hash, hashTo] = [hashTo, hash];
    [order, orderTo] = [orderTo, order];
  }
  const found: [number, number][] = [];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && hash[end] === hash[start]) end++;
    // Within a run positions ascend (the sort is stable): compare each with the earlier ones.
    for (let q = start + 1; q < end; q++) {
      const i = order[q];
      for (let r = start; r < q; r++) {
        const first = order[r];
        if (sameId(bytes, offsets, first, bytes, offsets[i], offsets[i + 1])) {
          // The earliest equal id (positions ascend in the run).
          found.push([i, first]);
          break;
        }
      }
    }
    start = end;
  }
  return found.sort((a, b) => a[0] - b[0]);
}
