import { deepNesting, edgeNumber, HOSTILE_STRINGS, hostileNumber, nestingDepth, wrongType } from './hostile.js';
import type { Rng } from './rng.js';
import { cloneTree, Obj, Raw, type Node } from './tree.js';

/** A place in a tree: the container and the entry or index there. */
interface Slot {
  readonly parent: Obj | Node[];
  readonly at: number;
  readonly node: Node;
  readonly depth: number;
}

function slotsOf(root: Node): Slot[] {
  const out: Slot[] = [];
  const walk = (n: Node, depth: number): void => {
    if (n instanceof Obj) {
      n.entries.forEach(([, v], i) => {
        out.push({ parent: n, at: i, node: v, depth });
        walk(v, depth + 1);
      });
    } else if (Array.isArray(n)) {
      n.forEach((v, i) => {
        out.push({ parent: n, at: i, node: v, depth });
        walk(v, depth + 1);
      });
    }
  };
  walk(root, 0);
  return out;
}

function set(slot: Slot, value: Node): void {
  if (slot.parent instanceof Obj) slot.parent.entries[slot.at][1] = value;
  else slot.parent[slot.at] = value;
}

/** Every string of a tree, keys included: the ids a reference may be swapped for. */
export function stringsOf(root: Node): string[] {
  const out = new Set<string>();
  const walk = (n: Node): void => {
    if (typeof n === 'string' && n.length < 40) out.add(n);
    else if (n instanceof Obj)
      for (const [k, v] of n.entries) {
        if (k.length < 40) out.add(k);
        walk(v);
      }
    else if (Array.isArray(n)) n.forEach(walk);
  };
  walk(root);
  return [...out];
}

/** A copy of `n` whose id-like strings end in `suffix` (to make many distinct copies of a list item). */
function renamed(n: Node, suffix: string): Node {
  if (n instanceof Obj) return new Obj(n.entries.map(([k, v]) => [k, k === 'id' && typeof v === 'string' ? `${v}${suffix}` : renamed(v, suffix)]));
  if (Array.isArray(n)) return n.map((v) => renamed(v, suffix));
  return n;
}

export interface TreeMutationOptions {
  /** The text will be YAML (YAML-only tokens are fair game). */
  readonly yaml: boolean;
  /** Largest list a mutation may make. */
  readonly maxArray: number;
  /** Allow nesting deep enough to break a recursive reader. */
  readonly deep: boolean;
}

type Mutation = (rng: Rng, slot: Slot, ids: readonly string[], o: TreeMutationOptions) => string;

const replaceNumber: Mutation = (rng, slot, _ids, o) => {
  let v = rng.chance(0.35) ? edgeNumber(rng) : hostileNumber(rng, o.yaml);
  // A string slot holds ids: a string there must not spell a number (see HOSTILE_STRINGS).
  if (typeof slot.node === 'string' && typeof v === 'string') v = new Raw('1e308');
  set(slot, v);
  return `number → ${v instanceof Raw ? v.text : JSON.stringify(v)}`;
};

const replaceString: Mutation = (rng, slot, ids) => {
  const v = rng.chance(0.3) && ids.length > 0 ? rng.pick(ids) : rng.pick(HOSTILE_STRINGS);
  set(slot, v);
  return `string → ${JSON.stringify(v).slice(0, 40)}`;
};

const replaceWrongType: Mutation = (rng, slot) => {
  set(slot, wrongType(rng, slot.node));
  return 'wrong type';
};

const nest: Mutation = (rng, slot, _ids, o) => {
  const depth = o.deep ? nestingDepth(rng) : rng.between(2, 50);
  set(slot, deepNesting(rng, depth));
  return `nested ${depth} deep`;
};

const mapMutations: readonly (readonly [number, (rng: Rng, m: Obj, ids: readonly string[], o: TreeMutationOptions) => string])[] = [
  [
    3,
    (rng, m) => {
      if (m.entries.length === 0) return 'nothing to drop';
      const [k] = m.entries.splice(rng.int(m.entries.length), 1)[0];
      return `dropped key ${k}`;
    },
  ],
  [
    2,
    (rng, m, _ids, o) => {
      if (m.entries.length === 0) return 'nothing to repeat';
      const [k, v] = rng.pick(m.entries);
      const other = typeof v === 'number' ? hostileNumber(rng, o.yaml) : rng.chance(0.5) ? cloneTree(v) : wrongType(rng, v);
      m.entries.splice(rng.int(m.entries.length + 1), 0, [k, other]);
      return `repeated key ${k}`;
    },
  ],
  [
    2,
    (rng, m, ids) => {
      const k = rng.chance(0.5) && ids.length > 0 ? rng.pick(ids) : rng.pick(HOSTILE_STRINGS);
      m.entries.push([k, rng.chance(0.5) ? 1 : rng.pick(HOSTILE_STRINGS)]);
      return `added key ${JSON.stringify(k).slice(0, 40)}`;
    },
  ],
  [
    2,
    (rng, m, ids) => {
      if (m.entries.length === 0) return 'nothing to rename';
      const e = rng.pick(m.entries);
      const k = rng.chance(0.4) && ids.length > 0 ? rng.pick(ids) : rng.pick(HOSTILE_STRINGS);
      const old = e[0];
      e[0] = rng.chance(0.3) ? `${old}@${k}` : k;
      return `renamed key ${old}`;
    },
  ],
  [
    1,
    (rng, m, _ids, o) => {
      const n = rng.between(10, o.maxArray);
      const base = rng.chance(0.5) && m.entries.length > 0 ? rng.pick(m.entries) : (['k', 1] as [string, Node]);
      for (let i = 0; i < n; i++) m.entries.push([`${base[0]}_${i}`, cloneTree(base[1])]);
      return `${n} more keys`;
    },
  ],
];

const listMutations: readonly (readonly [number, (rng: Rng, a: Node[], o: TreeMutationOptions) => string])[] = [
  [3, (rng, a) => (a.length === 0 ? 'empty list' : (a.splice(rng.int(a.length), 1), 'dropped an item'))],
  [3, (rng, a) => (a.length === 0 ? 'empty list' : (a.splice(rng.int(a.length + 1), 0, cloneTree(rng.pick(a))), 'repeated an item'))],
  [1, (_rng, a) => (a.splice(0, a.length), 'emptied a list')],
  [1, (rng, a) => (a.push(rng.pick<Node>([null, 1, 'x', [], new Obj([])])), 'added a stray item')],
  [
    1,
    (rng, a, o) => {
      if (a.length === 0) return 'empty list';
      const n = rng.between(10, o.maxArray);
      const base = rng.pick(a);
      for (let i = 0; i < n; i++) a.push(rng.chance(0.8) ? renamed(cloneTree(base), `_${i}`) : cloneTree(base));
      return `${n} more items`;
    },
  ],
];

/**
 * Mutates a tree in place `count` times: hostile numbers, strings and types, dropped, repeated,
 * added and renamed keys, list items dropped and repeated, long lists, deep nesting. Returns what
 * was done, one line per mutation.
 */
export function mutateTree(root: Node, rng: Rng, count: number, o: TreeMutationOptions): string[] {
  const done: string[] = [];
  const ids = stringsOf(root);
  for (let k = 0; k < count; k++) {
    const slots = slotsOf(root);
    if (slots.length === 0) break;
    // Leaves are where the values are: prefer them, but reach containers too.
    const slot = rng.pick(slots);
    const n = slot.node;
    if (n instanceof Obj && rng.chance(0.75)) done.push(rng.weighted(mapMutations.map(([w, f]) => [w, f] as const))(rng, n, ids, o));
    else if (Array.isArray(n) && rng.chance(0.75)) done.push(rng.weighted(listMutations.map(([w, f]) => [w, f] as const))(rng, n, o));
    else if (typeof n === 'number' || n instanceof Raw) done.push(rng.weighted<Mutation>([[6, replaceNumber], [1, replaceWrongType], [0.3, nest]])(rng, slot, ids, o));
    else if (typeof n === 'string') done.push(rng.weighted<Mutation>([[5, replaceString], [1, replaceWrongType], [1, replaceNumber], [0.3, nest]])(rng, slot, ids, o));
    else done.push(rng.weighted<Mutation>([[3, replaceWrongType], [1, replaceNumber], [1, nest]])(rng, slot, ids, o));
  }
  return done;
}
