/**
 * A model's products or techniques kept as columns (read from a binary model of many records:
 * ids as bytes, a region index per record, units), with no object per record: the list reads as a
 * read-only array whose element i is made when read. Code that walks every record (compile) asks
 * `recordColumns` for the columns instead.
 */
export interface RecordColumns {
  /** The number of records. */
  readonly length: number;
  /** Per record: the index of its region in the model's regions, or −1 for none. */
  readonly region: Int32Array;
  /** Products: each record's unit. */
  readonly unit?: readonly string[];
}

const columnsOf = new WeakMap<object, RecordColumns>();

/**
 * The columns behind `list` when it was made by `columnRecords`: its records then hold only an id,
 * a region (and for products a unit), nothing else (no name, capacity, stock, build).
 */
export function recordColumns(list: object): RecordColumns | undefined {
  return columnsOf.get(list);
}

const indexOf = (p: string | symbol, length: number): number => {
  if (typeof p !== 'string' || p.length === 0) return -1;
  const c = p.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && p.length > 1)) return -1;
  const i = Number(p);
  return Number.isInteger(i) && i < length ? i : -1;
};

/**
 * A read-only array of `length` elements, element i made by `at(i)` each time it is read (no
 * element is kept). Array methods work on it as on an array; writes are refused.
 */
export function lazyList<T>(length: number, at: (i: number) => T): readonly T[] {
  const handler: ProxyHandler<T[]> = {
    get(target, p, receiver) {
      if (p === 'length') return length;
      const i = indexOf(p, length);
      return i >= 0 ? at(i) : Reflect.get(target, p, receiver);
    },
    has(target, p) {
      return p === 'length' || indexOf(p, length) >= 0 || Reflect.has(target, p);
    },
    ownKeys() {
      const keys: string[] = Array.from({ length }, (_, i) => String(i));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(_target, p) {
      if (p === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      const i = indexOf(p, length);
      return i >= 0 ? { value: at(i), writable: false, enumerable: true, configurable: true } : undefined;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return new Proxy<T[]>([], handler);
}

/**
 * A list of records made from columns (see lazyList), remembered with them for `recordColumns`.
 * `record(i)` must make the record from the columns alone.
 */
export function columnRecords<T>(columns: RecordColumns, record: (i: number) => T): readonly T[] {
  const list = lazyList(columns.length, record);
  columnsOf.set(list, columns);
  return list;
}
